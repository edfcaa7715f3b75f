/**
 * What a cell is, before anything knows which table it belongs to (Pytheas reads a table as a
 * block of consistent columns): a figure, a figure typed as text, a not-applicable marker, words,
 * an error, a date, a formula whose result was never stored, or nothing.
 */
import { isNotApplicable, parseAmountText } from "../amount";
import { isCellError, parseErrorCode } from "../excel-errors";
import { SheetGrid } from "../grid";
import { parseUnit } from "../units";

export type CellClass =
  | "blank"
  | "figure" // a number
  | "text-figure" // an amount or a percentage typed as text: `2,800**`, `£408m`, `92.4%`
  | "na" // `n/a`, `-`, `nil`
  | "word"
  | "error"
  | "date" // a number shown as a date: not a figure
  | "uncached"; // a formula with no stored result (files written by other programs)

/** A percentage typed as text: `92.4%`, `(3%)`. */
const PERCENT_TEXT = /^\(?[-−]?\d[\d,]*(?:\.\d+)?\s*%\)?$/;

const dateFormats = new Map<string, boolean>();

/** A number format that shows a date or time (`dd/mm/yyyy`, `mmm-yy`, `h:mm`), quoted text and colours aside. */
export function isDateFormat(code: string | null | undefined): boolean {
  if (!code || code === "General") return false;
  let known = dateFormats.get(code);
  if (known === undefined) {
    const bare = code.split(";")[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
    known = /[dmyhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/[dmyhs]+/gi, ""));
    dateFormats.set(code, known);
  }
  return known;
}

const CLASSES: readonly CellClass[] = ["blank", "figure", "text-figure", "na", "word", "error", "date", "uncached"];
/** 0 in the cache: a cell not classified yet; otherwise its class's index plus one. */
const UNKNOWN = 0;

/** A sheet's cell classes: one byte per cell of each row's width, all rows in one array. */
export interface SheetClasses {
  /** Where each row starts in `codes`; row r's width is start[r + 1] - start[r]. */
  start: Int32Array;
  codes: Uint8Array;
  /** Once every cell is classified: each row's figures, so that passes over a sheet go a row at a time. */
  rows: RowFigures | null;
}

/** Per row: how many cells hold figures (isFigureCode), how many of those are uncached formulas, and the first and last column holding one (-1 when none). */
export interface RowFigures {
  count: Int32Array;
  uncached: Int32Array;
  first: Int32Array;
  last: Int32Array;
}

/**
 * Each sheet's cells by class, worked out once (detection, typing and coverage all ask, often of
 * the same cell): grids are read-only once given to the engine. One array per sheet, not per
 * row: a typed array per row of a long register costs more than classifying its cells.
 */
const classesOf = new WeakMap<SheetGrid, SheetClasses>();
/** The sheet asked about last: asked of one sheet many times over, the WeakMap is looked up on a change only. */
let lastSheet: SheetGrid | null = null;
let last: SheetClasses = { start: new Int32Array(1), codes: new Uint8Array(0), rows: null };

function classesOfSheet(sheet: SheetGrid): SheetClasses {
  if (sheet === lastSheet) return last;
  let classes = classesOf.get(sheet);
  if (!classes) {
    const rows = Math.max(sheet.values.length, sheet.formulas.length);
    const start = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++)
      start[r + 1] = start[r] + Math.max(sheet.values[r]?.length ?? 0, sheet.formulas[r]?.length ?? 0);
    classes = { start, codes: new Uint8Array(start[rows]), rows: null };
    classesOf.set(sheet, classes);
  }
  lastSheet = sheet;
  last = classes;
  return classes;
}

/** A class as a code (`classCodeAt`), for loops over every cell of a sheet. */
export const classCode = (cls: CellClass): number => CLASSES.indexOf(cls) + 1;

const FIGURE_CODE = classCode("figure");
const TEXT_FIGURE_CODE = classCode("text-figure");
/** A formula with no stored result, as a code: coverage counts it unchecked wherever it sits. */
export const UNCACHED_CODE = classCode("uncached");

/** The class of a cell as a code (`classCode`): blank beyond the row's cells. */
export function classCodeAt(sheet: SheetGrid, row: number, col: number): number {
  const { start, codes } = classesOfSheet(sheet);
  if (row < 0 || row + 1 >= start.length || col < 0 || col >= start[row + 1] - start[row]) return 1;
  const at = start[row] + col;
  if (codes[at] === UNKNOWN) codes[at] = CLASSES.indexOf(classify(sheet, row, col)) + 1;
  return codes[at];
}

/**
 * Every cell of a sheet classified, as codes (`classCode`), with each row's figures: for passes
 * over every cell of a sheet, which then read arrays rather than call per cell.
 */
export function sheetClassCodes(sheet: SheetGrid): SheetClasses & { rows: RowFigures } {
  const classes = classesOfSheet(sheet);
  if (classes.rows === null) {
    const { start, codes } = classes;
    const rows = start.length - 1;
    const figures: RowFigures = {
      count: new Int32Array(rows),
      uncached: new Int32Array(rows),
      first: new Int32Array(rows).fill(-1),
      last: new Int32Array(rows).fill(-1),
    };
    for (let row = 0; row < rows; row++) {
      for (let at = start[row]; at < start[row + 1]; at++) {
        const col = at - start[row];
        if (codes[at] === UNKNOWN) codes[at] = CLASSES.indexOf(classify(sheet, row, col)) + 1;
        if (!isFigureCode(codes[at])) continue;
        figures.count[row]++;
        if (codes[at] === UNCACHED_CODE) figures.uncached[row]++;
        if (figures.first[row] < 0) figures.first[row] = col;
        figures.last[row] = col;
      }
    }
    classes.rows = figures;
  }
  return classes as SheetClasses & { rows: RowFigures };
}

export function classifyCell(sheet: SheetGrid, row: number, col: number): CellClass {
  return CLASSES[classCodeAt(sheet, row, col) - 1];
}

function classify(sheet: SheetGrid, row: number, col: number): CellClass {
  const v = sheet.values[row]?.[col];
  // A formula showing empty text (`=IF(B8=0,"",…)`) has its result; one with none stored is a figure nobody read.
  if (v === "") return "blank";
  if (v === null || v === undefined) return sheet.formulas[row]?.[col] ? "uncached" : "blank";
  if (typeof v === "number") return isDateFormat(sheet.numberFormats[row]?.[col]) ? "date" : "figure";
  if (typeof v === "boolean") return "word";
  if (typeof v !== "string") return isCellError(v) ? "error" : "blank";
  const text = v.trim();
  if (text === "") return "blank";
  // Not-applicable markers are short (`n/a`, `nil`, `-`).
  if (text.length <= 4 && isNotApplicable(text)) return "na";
  if (text.charCodeAt(0) === 35 /* # */ && parseErrorCode(text)) return "error";
  const first = text.charCodeAt(0);
  // Words never start with a digit, a sign, a bracket or a currency sign: most text is decided here.
  const numeric = (first >= 48 && first <= 57) || "(-−–+£$€.".includes(text[0]);
  // `£000` parses as an amount of nothing: it is a unit.
  if (numeric && parseUnit(text) === null && (parseAmountText(text) !== null || PERCENT_TEXT.test(text)))
    return "text-figure";
  return "word";
}

/** A figure of the sheet, as coverage counts them: numbers, amounts typed as text, formulas never worked out. */
export function isFigureClass(c: CellClass): boolean {
  return c === "figure" || c === "text-figure" || c === "uncached";
}

/** isFigureClass of a class code (`classCode`). */
export function isFigureCode(code: number): boolean {
  return code === FIGURE_CODE || code === TEXT_FIGURE_CODE || code === UNCACHED_CODE;
}

/** Text that is nothing but a number gone wrong (`0.062)`, `1,2`): a figure nobody can read. */
export function isMalformedFigure(text: string): boolean {
  return /\d/.test(text) && /^[\s()£$€+\-−–.,\d%*]+$/.test(text) && parseAmountText(text) === null;
}
