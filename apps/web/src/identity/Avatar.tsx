/** A coloured disc with a person's initials, as on their caret label. */
export function Avatar({
  name,
  color,
  size = 'normal',
}: {
  readonly name: string;
  readonly color: string;
  readonly size?: 'normal' | 'small';
}) {
  return (
    <span className={`avatar avatar--${size}`} style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function initials(name: string): string {
  // Drop a parenthesised delegation ("Amina Diallo (Senegal)") before taking initials.
  const words = name
    .replace(/\(.*?\)/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0] ?? name.trim();
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = [...first].slice(0, 1).join('') + (last ? [...last].slice(0, 1).join('') : '');
  return letters.toUpperCase() || '?';
}
