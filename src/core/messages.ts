/**
 * Every message a finance function gives with its Excel error, in one place (as HyperFormula keeps
 * its error messages), so that wording stays consistent and the tests can name them. Each names the
 * argument (`budget`, or `budget (row 3)` inside a range) and says what was wrong.
 */

/** How a received value reads in a message: `text 'abc'`, `TRUE`, `an empty cell`, `1e+308`. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty cell";
  if (typeof value === "string") return `text '${value.length > 40 ? value.slice(0, 37) + "..." : value}'`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `a range of ${value.length}×${Array.isArray(value[0]) ? value[0].length : 1} cells`;
  return "a value that is not a number or text";
}

export const MESSAGES = {
  // #VALUE!: the wrong kind of value
  notNumber: (arg: string, got: unknown) => `${arg} must be a number, got ${describeValue(got)}`,
  amountWithUnit: (arg: string, text: string) =>
    `${arg} must be a plain number, got text '${text}' which names a unit: convert it with SAVINGS.PARSE first`,
  notSingleValue: (arg: string, got: unknown[]) => `${arg} must be a single value, got ${describeValue(got)}`,
  notUnit: (arg: string, got: unknown) => `${arg} must be one of £, £000 or £m, got ${describeValue(got)}`,
  notFinancialYear: (arg: string, got: unknown) =>
    `${arg} must be a financial year such as 2015/16, got ${describeValue(got)}`,
  notDate: (arg: string, got: unknown) =>
    `${arg} must be a date (a date cell, or text such as 2017-10-01 or 01/10/2017), got ${describeValue(got)}`,
  notAmountText: (arg: string, got: unknown) =>
    `${arg} must be an amount such as £4.462m, 2,800 or (1,250), got ${describeValue(got)}`,
  errorValue: (arg: string, code: string) => `${arg} is the error ${code}`,
  dataType: (arg: string, type: string, shown: unknown) =>
    `${arg} is an Excel data type (${type}${shown === undefined ? "" : `, ${describeValue(shown)}`}), not a plain value: ` +
    "give its figure instead, such as one of its fields (=A2.Population)",

  // #DIV/0!: a divisor of zero
  zero: (arg: string) => `${arg} must not be zero`,

  // #NUM!: a number out of range
  negative: (arg: string, got: string) => `${arg} must not be negative, got ${got}`,
  tooLarge: (arg: string, limit: string, got: string) => `${arg} must be at most ${limit} in size, got ${got}`,
  outOfRange: (arg: string, min: string, max: string, got: string) =>
    `${arg} must be from ${min} to ${max}, got ${got}`,
  zeroOutOfRange: (arg: string, min: string, max: string, fallback: string) =>
    `${arg} must be from ${min} to ${max}, got 0 (Excel desktop passes an empty cell as 0): leave ${arg} out for ${fallback}`,
  notWhole: (arg: string, got: string) => `${arg} must be a whole number, got ${got}`,
  exceeds: (arg: string, got: string, other: string, limit: string) =>
    `${arg} (${got}) must not exceed ${other} (${limit})`,
  resultTooLarge: () => "the result is beyond the largest number Excel holds (about 1e308)",
  yearOutOfRange: (first: string, last: string, got: string) =>
    `the financial year must be from ${first} to ${last} (the years within Excel's dates), got one starting in ${got}`,

  // #N/A: a figure marked not applicable, or no cell there
  notApplicable: (arg: string, text: string) => `${arg} is not applicable ('${text}')`,
  beyondRange: (arg: string, size: string, row: number, column: number) =>
    `${arg} is ${size} cells: it has no cell for row ${row}, column ${column} of the result`,
} as const;

/**
 * What is wrong with a settings JSON (SPEC §8), for `--config` errors and the `settings-invalid`
 * finding. Each starts with the key it is about: `settings.rules.pct-mismatch: must be one of …`.
 */
export const SETTINGS_MESSAGES = {
  notJson: (detail: string) => `settings: not valid JSON (${detail})`,
  notObject: (key: string) => `${key}: must be an object`,
  notArray: (key: string) => `${key}: must be a list`,
  notText: (key: string) => `${key}: must be text`,
  blank: (key: string) => `${key}: must not be blank`,
  required: (key: string) => `${key}: is required`,
  unknownKey: (key: string, allowed: readonly string[]) => `${key}: unknown key (allowed: ${allowed.join(", ")})`,
  unknownRule: (key: string, rules: readonly string[]) => `${key}: no such rule (rules: ${rules.join(", ")})`,
  oneOf: (key: string, allowed: readonly string[]) => `${key}: must be one of ${allowed.join(", ")}`,
  version: (got: unknown, known: number) => `settings.version: must be ${known}, got ${JSON.stringify(got)}`,
  newerVersion: (got: number, known: number) =>
    `settings.version: ${got} was written by a newer savings-check (this one reads version ${known})`,
  notRange: (key: string, got: string) => `${key}: must be a range of cells such as A3:D9, got '${got}'`,
  notCell: (key: string, got: string) => `${key}: must be a cell such as C9, got '${got}'`,
  notColumn: (key: string) => `${key}: must name a column by its letters, such as D`,
  columnOutside: (key: string, range: string) => `${key}: the column is outside the table's range ${range}`,
  role: (key: string, roles: readonly string[]) =>
    `${key}: must be one of ${roles.join(", ")}, or year: and a financial year (year:2024/25)`,
  tablesOverlap: (key: string, other: string) => `${key}: overlaps the table declared at ${other} on the same sheet`,
  noFigureColumn: (key: string) => `${key}: a table needs at least one column of figures`,
  threshold: (key: string) => `${key}: must be a number above 0 and at most 1 (a share of the budget)`,
  noThreshold: (key: string, rules: readonly string[]) => `${key}: only ${rules.join(", ")} takes a threshold`,
  damagedSheet: (sheet: string, problem: string) =>
    `The workbook's settings (the very hidden sheet ${sheet}) were ignored: ${problem}.`,
  declaredSheetMissing: (key: string, sheet: string) => `${key}: the workbook has no sheet named '${sheet}'`,
  declaredNoTable: (key: string) => `${key}: its rows hold no figures in the columns it declares`,
} as const;
