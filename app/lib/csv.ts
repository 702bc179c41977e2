/**
 * CSV for spreadsheets people open by double-clicking: RFC 4180 quoting, CRLF line ends, a
 * UTF-8 byte order mark (without it Excel reads Thai as mojibake), and cells that a spreadsheet
 * would run as a formula (= + - @, and the tab and carriage return that also start one) made
 * plain text with a leading apostrophe, so a buyer's name like `=HYPERLINK(…)` stays a name
 * (OWASP "CSV injection").
 */

/** A number we formatted ourselves (see bahtCell): written as it is, never neutralised. */
export type CsvNumber = { readonly csvNumber: string };
export type CsvValue = string | number | CsvNumber | null | undefined;

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text neutralised, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Numbers are ours (amounts, quantities), never typed by a person: negative ones stay numbers.
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return value.csvNumber;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header row, then the rows, each line ended with CRLF, behind a BOM. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

/** Satang as baht with two decimals and no grouping ("1250.00"), the way spreadsheets read numbers. */
export function bahtCell(satang: number): CsvNumber {
  const sign = satang < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(satang));
  return { csvNumber: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}` };
}
