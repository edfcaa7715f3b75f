/**
 * Where the marks of a record are now. Excel keeps a note and a fill with their cell when the user
 * inserts rows or columns or renames the sheet, but the record still says where they were. A mark
 * is found by its note (every note annotating adds starts with NOTE_PREFIX), at its old place or
 * moved by the shift that explains most of its sheet's notes; a mark without a note of ours (the
 * user kept theirs, or notes were unavailable) is found by its fill at its old place or moved by
 * a shift its sheet's notes showed. Both hosts use this, so that neither clears the wrong cells
 * nor claims to have cleared a mark it could not find.
 */
import { parseA1, toA1 } from "../grid";
import { markKey } from "./names";
import { RecordedCell } from "./record";

/** A recorded mark and the cell it is at now. */
export interface PlacedMark {
  mark: RecordedCell;
  sheet: string;
  cell: string;
}

/** How a recorded sheet's cells moved: to `sheet`, `rows` down and `cols` across. */
export interface MarkShift {
  sheet: string;
  rows: number;
  cols: number;
}

/** What a host reads before looking for the marks. */
export interface NotesNow {
  /** The workbook's sheets now. */
  sheets: ReadonlySet<string>;
  /** Every note that starts with NOTE_PREFIX, by markKey. */
  notes: ReadonlyMap<string, string>;
}

export interface NoteSearch {
  placed: PlacedMark[];
  /** The shifts found for each recorded sheet, most marks first; the sheet itself unmoved (when it still exists) last unless notes placed marks there. */
  shifts: Map<string, MarkShift[]>;
  /** Marks not found by a note of ours: to look for by their fill. */
  unplaced: RecordedCell[];
}

/** Candidates each mark votes with, nearest first: enough to see a shift, few enough to stay linear. */
const NEIGHBOURS = 4;
/** Shifts tried per sheet: rows inserted in a few places give a few shifts. */
const MAX_SHIFTS = 32;

interface Place {
  row: number;
  col: number;
}

/** Finds the marks with a note of ours by that note. */
export function placeByNotes(cells: readonly RecordedCell[], now: NotesNow): NoteSearch {
  const wanted = new Set(cells.map((c) => c.note).filter((n): n is string => n !== null));
  const index = indexNotes(now.notes, wanted);
  const taken = new Set<string>();
  const placed: PlacedMark[] = [];
  const unplaced: RecordedCell[] = [];
  const shifts = new Map<string, MarkShift[]>();
  for (const [sheet, group] of groupBySheet(cells)) {
    // Shifts that placed marks, with how many each placed.
    const found = new Map<string, { shift: MarkShift; count: number }>();
    let remaining = group.filter((c) => c.note !== null);
    const tried = new Set<string>();
    while (remaining.length > 0 && tried.size < MAX_SHIFTS) {
      const best = bestShift(remaining, sheet, index, taken, tried);
      if (best === null) break;
      tried.add(shiftKey(best));
      const before = remaining.length;
      remaining = remaining.filter((mark) => {
        const target = shifted(mark, best);
        if (target === null || taken.has(target.key) || now.notes.get(target.key) !== mark.note) return true;
        taken.add(target.key);
        placed.push({ mark, sheet: best.sheet, cell: target.cell });
        return false;
      });
      if (remaining.length < before) found.set(shiftKey(best), { shift: best, count: before - remaining.length });
    }
    const ordered = [...found.values()].sort((a, b) => b.count - a.count).map((f) => f.shift);
    const unmoved = { sheet, rows: 0, cols: 0 };
    if (now.sheets.has(sheet) && !found.has(shiftKey(unmoved))) ordered.push(unmoved);
    shifts.set(sheet, ordered);
    unplaced.push(...remaining, ...group.filter((c) => c.note === null));
  }
  return { placed, shifts, unplaced };
}

/** The cells whose fill a host must read to finish the search: each unplaced mark at each shift of its sheet. */
export function fillCandidates(search: NoteSearch): { sheet: string; cell: string }[] {
  return search.unplaced.flatMap((mark) =>
    (search.shifts.get(mark.sheet) ?? []).flatMap((shift) => {
      const target = shifted(mark, shift);
      return target ? [{ sheet: shift.sheet, cell: target.cell }] : [];
    }),
  );
}

/**
 * Finishes the search: an unplaced mark is at the first shift of its sheet where the cell wears
 * its fill (`fillAt` gives "#RRGGBB", null for none, undefined when not read). The rest are missing.
 */
export function placeByFills(
  search: NoteSearch,
  fillAt: (sheet: string, cell: string) => string | null | undefined,
): { placed: PlacedMark[]; missing: RecordedCell[] } {
  const taken = new Set(search.placed.map((p) => markKey(p.sheet, p.cell)));
  const placed = [...search.placed];
  const missing: RecordedCell[] = [];
  for (const mark of search.unplaced) {
    const found = (search.shifts.get(mark.sheet) ?? [])
      .map((shift) => ({ shift, target: shifted(mark, shift) }))
      .find(({ shift, target }) => {
        if (target === null || taken.has(target.key)) return false;
        return fillAt(shift.sheet, target.cell)?.toUpperCase() === mark.fill.toUpperCase();
      });
    if (!found) {
      missing.push(mark);
      continue;
    }
    taken.add(found.target!.key);
    placed.push({ mark, sheet: found.shift.sheet, cell: found.target!.cell });
  }
  return { placed, missing };
}

/** Notes of ours by text, then by sheet, in row then column order. */
function indexNotes(
  notes: ReadonlyMap<string, string>,
  wanted: ReadonlySet<string>,
): Map<string, Map<string, Place[]>> {
  const index = new Map<string, Map<string, Place[]>>();
  for (const [key, text] of notes) {
    if (!wanted.has(text)) continue;
    const bang = key.lastIndexOf("!");
    const at = parseA1(key.slice(bang + 1));
    if (!at) continue;
    const bySheet = index.get(text) ?? index.set(text, new Map()).get(text)!;
    const sheet = key.slice(0, bang);
    (bySheet.get(sheet) ?? bySheet.set(sheet, []).get(sheet)!).push(at);
  }
  for (const bySheet of index.values())
    for (const places of bySheet.values()) places.sort((a, b) => a.row - b.row || a.col - b.col);
  return index;
}

/** The shift most of the remaining marks' nearest notes agree on, not tried yet; null when there is none. */
function bestShift(
  marks: RecordedCell[],
  recordedSheet: string,
  index: Map<string, Map<string, Place[]>>,
  taken: ReadonlySet<string>,
  tried: ReadonlySet<string>,
): MarkShift | null {
  const votes = new Map<string, { shift: MarkShift; votes: number }>();
  for (const mark of marks) {
    const at = parseA1(mark.cell)!;
    for (const [sheet, places] of index.get(mark.note!) ?? []) {
      const first = lowerBound(places, at);
      for (let i = Math.max(0, first - NEIGHBOURS); i < Math.min(places.length, first + NEIGHBOURS); i++) {
        const place = places[i];
        if (taken.has(markKey(sheet, toA1(place.row, place.col)))) continue;
        const shift = { sheet, rows: place.row - at.row, cols: place.col - at.col };
        const key = shiftKey(shift);
        if (tried.has(key)) continue;
        const entry = votes.get(key) ?? votes.set(key, { shift, votes: 0 }).get(key)!;
        entry.votes++;
      }
    }
  }
  let best: { shift: MarkShift; votes: number } | null = null;
  const rank = (e: { shift: MarkShift; votes: number }) => [
    e.votes,
    e.shift.sheet === recordedSheet ? 1 : 0,
    -(Math.abs(e.shift.rows) + Math.abs(e.shift.cols)),
  ];
  for (const entry of votes.values()) {
    if (best === null) best = entry;
    else {
      const [a, b] = [rank(entry), rank(best)];
      const i = a.findIndex((v, k) => v !== b[k]);
      if (i >= 0 && a[i] > b[i]) best = entry;
    }
  }
  return best?.shift ?? null;
}

function lowerBound(places: Place[], at: Place): number {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = places[mid];
    if (p.row < at.row || (p.row === at.row && p.col < at.col)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shifted(mark: RecordedCell, shift: MarkShift): { cell: string; key: string } | null {
  const at = parseA1(mark.cell);
  if (!at) return null;
  const row = at.row + shift.rows;
  const col = at.col + shift.cols;
  if (row < 0 || col < 0) return null;
  const cell = toA1(row, col);
  return { cell, key: markKey(shift.sheet, cell) };
}

function shiftKey(shift: MarkShift): string {
  return `${shift.sheet}\u0000${shift.rows}\u0000${shift.cols}`;
}

function groupBySheet(cells: readonly RecordedCell[]): Map<string, RecordedCell[]> {
  const groups = new Map<string, RecordedCell[]>();
  for (const cell of cells) (groups.get(cell.sheet) ?? groups.set(cell.sheet, []).get(cell.sheet)!).push(cell);
  return groups;
}
