/**
 * Reads the open workbook into the core's grids: every sheet's used range (values, formulas,
 * number formats, hidden rows and columns) in row chunks, one sync per chunk batch.
 */
/* global Excel */
import { isAddinSheet } from "../../core/annotation/names";
import { parseErrorCode } from "../../core/excel-errors";
import { CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import { SYNC_BUDGET_BYTES } from "./request";

export interface ReadOptions {
  /** Read only the active sheet. */
  activeSheetOnly?: boolean;
}

/** Estimated bytes per cell read: its value, formula and number format as JSON. */
export const CELL_BYTES = 100;
/** Estimated bytes per row read for its hidden flag. */
const ROW_BYTES = 24;

interface Chunk {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** The sheet's first chunk also reads which columns are hidden. */
  first: boolean;
}

/**
 * Every sheet's used range (values, formulas, number formats, hidden rows and columns), the
 * add-in's own sheets left out. Syncs: one for the sheet names, one for the used ranges (the
 * active sheet alone needs only one for both), then one per SYNC_BUDGET_BYTES of cells (small
 * sheets share one). Grids start at A1 as the core expects.
 */
export async function readWorkbook(options: ReadOptions = {}): Promise<WorkbookGrid> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const bounds = (sheet: Excel.Worksheet) =>
      sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    let sheets: Excel.Worksheet[];
    let used: Excel.Range[];
    if (options.activeSheetOnly) {
      const active = worksheets.getActiveWorksheet().load("name");
      const activeUsed = bounds(active);
      await context.sync();
      [sheets, used] = isAddinSheet(active.name) ? [[], []] : [[active], [activeUsed]];
    } else {
      worksheets.load("items/name");
      await context.sync();
      sheets = worksheets.items.filter((s) => !isAddinSheet(s.name));
      used = sheets.map(bounds);
      await context.sync();
    }

    // Merged areas are left out: no rule uses them, and reading them needs ExcelApi 1.13.
    const grids = sheets.map((s, i) => {
      const range = used[i];
      // Rows above the used range stay empty arrays: the grid starts at A1.
      const values: CellValue[][] = range.isNullObject ? [] : Array.from({ length: range.rowIndex }, () => []);
      const empty = () => values.map(() => []);
      return {
        name: s.name,
        values,
        formulas: empty(),
        numberFormats: empty(),
        hiddenRows: new Set<number>(),
        hiddenColumns: new Set<number>(),
        merges: [],
      };
    });
    for (const batch of chunkBatches(used)) {
      const loads = batch.map((chunk) => {
        const range = sheets[chunk.sheet].getRangeByIndexes(chunk.top, chunk.left, chunk.rows, chunk.cols);
        range.load("values,formulas,numberFormat");
        return {
          chunk,
          range,
          rows: range.getRowProperties({ rowHidden: true }),
          columns: chunk.first ? range.getColumnProperties({ columnHidden: true }) : null,
        };
      });
      // One sync per batch of chunks, by design: Excel on the web caps a response at 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { chunk, range, rows, columns } of loads) {
        const grid = grids[chunk.sheet];
        addRows(grid, chunk.left, range.values, range.formulas, range.numberFormat);
        rows.value.forEach((row, i) => row.rowHidden && grid.hiddenRows.add(chunk.top + i));
        columns?.value.forEach((col, j) => col.columnHidden && grid.hiddenColumns.add(chunk.left + j));
      }
    }
    return { sheets: grids };
  });
}

/** Row chunks of every used range, grouped so that each group's estimated response fits one sync. */
function chunkBatches(used: Excel.Range[]): Chunk[][] {
  const batches: Chunk[][] = [];
  let batch: Chunk[] = [];
  let bytes = 0;
  used.forEach((range, sheet) => {
    if (range.isNullObject) return;
    const { rowIndex: top, columnIndex: left, rowCount, columnCount: cols } = range;
    const rowBytes = cols * CELL_BYTES + ROW_BYTES;
    const rowsPerChunk = Math.max(1, Math.floor(SYNC_BUDGET_BYTES / rowBytes));
    for (let start = 0; start < rowCount; start += rowsPerChunk) {
      const rows = Math.min(rowsPerChunk, rowCount - start);
      if (batch.length > 0 && bytes + rows * rowBytes > SYNC_BUDGET_BYTES) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push({ sheet, top: top + start, left, rows, cols, first: start === 0 });
      bytes += rows * rowBytes;
    }
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Appends a chunk's rows to the grid, padded on the left so that column A is index 0. */
function addRows(
  grid: Pick<SheetGrid, "values" | "formulas" | "numberFormats">,
  left: number,
  values: unknown[][],
  formulas: unknown[][],
  formats: unknown[][],
): void {
  for (let r = 0; r < values.length; r++) {
    const valueRow: CellValue[] = new Array(left).fill(null);
    const formulaRow: (string | null)[] = new Array(left).fill(null);
    const formatRow: (string | null)[] = new Array(left).fill(null);
    const v = values[r];
    const f = formulas[r];
    const n = formats[r];
    for (let c = 0; c < v.length; c++) {
      valueRow.push(cellValue(v[c]));
      const formula = f[c];
      formulaRow.push(typeof formula === "string" && formula.startsWith("=") ? formula : null);
      formatRow.push(typeof n[c] === "string" ? (n[c] as string) : null);
    }
    grid.values.push(valueRow);
    grid.formulas.push(formulaRow);
    grid.numberFormats.push(formatRow);
  }
}

/** Office.js gives "" for an empty cell and an error value as its text ("#DIV/0!"). */
export function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") {
    const code = value.startsWith("#") ? parseErrorCode(value) : null;
    return code ? { error: code } : value;
  }
  return value as CellValue;
}
