import { CellError } from "./excel-errors";

/**
 * The workbook as the core sees it: plain data that both hosts can build, Office.js from a
 * sheet's used range, the file host from an .xlsx. Rows and columns are 0-based and every grid
 * starts at A1 (hosts pad a used range that starts further in). Arrays may be ragged: a missing
 * entry is an empty cell.
 */
export type CellValue = number | string | boolean | CellError | null;

export interface SheetGrid {
  name: string;
  /** Stored values; for a formula cell, its cached result. Dates as Excel serial numbers. */
  values: CellValue[][];
  /** Formula text with its leading `=`, or null/undefined where the cell holds a constant. */
  formulas: (string | null | undefined)[][];
  /** Number format codes (`0.0`, `#,##0"*"`); null/undefined or `General` for none. */
  numberFormats: (string | null | undefined)[][];
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  merges: readonly CellRange[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

/** An inclusive, 0-based rectangle of cells. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One cell of a grid, with everything a rule may ask of it. */
export interface Cell {
  row: number;
  col: number;
  address: string;
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  hidden: boolean;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell {
  const value = sheet.values[row]?.[col];
  return {
    row,
    col,
    address: toA1(row, col),
    value: value === undefined || value === "" ? null : value,
    formula: sheet.formulas[row]?.[col] || null,
    numberFormat: sheet.numberFormats[row]?.[col] || "General",
    hidden: sheet.hiddenRows.has(row) || sheet.hiddenColumns.has(col),
  };
}

/** Rows and columns the grid spans (the longest row sets the width). */
export function gridSize(sheet: SheetGrid): { rows: number; cols: number } {
  let cols = 0;
  for (const row of sheet.values) if (row && row.length > cols) cols = row.length;
  return { rows: sheet.values.length, cols };
}

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeToA1(range: CellRange): string {
  const start = toA1(range.top, range.left);
  const end = toA1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** `B12` to {row: 11, col: 1}; null for anything that is not a single A1 cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** `A3:D9` (or a single cell) as a range within Excel's grid; null for anything else. */
export function parseRangeA1(text: string): CellRange | null {
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const a = parseA1(parts[0]);
  const b = parseA1(parts[1] === undefined ? parts[0] : parts[1]);
  if (!a || !b) return null;
  const range = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  return range.top >= 0 && range.left >= 0 && range.bottom < EXCEL_MAX_ROWS && range.right < EXCEL_MAX_COLUMNS
    ? range
    : null;
}

/** Whether two ranges share a cell. */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A grid from rows of values alone, for tests and for hosts that know nothing more. */
export function sheetFromValues(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return {
    name,
    values,
    formulas: [],
    numberFormats: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    merges: [],
    ...extra,
  };
}
