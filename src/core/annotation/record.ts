/**
 * The record annotating keeps inside the workbook (on the very hidden RECORD_SHEET) of what it
 * added and what was there before, so that clearing removes exactly that, even after the file is
 * closed, and from either host: the task pane and the command line write and read the same record.
 */
import type { Draft } from "../compare/draft";
import { CellValue, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, parseA1 } from "../grid";
import { encodeChunks, joinChunks } from "./chunks";
import { CHANGES_SHEET, isAddinSheet, markKey, RECORD_SHEET, REPORT_SHEET, sameFill } from "./names";

export interface RecordedCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The note annotating added; null when the cell kept the user's own note (or notes were unavailable). */
  note: string | null;
  /** The cell's solid fill before annotating ("#RRGGBB"), or null for no fill. */
  priorFill: string | null;
  /** The fill annotating set ("#RRGGBB"). */
  fill: string;
  /**
   * Optional, host-specific: the exact prior fill when it was not a plain solid colour (the
   * command line stores exceljs's fill JSON here). A host that does not understand it restores
   * priorFill instead.
   */
  priorFillDetail?: string;
}

export interface AnnotationRecord {
  version: 1;
  /** ISO 8601 time of the check. */
  checkedAt: string;
  fingerprint: string;
  /** Name of the report sheet annotating added (deleted on clearing): REPORT_SHEET, or CHANGES_SHEET for a comparison. */
  reportSheet: string;
  cells: RecordedCell[];
  /**
   * Optional, host-specific: how many fonts, fills and cell formats the workbook's styles part
   * had before the command line appended its own, so that clearing can take those away again.
   */
  styleCounts?: Record<string, number>;
  /**
   * Optional: the marked draft's verdict, findings and tables' figures (SPEC §9), kept by the pane
   * so that it can later say what changed since, with no second file.
   */
  draft?: Draft;
}

/**
 * Notes and fills of cells as a host reads them now. A cell counts as read when `fills` has its
 * key (null = no fill); its note is `notes`' entry (absent or "" = no note).
 */
export interface CurrentMarks {
  notes: Map<string, string>;
  fills: Map<string, string | null>;
}

export interface ClearPlan {
  notesToDelete: { sheet: string; cell: string }[];
  /** Fills to put back; null means remove the fill. */
  fills: { sheet: string; cell: string; fill: string | null; detail?: string }[];
  sheetsToDelete: string[];
}

/** Each chunk of the record sheet is labelled with this. */
const CHUNK_LABEL = "SavingsCheckRecord";

/** The record as rows of column A of the record sheet: labelled chunks of its JSON. */
export function encodeRecord(record: AnnotationRecord): string[][] {
  return encodeChunks(CHUNK_LABEL, JSON.stringify(record));
}

/** Reads the record sheet's values back; throws an Error saying what is wrong when it is damaged. */
export function decodeRecord(values: CellValue[][]): AnnotationRecord {
  const json = joinChunks(CHUNK_LABEL, RECORD_SHEET, values);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`The ${RECORD_SHEET} sheet is damaged: its text is not a readable record.`);
  }
  const problem = recordProblem(parsed);
  if (problem) throw new Error(`The ${RECORD_SHEET} sheet is damaged: ${problem}.`);
  return parsed as AnnotationRecord;
}

function recordProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "it holds no record";
  const r = value as Record<string, unknown>;
  if (r.version !== 1) return `unknown record version ${JSON.stringify(r.version)}`;
  if (typeof r.checkedAt !== "string" || typeof r.fingerprint !== "string" || typeof r.reportSheet !== "string")
    return "the check time, fingerprint or report sheet name is missing";
  // Clearing deletes the report sheet it names: anything but the add-in's own would be the user's.
  if (r.reportSheet !== REPORT_SHEET && r.reportSheet !== CHANGES_SHEET)
    return `it names the sheet '${r.reportSheet}' as its report, not '${REPORT_SHEET}' or '${CHANGES_SHEET}'`;
  if (!Array.isArray(r.cells)) return "the list of marked cells is missing";
  for (const [i, c] of (r.cells as unknown[]).entries()) {
    if (!isRecordedCell(c)) return `marked cell ${i + 1} is incomplete`;
    const { sheet, cell } = c as RecordedCell;
    if (!isInGrid(cell)) return `marked cell ${i + 1} ('${sheet}'!${cell}) is not a cell of Excel's grid`;
    if (isAddinSheet(sheet)) return `marked cell ${i + 1} is on the add-in's own sheet '${sheet}'`;
  }
  if (r.styleCounts !== undefined && !isCountMap(r.styleCounts)) return "its style counts are not counts";
  return null;
}

/** An A1 address within 1,048,576 rows and 16,384 columns. */
function isInGrid(address: string): boolean {
  const at = parseA1(address);
  return (
    at !== null &&
    address === address.trim() &&
    at.row >= 0 &&
    at.row < EXCEL_MAX_ROWS &&
    at.col >= 0 &&
    at.col < EXCEL_MAX_COLUMNS
  );
}

function isCountMap(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0)
  );
}

function isRecordedCell(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const c = value as Record<string, unknown>;
  const isTextOrNull = (v: unknown) => v === null || typeof v === "string";
  return (
    typeof c.sheet === "string" &&
    typeof c.cell === "string" &&
    isTextOrNull(c.note) &&
    isTextOrNull(c.priorFill) &&
    typeof c.fill === "string" &&
    (c.priorFillDetail === undefined || typeof c.priorFillDetail === "string")
  );
}

/**
 * What clearing does: remove the notes annotating added, put the prior fills back, drop both
 * add-in sheets. Given what the cells hold now (`current`), a read cell whose note is no longer the
 * one annotating added keeps it, and one whose fill is no longer annotating's keeps that: the user
 * changed them since, so they are the user's. Cells not read are cleared as recorded.
 */
export function planClear(record: AnnotationRecord, current?: CurrentMarks): ClearPlan {
  const read = (c: RecordedCell) => current !== undefined && current.fills.has(markKey(c.sheet, c.cell));
  const noteIsOurs = (c: RecordedCell) => !read(c) || current!.notes.get(markKey(c.sheet, c.cell)) === c.note;
  const fillIsOurs = (c: RecordedCell) => !read(c) || sameFill(current!.fills.get(markKey(c.sheet, c.cell)), c.fill);
  return {
    notesToDelete: record.cells
      .filter((c) => c.note !== null && noteIsOurs(c))
      .map((c) => ({ sheet: c.sheet, cell: c.cell })),
    fills: record.cells.filter(fillIsOurs).map((c) => ({
      sheet: c.sheet,
      cell: c.cell,
      fill: c.priorFill,
      ...(c.priorFillDetail !== undefined ? { detail: c.priorFillDetail } : {}),
    })),
    sheetsToDelete: [record.reportSheet, RECORD_SHEET],
  };
}
