/** What annotate-then-clear must give back, as comparable data: every cell's value, formula, fill and note. */
import ExcelJS from "exceljs";

export interface CellState {
  value: string;
  formula: string | null;
  fill: string | null;
  note: string | null;
}

/** An explicit "none" pattern and no fill at all look the same in Excel. */
function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  if (!fill || (fill.type === "pattern" && fill.pattern === "none")) return null;
  return JSON.stringify(fill);
}

function noteOf(cell: ExcelJS.Cell): string | null {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined) return null;
  return typeof note === "string" ? note : JSON.stringify(note.texts);
}

/** Sheet name -> address -> state, for every cell holding a value, formula, fill or note. */
export function snapshot(book: ExcelJS.Workbook): Record<string, Record<string, CellState>> {
  const out: Record<string, Record<string, CellState>> = {};
  for (const sheet of book.worksheets) {
    const cells: Record<string, CellState> = {};
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const state: CellState = {
          value: JSON.stringify(cell.value ?? null),
          formula: cell.formula || null,
          fill: fillOf(cell),
          note: noteOf(cell),
        };
        if (state.value !== "null" || state.formula || state.fill || state.note) cells[cell.address] = state;
      }),
    );
    out[`${sheet.name} (${sheet.state})`] = cells;
  }
  return out;
}

export async function reload(book: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await book.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return copy;
}
