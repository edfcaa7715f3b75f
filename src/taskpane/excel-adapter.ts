/**
 * The task pane's bridge to Excel (Office.js): reads the open workbook into the core's grids,
 * applies the core's annotation plan (notes, fills, report sheet, record) and clears it again,
 * selects cells and inserts the blank template. No React here.
 *
 * Every function batches its work: a constant number of context.sync() calls, plus (reading) one
 * per row chunk. Excel on the web caps a request or a response at 5 MB, so reads go in row chunks
 * and writes sync early only when a batch would pass that size (from about 6,000 findings on).
 * Nothing here writes a value or a formula into the user's sheets: only notes and fills there;
 * values and formulas go into sheets the add-in adds (report, record, template).
 */
/* global Excel, Office */
import { fillCandidates, placeByFills, placeByNotes } from "../core/annotation/locate";
import { isAddinSheet, NOTE_PREFIX, RECORD_SHEET, REPORT_SHEET } from "../core/annotation/names";
import {
  CellMark,
  markKey,
  planAnnotation,
  ReportLink,
  reportLinkFormula,
  REPORT_TABLE_HEADER,
} from "../core/annotation/plan";
import {
  AnnotationRecord,
  ClearPlan,
  CurrentMarks,
  decodeRecord,
  encodeRecord,
  planClear,
  RecordedCell,
} from "../core/annotation/record";
import { isCellError, parseErrorCode } from "../core/excel-errors";
import { financialYearOfDate } from "../core/financial-year";
import { CellValue, gridSize, SheetGrid, WorkbookGrid } from "../core/grid";
import { templateWorkbook, TEMPLATE_SHEET } from "../core/template";
import { ValidationResult } from "../core/validate";

export interface ReadOptions {
  /** Read only the active sheet. */
  activeSheetOnly?: boolean;
}

export interface MarkResult {
  /** False when this Excel has no notes (ExcelApi 1.18): cells were filled and listed in the report only. */
  notesWritten: boolean;
  reportSheet: string;
  /** Cells marked. */
  marked: number;
}

/** What one sync may carry: under Excel on the web's 5 MB cap, with room for the JSON framing. */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** Estimated bytes per cell read: its value, formula and number format as JSON. */
export const CELL_BYTES = 100;
/** Estimated bytes per row read for its hidden flag. */
const ROW_BYTES = 24;
/** Estimated request bytes of one object path or action in Office.js's request JSON. */
const PATH_BYTES = 100;
/** Characters of one RangeAreas address ("B4,C9,…"), kept well short of any limit on its length. */
const AREA_ADDRESS_CHARS = 2_000;

const NO_FILL_PATTERN = "None";
const TEXT_FORMAT = "@";

/** Notes need ExcelApi 1.18 (not in one-off-purchase Office 2021/2024); false outside Office. */
export function notesSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.18");
  } catch {
    return false;
  }
}

// --- Reading ---

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
function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") {
    const code = value.startsWith("#") ? parseErrorCode(value) : null;
    return code ? { error: code } : value;
  }
  return value as CellValue;
}

// --- Cell state: the notes and fills of cells, read in one sync ---

/** Worksheet proxies by name, so that each sheet is fetched once per batch. */
class Sheets {
  private readonly cache = new Map<string, Excel.Worksheet>();

  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    let sheet = this.cache.get(name);
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.cache.set(name, sheet);
    }
    return sheet;
  }
}

interface CellState {
  range: Excel.Range;
  note: Excel.Note | null;
}

/** Queues loading the fill, and the note when notes are available, of each cell. */
async function loadCellStates(
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
function fillOf(state: CellState): string | null {
  const fill = state.range.format.fill;
  return fill.pattern === NO_FILL_PATTERN ? null : fill.color;
}

function noteOf(state: CellState): string {
  return state.note && !state.note.isNullObject ? state.note.content : "";
}

/** The notes and fills read, as the core's planners take them (later maps win on a shared cell). */
function marksOf(...reads: Map<string, CellState>[]): CurrentMarks {
  const notes = new Map<string, string>();
  const fills = new Map<string, string | null>();
  for (const states of reads)
    for (const [key, state] of states) {
      notes.set(key, noteOf(state));
      fills.set(key, fillOf(state));
    }
  return { notes, fills };
}

/**
 * The syncs of one Excel.run, counting the estimated size of what is queued: it syncs early only
 * when the queued request would pass the budget (never for ordinary sizes).
 */
class RequestBudget {
  private bytes = 0;

  constructor(readonly context: Excel.RequestContext) {}

  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > SYNC_BUDGET_BYTES) await this.sync();
    this.bytes += bytes;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

/**
 * Queues a clear plan that planClear made from `states` (so it already leaves alone a note or fill
 * the user changed since). Returns the keys of the cells whose note it deletes.
 */
async function queueClear(
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

/** Sets (or, for null, clears) fills, one RangeAreas per sheet, colour and address chunk. */
async function queueFills(
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

/**
 * Reads the record sheet (one sync, with whatever else is queued); the caller knows it exists.
 * Also says how many rows of it are used, for rewriting it in place.
 */
async function loadRecord(budget: RequestBudget, sheets: Sheets): Promise<{ record: AnnotationRecord; rows: number }> {
  const used = sheets.get(RECORD_SHEET).getUsedRange(true).load("values");
  await budget.sync();
  return { record: decodeRecord(used.values.map((row) => row.map(cellValue))), rows: used.values.length };
}

async function sheetNames(context: Excel.RequestContext): Promise<Set<string>> {
  const worksheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return new Set(worksheets.items.map((s) => s.name));
}

// --- Marking ---

/**
 * Annotates the cells of the findings (SPEC §6): the core's plan, applied in two syncs (one to
 * read the cells' notes and fills, one to write) for any number of findings on a workbook not
 * marked before; marking again first reads the earlier record (two more syncs) so that clearing
 * still restores what the user had.
 */
export async function markFindings(
  workbook: WorkbookGrid,
  result: ValidationResult,
  checkedAt: Date,
): Promise<MarkResult> {
  const withNotes = notesSupported();
  return Excel.run(async (context) => {
    const sheets = new Sheets(context);
    const budget = new RequestBudget(context);
    const worksheets = context.workbook.worksheets.load("items/name");
    const current = await loadCellStates(sheets, result.findings, withNotes, budget);
    try {
      await budget.sync();
    } catch (error) {
      if ((error as { code?: string }).code !== "ItemNotFound") throw error;
      throw new Error(
        "A sheet with findings was renamed or deleted since the check. Check the workbook again, then mark.",
      );
    }

    const existing = new Set(worksheets.items.map((s) => s.name));
    let record: AnnotationRecord | null = null;
    let previous = new Map<string, CellState>();
    if (existing.has(RECORD_SHEET)) {
      const { record: earlier } = await loadRecord(budget, sheets);
      // Cells on sheets deleted since are left out: there is nothing there to clear.
      record = { ...earlier, cells: earlier.cells.filter((c) => existing.has(c.sheet)) };
      previous = await loadCellStates(sheets, record.cells, withNotes, budget);
      await budget.sync();
    } else if (existing.has(REPORT_SHEET)) {
      throw new Error(
        `A sheet named "${REPORT_SHEET}" is already in the workbook. Rename or delete it, then mark again.`,
      );
    }

    // The recorded cells are read too, so that plan.clear keeps what the user changed on any of them.
    const plan = planAnnotation(workbook, result, { ...marksOf(previous, current), record }, checkedAt);

    const cleared = plan.clear ? await queueClear(sheets, plan.clear, previous, existing, budget) : new Set<string>();
    // A note still on the cell (the user's, or ours that they edited) is never overwritten.
    const notesToAdd = plan.cells.filter((mark): mark is CellMark & { note: string } => {
      const key = markKey(mark.sheet, mark.cell);
      return withNotes && mark.note !== null && (noteOf(current.get(key)!) === "" || cleared.has(key));
    });
    const written = new Set(notesToAdd.map((mark) => markKey(mark.sheet, mark.cell)));
    await writeReport(plan.report.name, plan.report.rows, plan.report.links, budget);
    // The record goes before the marks: should a very large marking fail between its syncs, clearing still
    // finds every mark (and leaves alone what does not match the record).
    await writeRecord(
      {
        ...plan.record,
        cells: plan.record.cells.map((c) => (written.has(markKey(c.sheet, c.cell)) ? c : { ...c, note: null })),
      },
      budget,
    );
    await queueFills(sheets, plan.cells, budget);
    for (const mark of notesToAdd) {
      await budget.add(PATH_BYTES * 2 + mark.note.length);
      sheets.get(mark.sheet).notes.add(mark.cell, mark.note);
    }
    await budget.sync();
    return { notesWritten: withNotes, reportSheet: plan.report.name, marked: plan.cells.length };
  });
}

/** Office.js writes text; an error value is written as its text, an empty cell as "". */
function excelText(value: CellValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return "";
  return isCellError(value) ? value.error : value;
}

/** The report, with its links, written as one array; text cells are formatted as text first, so that Excel never reads a message as a formula, date or number. */
async function writeReport(
  name: string,
  rows: CellValue[][],
  links: ReportLink[],
  budget: RequestBudget,
): Promise<void> {
  const cols = rows.reduce((most, r) => Math.max(most, r.length), 1); // no spread: a report may have 100,000 rows
  const cells = rows.map((row) => Array.from({ length: cols }, (_, c) => excelText(row?.[c])));
  for (const link of links) cells[link.row][link.col] = reportLinkFormula(link.sheet, link.cell);
  const linked = new Set(links.map((l) => `${l.row},${l.col}`));
  const formats = cells.map((row, r) =>
    row.map((v, c) => (typeof v === "string" && !linked.has(`${r},${c}`) ? TEXT_FORMAT : "General")),
  );
  await budget.add(JSON.stringify(cells).length + JSON.stringify(formats).length + PATH_BYTES * 8);
  const sheet = budget.context.workbook.worksheets.add(name);
  const range = sheet.getRangeByIndexes(0, 0, cells.length, cols);
  range.numberFormat = formats;
  range.formulas = cells;
  sheet.getRange("A1").format.font.bold = true;
  const header = rows.indexOf(REPORT_TABLE_HEADER);
  if (header >= 0) sheet.getRangeByIndexes(header, 0, 1, REPORT_TABLE_HEADER.length).format.font.bold = true;
  range.format.autofitColumns();
}

async function writeRecord(record: AnnotationRecord, budget: RequestBudget): Promise<void> {
  const rows = encodeRecord(record);
  await budget.add(rows.reduce((n, [text]) => n + text.length, 0) + PATH_BYTES * 6);
  const sheet = budget.context.workbook.worksheets.add(RECORD_SHEET);
  const range = sheet.getRangeByIndexes(0, 0, rows.length, 1);
  range.numberFormat = rows.map(() => [TEXT_FORMAT]);
  range.values = rows;
  sheet.visibility = "VeryHidden";
}

// --- Clearing ---

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

// --- Navigation and the template ---

/** Activates the sheet and selects the cell (one sync). */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  });
}

/** Shows the report sheet that marking wrote. */
export async function showReportSheet(): Promise<void> {
  await Excel.run(async (context) => {
    const existing = await sheetNames(context);
    if (!existing.has(REPORT_SHEET))
      throw new Error(`There is no "${REPORT_SHEET}" sheet yet: mark the workbook first.`);
    const sheet = context.workbook.worksheets.getItem(REPORT_SHEET);
    sheet.activate();
    sheet.getRange("A1").select();
    await context.sync();
  });
}

/** Column widths of the template are in characters; Excel's are in points. */
const POINTS_PER_CHARACTER = 7;

/**
 * Adds the blank savings template (src/core/template.ts, financial years from the current one) as
 * a new sheet, "Savings template" or "Savings template (2)"…, and shows it. Touches no other sheet.
 */
export async function insertTemplate(today: Date = new Date()): Promise<string> {
  const template = templateWorkbook(financialYearOfDate(today.getFullYear(), today.getMonth() + 1)).sheets[0];
  return Excel.run(async (context) => {
    const existing = new Set([...(await sheetNames(context))].map((n) => n.toLowerCase()));
    let name = TEMPLATE_SHEET;
    for (let n = 2; existing.has(name.toLowerCase()); n++) name = `${TEMPLATE_SHEET} (${n})`;

    const { rows, cols } = gridSize(template);
    const formulas = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => template.formulas[r]?.[c] ?? excelText(template.values[r]?.[c])),
    );
    // Text that Excel could take for a date, number or formula ("2025/26") is formatted as text first.
    const formats = formulas.map((row, r) =>
      row.map(
        (v, c) =>
          template.numberFormats[r]?.[c] ??
          (typeof v === "string" && /^[=+\-@\d]/.test(v) && !template.formulas[r]?.[c] ? TEXT_FORMAT : "General"),
      ),
    );
    const sheet = context.workbook.worksheets.add(name);
    const range = sheet.getRangeByIndexes(0, 0, rows, cols);
    range.numberFormat = formats;
    range.formulas = formulas;
    template.columnWidths.forEach(
      (width, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER),
    );
    sheet.getRange("A1").format.font.bold = true;
    sheet.activate();
    await context.sync();
    return name;
  });
}
