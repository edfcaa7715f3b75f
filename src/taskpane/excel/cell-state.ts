/**
 * The notes and fills of cells, loaded in one sync, and fills set in RangeAreas: what marking
 * and clearing read and write on the user's sheets.
 */
/* global Excel */
import { markKey } from "../../core/annotation/plan";
import { CurrentMarks } from "../../core/annotation/record";
import { PATH_BYTES, RequestBudget, Sheets } from "./request";

const NO_FILL_PATTERN = "None";
/** Characters of one RangeAreas address ("B4,C9,…"), kept well short of any limit on its length. */
const AREA_ADDRESS_CHARS = 2_000;

export interface CellState {
  range: Excel.Range;
  note: Excel.Note | null;
}

/** Queues loading the fill, and the note when notes are available, of each cell. */
export async function loadCellStates(
  sheets: Sheets,
  cells: { sheet: string; cell: string }[],
  withNotes: boolean,
  budget: RequestBudget,
): Promise<Map<string, CellState>> {
  const states = new Map<string, CellState>();
  for (const { sheet, cell } of cells) {
    const key = markKey(sheet, cell);
    if (states.has(key)) continue;
    await budget.add(PATH_BYTES * (withNotes ? 6 : 4));
    const worksheet = sheets.get(sheet);
    const range = worksheet.getRange(cell);
    range.format.fill.load("color,pattern");
    const note = withNotes ? worksheet.notes.getItemOrNullObject(cell).load("content") : null;
    states.set(key, { range, note });
  }
  return states;
}

/** "#RRGGBB", or null for no fill (Excel reports white with pattern None then). */
export function fillOf(state: CellState): string | null {
  const fill = state.range.format.fill;
  return fill.pattern === NO_FILL_PATTERN ? null : fill.color;
}

export function noteOf(state: CellState): string {
  return state.note && !state.note.isNullObject ? state.note.content : "";
}

/** The notes and fills read, as the core's planners take them (later maps win on a shared cell). */
export function marksOf(...reads: Map<string, CellState>[]): CurrentMarks {
  const notes = new Map<string, string>();
  const fills = new Map<string, string | null>();
  for (const states of reads)
    for (const [key, state] of states) {
      notes.set(key, noteOf(state));
      fills.set(key, fillOf(state));
    }
  return { notes, fills };
}

/** Sets (or, for null, clears) fills, one RangeAreas per sheet, colour and address chunk. */
export async function queueFills(
  sheets: Sheets,
  fills: { sheet: string; cell: string; fill: string | null }[],
  budget: RequestBudget,
): Promise<void> {
  const groups = new Map<string, { sheet: string; fill: string | null; cells: string[] }>();
  for (const { sheet, cell, fill } of fills) {
    const key = JSON.stringify([sheet, fill]);
    const group = groups.get(key) ?? { sheet, fill, cells: [] };
    group.cells.push(cell);
    groups.set(key, group);
  }
  for (const { sheet, fill, cells } of groups.values()) {
    for (let start = 0; start < cells.length;) {
      let end = start;
      for (let chars = 0; end < cells.length && chars + cells[end].length < AREA_ADDRESS_CHARS; end++)
        chars += cells[end].length + 1;
      const address = cells.slice(start, Math.max(end, start + 1)).join(",");
      start = Math.max(end, start + 1);
      await budget.add(PATH_BYTES * 4 + address.length);
      const areas = sheets.get(sheet).getRanges(address);
      if (fill === null) areas.format.fill.clear();
      else areas.format.fill.color = fill;
    }
  }
}
