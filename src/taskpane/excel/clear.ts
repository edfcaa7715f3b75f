/**
 * Clearing: what marking added is removed and what was there restored, from the record, finding
 * each mark where the user moved it.
 */
/* global Excel */
import { fillCandidates, placeByFills, placeByNotes } from "../../core/annotation/locate";
import { isAddinSheet, NOTE_PREFIX, RECORD_SHEET } from "../../core/annotation/names";
import { markKey } from "../../core/annotation/plan";
import { ClearPlan, encodeRecord, planClear, RecordedCell } from "../../core/annotation/record";
import { CellState, fillOf, loadCellStates, marksOf, queueFills } from "./cell-state";
import { loadRecord } from "./record";
import { notesSupported, PATH_BYTES, RequestBudget, sheetNames, Sheets } from "./request";

/**
 * Queues a clear plan that planClear made from `states` (so it already leaves alone a note or fill
 * the user changed since). Returns the keys of the cells whose note it deletes.
 */
export async function queueClear(
  sheets: Sheets,
  plan: ClearPlan,
  states: Map<string, CellState>,
  existingSheets: Set<string>,
  budget: RequestBudget,
): Promise<Set<string>> {
  const deleted = new Set<string>();
  for (const { sheet, cell } of plan.notesToDelete) {
    const key = markKey(sheet, cell);
    await budget.add(PATH_BYTES);
    // planClear deletes only a note it was given as ours, so that note was loaded.
    states.get(key)!.note!.delete();
    deleted.add(key);
  }
  await queueFills(sheets, plan.fills, budget);
  for (const name of plan.sheetsToDelete) {
    if (!existingSheets.has(name)) continue;
    const sheet = sheets.get(name);
    // Excel refuses to delete a very hidden sheet; hidden is enough.
    if (name === RECORD_SHEET) sheet.visibility = "Hidden";
    sheet.delete();
  }
  return deleted;
}

/** What clearing did: the marks it removed, and the recorded marks it could not find. */
export interface ClearResult {
  cleared: number;
  /** Marks whose note and fill are both no longer the add-in's: their record is kept. */
  notFound: RecordedCell[];
}

/**
 * Removes what marking added and restores what was there (SPEC §6), from the record kept in the
 * workbook (the command line's too), finding each mark where the user moved it: by its note (in
 * the sheets' notes), else by its fill at the shift its sheet's notes showed (core/annotation/
 * locate.ts). Marks that cannot be found are left, and the record keeps them (with the report);
 * otherwise both add-in sheets go. Null when the workbook holds no record. Five syncs: the sheet
 * names; the record and the sheets' notes; where the add-in's notes are; the candidate cells'
 * notes and fills; the changes (four without notes).
 */
export async function clearMarks(): Promise<ClearResult | null> {
  const withNotes = notesSupported();
  return Excel.run(async (context) => {
    const existing = await sheetNames(context);
    if (!existing.has(RECORD_SHEET)) return null;
    const sheets = new Sheets(context);
    const budget = new RequestBudget(context);
    const userSheets = [...existing].filter((name) => !isAddinSheet(name));
    const collections = withNotes
      ? userSheets.map((name) => ({ name, notes: sheets.get(name).notes.load("items/content") }))
      : [];
    const { record, rows: recordRows } = await loadRecord(budget, sheets);
    const notes = await locateAddinNotes(collections, budget);
    const search = placeByNotes(record.cells, { sheets: new Set(userSheets), notes });
    const candidates = [...search.placed.map((p) => ({ sheet: p.sheet, cell: p.cell })), ...fillCandidates(search)];
    const states = await loadCellStates(sheets, candidates, withNotes, budget);
    await budget.sync();
    const { placed, missing } = placeByFills(search, (sheet, cell) => {
      const state = states.get(markKey(sheet, cell));
      return state ? fillOf(state) : undefined;
    });
    const found = placed.map(({ mark, sheet, cell }) => ({ ...mark, sheet, cell }));
    const plan = planClear({ ...record, cells: found }, marksOf(states));
    await queueClear(sheets, missing.length === 0 ? plan : { ...plan, sheetsToDelete: [] }, states, existing, budget);
    if (missing.length > 0) {
      // The record keeps the marks still to find: rewritten in place, so that clearing can finish later.
      const rows = encodeRecord({ ...record, cells: missing });
      // Rows the longer record used are emptied.
      while (rows.length < recordRows) rows.push([""]);
      await budget.add(rows.reduce((n, [text]) => n + text.length, 0) + PATH_BYTES * 4);
      sheets.get(RECORD_SHEET).getRangeByIndexes(0, 0, rows.length, 1).values = rows;
    }
    await budget.sync();
    return { cleared: found.length, notFound: missing };
  });
}

/** The add-in's notes (text starting with NOTE_PREFIX) of loaded note collections, by markKey: one sync for their cells. */
async function locateAddinNotes(
  collections: { name: string; notes: Excel.NoteCollection }[],
  budget: RequestBudget,
): Promise<Map<string, string>> {
  const ours = collections.flatMap(({ name, notes }) =>
    notes.items
      .filter((note) => note.content.startsWith(NOTE_PREFIX))
      .map((note) => ({ name, content: note.content, location: note.getLocation().load("address") })),
  );
  const found = new Map<string, string>();
  if (ours.length === 0) return found;
  await budget.add(PATH_BYTES * 3 * ours.length);
  await budget.sync();
  // Range.address is `'Sheet name'!C4`: the cell is after the last "!".
  for (const { name, content, location } of ours)
    found.set(markKey(name, location.address.slice(location.address.lastIndexOf("!") + 1)), content);
  return found;
}
