/**
 * Table detection (SPEC §4), in two passes over a sheet:
 *   1. by header: a row whose cells name what columns hold (header-band.ts) starts a table,
 *      read by table-build.ts; tables sit anywhere, several per sheet, side by side; a labelled
 *      amount is a savings target (target.ts);
 *   2. by figures: figures no header claimed, in a block with labels beside them (blocks.ts).
 * Tables never overlap: each pass skips the cells tables found before it claimed.
 */
import { CellRange, rangesOverlap, SheetGrid } from "../grid";
import { classifyCell } from "./cell-class";
import { figureBlockPlans } from "./blocks";
import { headerBand, HeaderSignal, isHeaderRow, numbersAreYears, shownText, yearNumber } from "./header-band";
import { DEFAULT_VOCABULARY, isHeaderSignal, isTargetLabel, readHeader, Vocabulary } from "./header-text";
import { Claims } from "./claims";
import { valueAt } from "./reader";
import { buildTable, BuildContext, Span } from "./table-build";
import { Table } from "./tables";
import { targetTable } from "./target";
import { Concept } from "./vocabulary";

/** A run of adjacent header cells of a row, between blanks or other tables' cells. */
interface Run {
  signals: HeaderSignal[];
  left: number;
  right: number;
  /** Which stretch between other tables' cells: runs of different stretches never merge. */
  stretch: number;
  /** The run holds figures: it is a row of some table's body, not a header. */
  figures: boolean;
  /** Numbers in the run: a header's calendar years, or else figures. */
  numbers: number[];
}

function freeSpan(left: number, right: number, row: number, claimed: readonly CellRange[]): Span {
  const span = { from: 0, to: Number.MAX_SAFE_INTEGER };
  for (const k of claimed) {
    if (k.top > row || k.bottom < row) continue;
    if (k.right < left) span.from = Math.max(span.from, k.right + 1);
    else if (k.left > right) span.to = Math.min(span.to, k.left - 1);
  }
  return span;
}

/** The kind a run of header cells would head by itself (to tell tables side by side apart). */
function headedKind(signals: readonly HeaderSignal[]): string | null {
  if (signals.length < 2) return null;
  const has = (k: Concept) => signals.some((s) => s.meaning.concept === k);
  if (has("ref")) return "register";
  if ((has("children") && has("population")) || has("rate")) return "cla";
  if ((has("label") || has("workstream")) && has("saving")) return "workstream-summary";
  if (signals.filter((s) => s.meaning.year !== null).length >= 2) return "phasing";
  return "figures";
}

/** Splits a row's runs into the headers of tables side by side: runs join unless each heads a table of its own. */
function sideBySide(runs: Run[]): Run[] {
  const groups: Run[] = [];
  for (const next of runs) {
    if (next.figures) continue;
    const current = groups[groups.length - 1];
    if (current && current.stretch === next.stretch && !(headedKind(current.signals) && headedKind(next.signals))) {
      current.signals.push(...next.signals);
      current.right = next.right;
    } else groups.push({ ...next, signals: [...next.signals] });
  }
  return groups;
}

/**
 * Every table of a sheet, top to bottom, then those found by their figures. `reserved` ranges
 * (tables the user declared) are claimed from the start: detection works around them.
 */
export function detectTables(
  sheet: SheetGrid,
  sheetIndex: number,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
  reserved: readonly CellRange[] = [],
): Table[] {
  const tables: Table[] = [];
  const claims = new Claims(reserved);
  // The claimed ranges that may still cover a row: the scan goes down, so one that ended is dropped.
  let active: CellRange[] = [...reserved];
  const ctx: BuildContext = { vocabulary, claims };
  const claim = (t: Table) => {
    tables.push(t);
    claims.add(t.range);
    active.push(t.range);
  };

  for (let r = 0; r < sheet.values.length; r++) {
    const cells = sheet.values[r];
    if (!cells || cells.length === 0) continue;
    if (active.some((k) => k.bottom < r)) active = active.filter((k) => k.bottom >= r);
    // Rows wholly inside a table above hold no header: passed over together, in one tight loop.
    const inside = active.find((k) => k.top <= r && wholeRowIn(sheet, r, k));
    if (inside) {
      r = lastRowWhollyIn(sheet, r, inside);
      continue;
    }
    const { runs, targets } = readRow(sheet, r, rowWidth(sheet, r), active, vocabulary);
    const found: Table[] = [];
    for (const group of sideBySide(runs)) {
      if (!isHeaderRow(group.signals)) continue;
      const span = freeSpan(group.left, group.right, r, [...active, ...found.map((t) => t.range)]);
      const band = headerBand(
        sheet,
        r,
        group.left,
        group.right,
        span.to,
        vocabulary,
        (row) => row >= 0 && claims.spanFree(row, group.left, group.right),
      );
      const plan = { band, left: group.left, right: band.right, span, bodyTop: band.bottom + 1 };
      const table = buildTable(sheet, sheetIndex, plan, ctx);
      // Tables never overlap: one that reaches into another's cells is no reading of the sheet.
      if (table && !overlapsAny(table, [...tables, ...found], reserved)) found.push(table);
    }
    for (const c of targets) {
      if (found.some((t) => t.range.left <= c && c <= t.range.right)) continue;
      const to = freeSpan(c, c, r, [...active, ...found.map((t) => t.range)]).to;
      const target = targetTable(sheet, sheetIndex, r, c, to);
      if (target && !overlapsAny(target, [...tables, ...found], reserved)) found.push(target);
    }
    for (const t of found) claim(t);
  }

  for (const plan of figureBlockPlans(sheet, claims)) {
    const table = buildTable(sheet, sheetIndex, plan, ctx);
    // Figures with labels but neither a heading line nor a total are left unchecked, and said so.
    if (!table || (plan.band === null && table.kind === "figures" && table.groups.totals.length === 0)) continue;
    if (overlapsAny(table, tables, reserved)) continue;
    claim(table);
  }
  return tables.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}

function mergedDownText(sheet: SheetGrid, row: number, col: number): string | null {
  const m = sheet.merges.find((k) => k.left === col && k.right === col && k.top < row && row <= k.bottom);
  return m ? shownText(sheet, row, col) : null;
}

function overlapsAny(table: Table, others: readonly Table[], reserved: readonly CellRange[]): boolean {
  return others.some((t) => rangesOverlap(t.range, table.range)) || reserved.some((r) => rangesOverlap(r, table.range));
}

/**
 * The last row from `r` down whose cells all lie within a table's range. A small function of its
 * own: its loop runs over a long table's rows, and V8 compiles a function whose loop runs long
 * whole, so the loop is kept out of detectTables.
 */
function lastRowWhollyIn(sheet: SheetGrid, r: number, range: CellRange): number {
  while (r + 1 <= range.bottom && wholeRowIn(sheet, r + 1, range)) r++;
  return r;
}

/** Every cell a row shows lies within the columns of a table's range (which covers the row). */
function wholeRowIn(sheet: SheetGrid, r: number, range: CellRange): boolean {
  return rowWidth(sheet, r) - 1 <= range.right && blankBefore(sheet, r, range.left);
}

/** No cell of a row left of `col` shows anything (a table's margin). */
function blankBefore(sheet: SheetGrid, r: number, col: number): boolean {
  if (col === 0) return true;
  // A merged area may show its text in a cell of the margin: read as readRow reads it.
  if (sheet.merges.length > 0) return false;
  for (let c = 0; c < col; c++) if (valueAt(sheet, r, c) !== null) return false;
  return true;
}

/** How far a row's cells reach, with merged areas that cover it. */
function rowWidth(sheet: SheetGrid, r: number): number {
  let width = sheet.values[r]?.length ?? 0;
  for (const m of sheet.merges) if (m.top <= r && r <= m.bottom && m.right >= width) width = m.right + 1;
  return width;
}

/** A row's runs of header cells (skipping cells of tables above), and the cells that label a target. */
function readRow(
  sheet: SheetGrid,
  r: number,
  width: number,
  active: readonly CellRange[],
  vocabulary: Vocabulary,
): { runs: Run[]; targets: number[] } {
  const cells = sheet.values[r];
  const runs: Run[] = [];
  const targets: number[] = [];
  let run: Run | null = null;
  let stretch = 0;
  for (let c = 0; c < width; c++) {
    const claimedHere = active.find((k) => k.top <= r && k.left <= c && c <= k.right);
    // A table's own cells are skipped in one step: a long register costs one lookup a row.
    if (claimedHere) {
      c = claimedHere.right;
      stretch++;
      run = null;
      continue;
    }
    // A cell merged down into this row shows the area's text (a label merged down over the
    // header rows); one merged across columns counts once, in its first column.
    const v = cells[c] ?? (sheet.merges.length > 0 ? mergedDownText(sheet, r, c) : null);
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) {
      run = null;
      continue;
    }
    if (!run) {
      run = { signals: [], left: c, right: c, stretch, figures: false, numbers: [] };
      runs.push(run);
    }
    run.right = c;
    const cls = classifyCell(sheet, r, c);
    if (typeof v === "number") {
      run.numbers.push(v);
      if (yearNumber(v) && cls === "figure") run.signals.push({ col: c, meaning: readHeader(String(v), vocabulary) });
      else run.figures = true;
      continue;
    }
    if (typeof v !== "string") continue;
    if (cls === "text-figure") {
      run.figures = true;
      continue;
    }
    const text = v.trim();
    const meaning = readHeader(text, vocabulary);
    if (isHeaderSignal(meaning) || text === "%") run.signals.push({ col: c, meaning });
    if (isTargetLabel(text)) targets.push(c);
  }
  // Years typed as numbers head columns only as a run of consecutive years; else they are figures.
  for (const run of runs) if (run.numbers.length > 0 && !numbersAreYears(run.numbers)) run.figures = true;
  return { runs, targets };
}
