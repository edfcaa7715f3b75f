/**
 * Tables found by their figures rather than their header (Pytheas reads a table as a block of
 * consistent columns): after every header has been read, the figures left over are gathered into
 * blocks of rows; a block with a column of labels beside it is a table, headed by the line of
 * text just above it when there is one (`Financed by`, `Total Spend in 2025/2026`).
 */
import { SheetGrid } from "../grid";
import { classifyCell, isFigureClass, isFigureCode, RowFigures, SheetClasses, sheetClassCodes } from "./cell-class";
import { Claims } from "./claims";
import { textAt } from "./reader";
import { Band, numbersAreYears } from "./header-band";
import { TablePlan } from "./table-build";

/** Rows of text alone (headings) or blank rows a block may have inside it. */
const MAX_GAP_ROWS = 1;
/** Rows of text above a block that may be its header (and a heading under it). */
const MAX_CAPTION_ROWS = 4;
/** How far left of its figures a block's labels may be. */
const MAX_LABEL_DISTANCE = 3;

interface Block {
  top: number;
  bottom: number;
  /** Figure rows, and the columns holding their figures. */
  rows: number[];
  cols: Set<number>;
}

/** The free figure cells of a row, by column (read from the sheet's class codes: every row of a sheet is asked). */
function figureCols(classes: SheetClasses & { rows: RowFigures }, row: number, claims: Claims): number[] {
  const { first, last } = classes.rows;
  const cols: number[] = [];
  const from = classes.start[row];
  for (let c = first[row]; c <= last[row]; c++)
    if (isFigureCode(classes.codes[from + c]) && claims.free(row, c)) cols.push(c);
  return cols;
}

const NONE: number[] = [];

function blocksOf(sheet: SheetGrid, claims: Claims): Block[] {
  const blocks: Block[] = [];
  const classes = sheetClassCodes(sheet);
  let current: Block | null = null;
  const { first, last } = classes.rows;
  for (let r = 0; r < sheet.values.length; r++) {
    // Most rows have no free figure: none at all, or all inside one table found by its header,
    // whose rows are passed over together.
    const inside = first[r] < 0 ? null : claims.covering(r, first[r], last[r]);
    if (inside)
      while (
        r + 1 <= inside.bottom &&
        (first[r + 1] < 0 || (inside.left <= first[r + 1] && last[r + 1] <= inside.right))
      )
        r++;
    const cols = first[r] < 0 || inside ? NONE : figureCols(classes, r, claims);
    if (cols.length === 0) {
      if (current && r - current.bottom > MAX_GAP_ROWS) current = null;
      continue;
    }
    if (current && cols.some((c) => current!.cols.has(c))) {
      current.bottom = r;
      current.rows.push(r);
      for (const c of cols) current.cols.add(c);
    } else {
      current = { top: r, bottom: r, rows: [r], cols: new Set(cols) };
      blocks.push(current);
    }
  }
  return blocks;
}

/** The block's first column when it holds years typed as numbers (2016, 2017, 2018): the lines' labels. */
function yearsColumn(sheet: SheetGrid, block: Block): number | null {
  const first = Math.min(...block.cols);
  const numbers = block.rows.map((r) => sheet.values[r]?.[first]).filter((v): v is number => typeof v === "number");
  if (numbers.length < 2 || !numbersAreYears(numbers)) return null;
  block.cols.delete(first);
  return block.cols.size > 0 ? first : null;
}

/** A column holding text on at least half the block's figure rows. */
function labelColumn(sheet: SheetGrid, block: Block, claims: Claims): number | null {
  const figures = [...block.cols].sort((a, b) => a - b);
  const labelled = (c: number) =>
    !block.cols.has(c) &&
    2 * block.rows.filter((r) => claims.free(r, c) && textAt(sheet, r, c) !== null).length >= block.rows.length;
  for (let c = figures[0] - 1; c >= Math.max(0, figures[0] - MAX_LABEL_DISTANCE); c--) if (labelled(c)) return c;
  for (let c = figures[0] + 1; c < figures[figures.length - 1]; c++) if (labelled(c)) return c;
  return null;
}

/** Rows of text only, with nothing outside the block's columns. */
function textOnly(sheet: SheetGrid, row: number, left: number, right: number, claims: Claims): boolean {
  let words = false;
  for (let c = left; c <= right; c++) {
    if (!claims.free(row, c)) return false;
    const cls = classifyCell(sheet, row, c);
    if (isFigureClass(cls)) return false;
    if (cls === "word") words = true;
  }
  return words;
}

/**
 * The header of a block: rows of text just above it that head its figure columns (`Slipped £000`
 * over a units row), below which a heading over the labels alone may belong to the body; or,
 * with nothing over the figures, the line just above (`Financed by`). Null when there is none.
 */
function headerAbove(
  sheet: SheetGrid,
  top: number,
  left: number,
  right: number,
  label: number,
  claims: Claims,
): { band: Band; bodyTop: number } | null {
  const overFigures = (r: number) => {
    for (let c = left; c <= right; c++) if (c !== label && textAt(sheet, r, c) !== null) return true;
    return false;
  };
  let first = top;
  while (first > 0 && top - first < MAX_CAPTION_ROWS && textOnly(sheet, first - 1, left, right, claims)) first--;
  if (first === top) return null;
  let headed = -1;
  for (let r = top - 1; r >= first; r--) if (overFigures(r)) headed = r;
  if (headed < 0) return { band: { top: top - 1, bottom: top - 1 }, bodyTop: top };
  let bottom = headed;
  while (bottom + 1 < top && overFigures(bottom + 1)) bottom++;
  return { band: { top: headed, bottom }, bodyTop: bottom + 1 };
}

/** Plans for the tables that blocks of left-over figures make: each with its labels, headed by the line above. */
export function figureBlockPlans(sheet: SheetGrid, claims: Claims): TablePlan[] {
  const plans: TablePlan[] = [];
  for (const block of blocksOf(sheet, claims)) {
    if (block.rows.length < 2) continue;
    const label = yearsColumn(sheet, block) ?? labelColumn(sheet, block, claims);
    if (label === null) continue;
    const cols = [...block.cols, label];
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    const header = headerAbove(sheet, block.top, left, right, label, claims);
    plans.push({
      band: header?.band ?? null,
      left,
      right,
      span: { from: 0, to: right },
      bodyTop: header?.bodyTop ?? block.top,
    });
  }
  return plans;
}
