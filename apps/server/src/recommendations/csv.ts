/**
 * CSV for spreadsheets. UTF-8 with a byte-order mark so that Excel opens accented names
 * (Côte d'Ivoire, Türkiye) right; every cell quoted; and a cell that starts with = + - @ (or a
 * tab or carriage return) is prefixed with an apostrophe so a spreadsheet never runs it as a
 * formula (CSV injection, OWASP).
 */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const line = (cells: ReadonlyArray<string | number | null>) => cells.map(cell).join(',');
  return '\uFEFF' + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
