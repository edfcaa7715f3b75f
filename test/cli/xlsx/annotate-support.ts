/**
 * What annotate-then-clear must give back, as comparable data: every cell's value, formula, fill
 * and note, taken from the worksheet models that exceljs's writer serialises (so a note left
 * anywhere the writer would find it shows up, even before the workbook is written).
 */
import ExcelJS from "exceljs";

export interface CellState {
  /** Value, formula and cached result, as the writer sees them. */
  content: string;
  fill: string | null;
  /** The note's text, and the whole note (runs, formatting, box) for exact comparison. */
  note: string | null;
  noteModel: string | null;
}

interface CellModel {
  address: string;
  style?: { fill?: ExcelJS.Fill };
  comment?: { note?: ExcelJS.Comment | string };
  [key: string]: unknown;
}

/** JSON with keys in order: a workbook built in memory and one read from a file list them differently. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** An explicit "none" pattern and no fill at all look the same in Excel. */
function fillOf(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || (fill.type === "pattern" && fill.pattern === "none")) return null;
  return canonical(fill);
}

function noteOf(comment: CellModel["comment"]): string | null {
  if (!comment) return null;
  const note = comment.note;
  return typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
}

/** `Sheet (state)` -> address -> state, for every cell holding a value, formula, fill or note. */
export function snapshot(book: ExcelJS.Workbook): Record<string, Record<string, CellState>> {
  const out: Record<string, Record<string, CellState>> = {};
  for (const sheet of book.worksheets) {
    const cells: Record<string, CellState> = {};
    for (const row of (sheet.model as unknown as { rows: { cells: CellModel[] }[] }).rows) {
      for (const model of row?.cells ?? []) {
        const { address, style, comment, ...rest } = model;
        const state: CellState = {
          content: canonical(rest),
          fill: fillOf(style?.fill),
          note: noteOf(comment),
          noteModel: comment ? canonical(comment) : null,
        };
        if (rest.type !== ExcelJS.ValueType.Null || state.fill || state.note) cells[address] = state;
      }
    }
    out[`${sheet.name} (${sheet.state})`] = cells;
  }
  return out;
}
