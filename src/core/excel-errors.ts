/** Excel's error values, as they appear in cells and as custom functions return them. */
export const EXCEL_ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
] as const;
export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];

/** An error value stored in a cell (the grid's representation of `#DIV/0!` and friends). */
export interface CellError {
  readonly error: ExcelErrorCode;
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && typeof (value as CellError).error === "string";
}

/** Recognises an error value written as text, as Office.js and file readers hand it over. */
export function parseErrorCode(text: string): ExcelErrorCode | null {
  const t = text.trim().toUpperCase();
  return (EXCEL_ERROR_CODES as readonly string[]).includes(t) ? (t as ExcelErrorCode) : null;
}

/**
 * What a finance function raises on bad input: the Excel error the cell shows, and a message that
 * names the argument and what was wrong. Hosts turn it into CustomFunctions.Error or a CLI line.
 */
export class FunctionError extends Error {
  constructor(
    readonly code: "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A",
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}
