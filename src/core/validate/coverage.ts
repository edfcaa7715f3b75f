/**
 * Coverage (SPEC §4, never silent): every figure on every sheet (numbers and amounts typed as
 * text; not dates, not the years of a header or the labels of a line) is either in a table the
 * check understood, or it is not. A formula whose result was never stored is a figure nobody
 * checked, wherever it sits. Unchecked figures that sit together make blocks, which the
 * `figures-unchecked` rule names.
 */
import { CellRange, EXCEL_MAX_COLUMNS, WorkbookGrid } from "../grid";
import { classCode, isFigureCode, sheetClassCodes } from "./cell-class";
import { Table } from "./tables";

export interface UncheckedBlock {
  sheetIndex: number;
  range: CellRange;
  figures: number;
}

export interface SheetCoverage {
  name: string;
  figures: number;
  checked: number;
}

export interface Coverage {
  figures: number;
  checked: number;
  /** Per sheet, in workbook order. */
  sheets: SheetCoverage[];
  blocks: UncheckedBlock[];
}

const UNCACHED = classCode("uncached");

/** Figures that sit together make a block worth naming from this many (SPEC §4). */
export const MIN_UNCHECKED_BLOCK = 4;

/** A cell as one number, for sets of cells. */
const cellKey = (row: number, col: number) => row * EXCEL_MAX_COLUMNS + col;

/** The cells of a table that are not figures whatever they hold: its header, its lines' labels, a target's label. */
function notFigures(table: Table): (row: number, col: number) => boolean {
  if (table.kind === "target") return (_row, col) => col === table.labelCol;
  const { top, bottom } = table.range;
  // Each row's label column, by row: looked up for every figure of a long register.
  const labelCol = new Int32Array(bottom - top + 1).fill(-1);
  for (const r of table.rows) if (r.labelCol >= 0) labelCol[r.row - top] = r.labelCol;
  const yearsCol = table.yearsDown ? table.rows[0]?.labelCol : undefined;
  return (row, col) => row <= table.headerRow || col === yearsCol || labelCol[row - top] === col;
}

interface OwnTable {
  range: CellRange;
  skip: (row: number, col: number) => boolean;
}

export function measureCoverage(workbook: WorkbookGrid, tables: readonly Table[]): Coverage {
  const coverage: Coverage = { figures: 0, checked: 0, sheets: [], blocks: [] };
  workbook.sheets.forEach((sheet, sheetIndex) => {
    const own: OwnTable[] = tables
      .filter((t) => t.sheetIndex === sheetIndex)
      .map((table) => ({ range: table.range, skip: notFigures(table) }));
    const unchecked: { row: number; col: number }[] = [];
    let figures = 0;
    let checked = 0;
    /** The tables across the current row, found once per row rather than once per cell. */
    const across: OwnTable[] = [];
    const { start, codes } = sheetClassCodes(sheet);
    for (let row = 0; row + 1 < start.length; row++) {
      const from = start[row];
      const width = start[row + 1] - from;
      let tablesAcross = 0;
      for (const t of own) if (t.range.top <= row && row <= t.range.bottom) across[tablesAcross++] = t;
      for (let col = 0; col < width; col++) {
        const code = codes[from + col];
        if (!isFigureCode(code)) continue;
        let table: OwnTable | null = null;
        for (let k = 0; k < tablesAcross; k++) {
          const t = across[k];
          if (t.range.left <= col && col <= t.range.right) table = t;
        }
        if (table && table.skip(row, col)) continue;
        figures++;
        if (table && code !== UNCACHED) checked++;
        else unchecked.push({ row, col });
      }
    }
    coverage.figures += figures;
    coverage.checked += checked;
    coverage.sheets.push({ name: sheet.name, figures, checked });
    for (const block of blocksOf(unchecked))
      if (block.figures >= MIN_UNCHECKED_BLOCK) coverage.blocks.push({ sheetIndex, ...block });
  });
  return coverage;
}

/** Cells next to one another (across, down or diagonally) as blocks, with their bounding ranges. */
function blocksOf(cells: { row: number; col: number }[]): { range: CellRange; figures: number }[] {
  const key = cellKey;
  const left = new Map(cells.map((c) => [key(c.row, c.col), c]));
  const blocks: { range: CellRange; figures: number }[] = [];
  for (const start of cells) {
    if (!left.has(key(start.row, start.col))) continue;
    left.delete(key(start.row, start.col));
    const range = { top: start.row, left: start.col, bottom: start.row, right: start.col };
    let figures = 0;
    const stack = [start];
    while (stack.length > 0) {
      const cell = stack.pop()!;
      figures++;
      range.top = Math.min(range.top, cell.row);
      range.bottom = Math.max(range.bottom, cell.row);
      range.left = Math.min(range.left, cell.col);
      range.right = Math.max(range.right, cell.col);
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const next = left.get(key(cell.row + dr, cell.col + dc));
          if (!next) continue;
          left.delete(key(next.row, next.col));
          stack.push(next);
        }
    }
    blocks.push({ range, figures });
  }
  return blocks;
}
