/**
 * Session numbers as concept notes write them: "2", "II", "two", "second". Roman numerals are
 * accepted in upper case only, because "i" / "v" / "x" in lower case are far more often words
 * or list markers than numbers.
 */

const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a canonical upper-case roman numeral ("XIV" → 14); undefined otherwise. */
export function parseRoman(text: string): number | undefined {
  if (text === '' || !ROMAN.test(text)) return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text[i]!]!;
    const next = i + 1 < text.length ? ROMAN_VALUES[text[i + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  return total;
}

const CARDINALS = (
  'one two three four five six seven eight nine ten ' +
  'eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
).split(' ');
const ORDINALS = 'first second third fourth fifth sixth seventh eighth ninth tenth'.split(' ');

/** "three" → 3, "Third" → 3; undefined for anything else. */
export function parseNumberWord(text: string): number | undefined {
  const word = text.toLowerCase();
  const cardinal = CARDINALS.indexOf(word);
  if (cardinal >= 0) return cardinal + 1;
  const ordinal = ORDINALS.indexOf(word);
  return ordinal >= 0 ? ordinal + 1 : undefined;
}

/** The ordinal words accepted by `parseNumberWord`, for building patterns like "Second session". */
export const ORDINAL_WORDS: readonly string[] = ORDINALS;

/** A session or day number written as digits (1-99), a roman numeral or a word. */
export function parseSessionNumber(token: string): number | undefined {
  if (/^\d{1,2}$/.test(token)) {
    const value = Number(token);
    return value > 0 ? value : undefined;
  }
  return parseRoman(token) ?? parseNumberWord(token);
}
