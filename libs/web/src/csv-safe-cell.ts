/** What a spreadsheet runs as a formula when a cell starts with it (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which a spreadsheet reads as that number and never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell for CSV (or XLSX) that a spreadsheet shows as text: one starting with `=`, `+`, `-`, `@`, tab
 * or carriage return gets a leading `'`, as OWASP advises. A plain number such as `-12.5` is left as it is:
 * it cannot run anything, and prefixing it would turn a figure into text. Quoting (RFC 4180) is the CSV
 * writer's job.
 */
export function csvSafeCell(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
