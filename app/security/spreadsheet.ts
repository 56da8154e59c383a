// CSV cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) are
// written with a leading apostrophe, which spreadsheets show as text and hide. Our own import takes
// that apostrophe off again, so an exported file imports back exactly ("+32 2 284 21 11" stays a
// phone number, and "=HYPERLINK(…)" in an imported name never runs on an organiser's machine).
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetCell(value: string | null | undefined): string {
  if (!value) return "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function fromSpreadsheetCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
