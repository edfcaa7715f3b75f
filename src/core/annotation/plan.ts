/**
 * What annotating writes (SPEC §6), decided once in the core for both hosts: a note and a fill
 * on every cell with a finding, the report sheet, and the record that lets clearing undo it all.
 * Hosts only read the current notes and fills of the finding cells and apply the plan.
 */
import { Finding, Severity } from "../findings";
import { CellValue, WorkbookGrid } from "../grid";
import { ValidationResult } from "../validate";
import { fingerprintWorkbook } from "./fingerprint";
import { NOTE_PREFIX, REPORT_SHEET, SEVERITY_FILL } from "./names";
import { AnnotationRecord, ClearPlan, planClear, RecordedCell } from "./record";

/** Key of a cell in ExistingMarks: `Sheet!A1` (the cell part never holds a `!`). */
export function markKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** What the finding cells hold now, as the host reads it (only finding cells need be read). */
export interface ExistingMarks {
  /** Current note text per cell; absent or "" = no note. */
  notes: Map<string, string>;
  /** Current solid fill per cell ("#RRGGBB"); absent or null = no fill. */
  fills: Map<string, string | null>;
  /**
   * Optional, host-specific exact fills that are not a plain solid colour (exceljs fill JSON in
   * the command line), copied into the record so that the same host restores them exactly.
   */
  fillDetails?: Map<string, string>;
  /**
   * The record already in the workbook from an earlier annotation, if any. Re-annotating goes
   * through it so nothing is recorded twice: the plan then starts by clearing that annotation
   * (plan.clear), and cells marked again keep their original prior fill and the user's notes.
   */
  record?: AnnotationRecord | null;
}

export interface CellMark {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The note to write; null = the cell has the user's own note: leave it. */
  note: string | null;
  /** Solid fill to set, "#RRGGBB". */
  fill: string;
}

export interface ReportLink {
  /** 0-based position of the linking cell in the report. */
  row: number;
  col: number;
  /** The cell it links to. */
  sheet: string;
  cell: string;
}

export interface ReportSheet {
  name: string;
  rows: CellValue[][];
  links: ReportLink[];
}

/**
 * Hosts apply, in this order: `clear` (when the workbook was already annotated: delete its notes,
 * restore its fills, delete its two sheets), then `cells`, then write `report` and the record
 * sheet (encodeRecord(record), very hidden). A host that cannot write notes (ExcelApi < 1.18)
 * skips them and sets `note: null` on the record's cells before encoding, so clearing leaves notes alone.
 */
export interface AnnotationPlan {
  clear: ClearPlan | null;
  cells: CellMark[];
  report: ReportSheet;
  record: AnnotationRecord;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Column of the report's finding table that holds the link to the cell. */
export const REPORT_LINK_COLUMN = 3;
export const REPORT_TABLE_HEADER = ["Severity", "Rule", "Sheet", "Cell", "Message", "Table"];

export function planAnnotation(
  workbook: WorkbookGrid,
  result: ValidationResult,
  existing: ExistingMarks,
  checkedAt: Date,
): AnnotationPlan {
  const previous = new Map<string, RecordedCell>();
  for (const c of existing.record?.cells ?? []) previous.set(markKey(c.sheet, c.cell), c);

  const cells: CellMark[] = [];
  const recorded: RecordedCell[] = [];
  for (const [key, group] of groupByCell(result.findings)) {
    const { sheet, cell } = group[0];
    const worst = group.reduce(
      (w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w),
      group[0].severity,
    );
    const fill = SEVERITY_FILL[worst];
    const before = previous.get(key);
    // A cell marked before: its state before that annotation is the real prior state; the note
    // then on it is ours (to be cleared) unless the record says the user's note was kept.
    const priorFill = before ? before.priorFill : (existing.fills.get(key) ?? null);
    const detail = before ? before.priorFillDetail : existing.fillDetails?.get(key);
    const userNote = before && before.note !== null ? "" : (existing.notes.get(key) ?? "");
    const messages = [...new Set(group.map((f) => f.message))];
    const note = userNote ? null : NOTE_PREFIX + messages.join("\n");
    cells.push({ sheet, cell, note, fill });
    recorded.push({ sheet, cell, note, priorFill, fill, ...(detail !== undefined ? { priorFillDetail: detail } : {}) });
  }

  const fingerprint = fingerprintWorkbook(workbook);
  return {
    clear: existing.record ? planClear(existing.record) : null,
    cells,
    report: reportSheet(result, checkedAt, fingerprint),
    record: { version: 1, checkedAt: checkedAt.toISOString(), fingerprint, reportSheet: REPORT_SHEET, cells: recorded },
  };
}

function groupByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = markKey(f.sheet, f.cell);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "Ready for committee", or "2 errors, 1 warning". */
export function verdict(result: ValidationResult): string {
  return result.ready
    ? "Ready for committee"
    : `${plural(result.counts.error, "error")}, ${plural(result.counts.warning, "warning")}`;
}

function reportSheet(result: ValidationResult, checkedAt: Date, fingerprint: string): ReportSheet {
  const rows: CellValue[][] = [
    ["Savings check report"],
    ["Verdict", verdict(result)],
    ["Errors", result.counts.error],
    ["Warnings", result.counts.warning],
    ["Information", result.counts.info],
    ["Checked at", checkedAt.toISOString()],
    ["Fingerprint (SHA-256 of the checked values and formulas)", fingerprint],
    [],
    REPORT_TABLE_HEADER,
  ];
  const links: ReportLink[] = [];
  for (const f of result.findings) {
    links.push({ row: rows.length, col: REPORT_LINK_COLUMN, sheet: f.sheet, cell: f.cell });
    rows.push([f.severity, f.rule, f.sheet, f.cell, f.message, f.table]);
  }
  if (result.findings.length === 0) rows.push(["No findings."]);
  return { name: REPORT_SHEET, rows, links };
}
