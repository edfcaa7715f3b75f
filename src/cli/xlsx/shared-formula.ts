/**
 * Shared formulas: Excel stores a formula filled down or across once, on its first cell, and the
 * other cells say only "the shared formula si, moved here". Each cell's own formula is the first
 * one with its relative references moved by the distance between the cells, as Excel shows it.
 */
import { columnLetters, EXCEL_MAX_COLUMNS as MAX_COLUMNS, EXCEL_MAX_ROWS as MAX_ROWS } from "../../core/grid";

/**
 * `formula` (without its `=`) moved by `rows` and `cols`: every A1 reference without `$` moves;
 * text in quotes, quoted sheet names, structured references (`Table1[Col]`), function names and
 * error values are left as they are. A reference moved off the grid becomes `#REF!`.
 */
export function moveFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "[") {
      const end = closingBracket(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (isWordChar(ch) || ch === "$") {
      let end = i;
      while (end < formula.length && (isWordChar(formula[end]) || formula[end] === "$")) end++;
      const word = formula.slice(i, end);
      const next = formula[end];
      const previous = i > 0 ? formula[i - 1] : "";
      // A function name, a sheet name before `!`, a table before `[`, or part of an error such as #REF!.
      const notReference = next === "(" || next === "!" || next === "[" || previous === "#";
      out += notReference ? word : moveWord(formula, i, end, word, rows, cols);
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** One word of a formula: a cell (`B3`, `$B$3`), a column (`B` in `B:B`) or row (`3` in `3:3`) of a range, or something else. */
function moveWord(formula: string, start: number, end: number, word: string, rows: number, cols: number): string {
  const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(word);
  if (cell) {
    const col = columnNumber(cell[2]);
    const row = Number(cell[4]);
    if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return word; // a name such as TAX2025XYZ is not a cell
    const newCol = cell[1] ? col : col + cols;
    const newRow = cell[3] ? row : row + rows;
    if (newCol < 1 || newCol > MAX_COLUMNS || newRow < 1 || newRow > MAX_ROWS) return "#REF!";
    return `${cell[1]}${columnName(newCol)}${cell[3]}${newRow}`;
  }
  const inRange = formula[start - 1] === ":" || formula[end] === ":";
  if (!inRange) return word;
  const column = /^(\$?)([A-Za-z]{1,3})$/.exec(word);
  if (column && columnNumber(column[2]) <= MAX_COLUMNS) {
    if (column[1]) return word;
    const moved = columnNumber(column[2]) + cols;
    return moved < 1 || moved > MAX_COLUMNS ? "#REF!" : columnName(moved);
  }
  const row = /^(\$?)(\d+)$/.exec(word);
  if (row) {
    if (row[1]) return word;
    const moved = Number(row[2]) + rows;
    return moved < 1 || moved > MAX_ROWS ? "#REF!" : String(moved);
  }
  return word;
}

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_.\\]/.test(ch);
}

/** Index just after the quote closing the one at `start` (a doubled quote is an escaped one). */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** Index just after the bracket closing the one at `start`, nested brackets included (`T[[#This Row],[A]]`). */
function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "'" && text[i - 1] !== "'") {
      i++; // an escape inside a structured reference: the next character is literal
      continue;
    }
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** 1-based number of column letters, either case: `B` is 2. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

/** The letters of 1-based column `n`. */
function columnName(n: number): string {
  return columnLetters(n - 1);
}
