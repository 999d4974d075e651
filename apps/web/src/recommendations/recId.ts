/**
 * A new recommendation id: 12 hex digits from `crypto.randomUUID()` (48 random bits: two
 * rapporteurs would have to mark some 16 million recommendations in one document before a
 * collision became likely). Ids are keys in the tags map, where "|" separates the parts of a
 * key, so an id never contains one; the `r` prefix keeps it a valid HTML id fragment
 * (`#rec-<id>` links) whatever the digits.
 */
export function newRecId(): string {
  return `r${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
