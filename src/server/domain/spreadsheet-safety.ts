/**
 * Spreadsheet formula injection (F11): a text cell that a spreadsheet program would read as a formula
 * (`=`, `+`, `-`, `@`, or a leading tab or carriage return) is prefixed with an apostrophe, so a name like
 * `=HYPERLINK("http://evil","click")` stays inert text. Numbers are left as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CellValue = string | number | null;

export function neutraliseCell(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One CSV field (RFC 4180 quoting) after neutralising it. Fields with `;` or a tab are quoted too:
 * spreadsheets set to split on them (common with Vietnamese and European locales) would otherwise
 * start a new cell, which could begin with `=`.
 */
export function csvField(value: CellValue): string {
  const safe = neutraliseCell(value);
  if (safe === null) return '';
  const text = String(safe);
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
