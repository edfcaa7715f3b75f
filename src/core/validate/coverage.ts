/**
 * Coverage (SPEC §4, never silent): every figure on every sheet (numbers and amounts typed as
 * text; not dates, not the years of a header or the labels of a line) is either in a table the
 * check understood, or it is not. A formula whose result was never stored is a figure nobody
 * checked, wherever it sits. Unchecked figures that sit together make blocks, which the
 * `figures-unchecked` rule names.
 */
import { CellRange, EXCEL_MAX_COLUMNS, WorkbookGrid } from "../grid";
import { isFigureCode, RowFigures, SheetClasses, sheetClassCodes, UNCACHED_CODE } from "./cell-class";
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

/** Figures that sit together make a block worth naming from this many (SPEC §4). */
export const MIN_UNCHECKED_BLOCK = 4;

/** A cell as one number, for sets of cells. */
const cellKey = (row: number, col: number) => row * EXCEL_MAX_COLUMNS + col;

/**
 * A table's cells that are not figures whatever they hold: its header rows, each line's label,
 * a years-down table's years, a target's label.
 */
interface OwnTable {
  range: CellRange;
  /** Rows up to this one are the header. */
  headerRow: number;
  /** A column that holds labels in every row (a target's label, a years-down table's years), or -1. */
  labelsCol: number;
  /** Each row's label column (from the table's top; -1 for none): looked up for every figure of a long register. */
  labelCol: Int32Array;
}

function ownTable(table: Table): OwnTable {
  const { range } = table;
  const labelCol = new Int32Array(range.bottom - range.top + 1).fill(-1);
  if (table.kind === "target") return { range, headerRow: -1, labelsCol: table.labelCol, labelCol };
  for (const r of table.rows) if (r.labelCol >= 0) labelCol[r.row - range.top] = r.labelCol;
  const labelsCol = table.yearsDown ? (table.rows[0]?.labelCol ?? -1) : -1;
  return { range, headerRow: table.headerRow, labelsCol, labelCol };
}

/** Whether a cell of a table is no figure whatever it holds. */
function notFigure(t: OwnTable, row: number, col: number): boolean {
  return row <= t.headerRow || col === t.labelsCol || t.labelCol[row - t.range.top] === col;
}

export function measureCoverage(workbook: WorkbookGrid, tables: readonly Table[]): Coverage {
  const coverage: Coverage = { figures: 0, checked: 0, sheets: [], blocks: [] };
  workbook.sheets.forEach((sheet, sheetIndex) => {
    const own = tables.filter((t) => t.sheetIndex === sheetIndex).map(ownTable);
    const count = new FigureCount(sheetClassCodes(sheet), own);
    count.allRows();
    const { figures, checked } = count;
    coverage.figures += figures;
    coverage.checked += checked;
    coverage.sheets.push({ name: sheet.name, figures, checked });
    for (const block of blocksOf(count.unchecked))
      if (block.figures >= MIN_UNCHECKED_BLOCK) coverage.blocks.push({ sheetIndex, ...block });
  });
  return coverage;
}

/**
 * A sheet's figures counted a row at a time. The loop over the rows is a small method of its own:
 * V8 compiles a function whose loop runs long whole, so the loop is kept out of measureCoverage.
 */
class FigureCount {
  figures = 0;
  checked = 0;
  readonly unchecked: { row: number; col: number }[] = [];
  readonly rows: number;
  /** The tables across the current row, found once per row rather than once per cell. */
  private readonly across: OwnTable[] = [];

  constructor(
    private readonly classes: SheetClasses & { rows: RowFigures },
    private readonly own: readonly OwnTable[],
  ) {
    this.rows = classes.start.length - 1;
  }

  allRows(): void {
    for (let row = 0; row < this.rows; row++) this.row(row);
  }

  private row(row: number): void {
    const { count, uncached, first, last } = this.classes.rows;
    if (count[row] === 0) return;
    const { across } = this;
    let tablesAcross = 0;
    for (const t of this.own) if (t.range.top <= row && row <= t.range.bottom) across[tablesAcross++] = t;
    // The common case, a line of one table: its figures are counted without visiting each cell.
    const t = across[0];
    if (tablesAcross === 1 && uncached[row] === 0 && t.range.left <= first[row] && last[row] <= t.range.right) {
      if (row <= t.headerRow) return;
      const labels = this.figureAt(row, t.labelsCol) + this.figureAt(row, t.labelCol[row - t.range.top], t.labelsCol);
      this.figures += count[row] - labels;
      this.checked += count[row] - labels;
      return;
    }
    const { start, codes } = this.classes;
    const from = start[row];
    for (let col = first[row]; col <= last[row]; col++) {
      const code = codes[from + col];
      if (!isFigureCode(code)) continue;
      let table: OwnTable | null = null;
      for (let k = 0; k < tablesAcross; k++) {
        const t = across[k];
        if (t.range.left <= col && col <= t.range.right) table = t;
      }
      if (table && notFigure(table, row, col)) continue;
      this.figures++;
      if (table && code !== UNCACHED_CODE) this.checked++;
      else this.unchecked.push({ row, col });
    }
  }

  /** 1 when column `col` of the row holds a figure (and is not `already`, counted), else 0. */
  private figureAt(row: number, col: number, already = -1): number {
    const { start, codes } = this.classes;
    if (col < 0 || col === already || col >= start[row + 1] - start[row]) return 0;
    return isFigureCode(codes[start[row] + col]) ? 1 : 0;
  }
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
