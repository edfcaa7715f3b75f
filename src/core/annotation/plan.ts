/**
 * What annotating writes (SPEC §6), decided once in the core for both hosts: a note and a fill
 * on every cell with a finding, the report sheet, and the record that lets clearing undo it all.
 * Hosts only read the current notes and fills of the finding cells and apply the plan.
 */
import { Finding, Severity } from "../findings";
import { CellValue, WorkbookGrid } from "../grid";
import { ValidationResult } from "../validate";
import { coverageText, verdictText } from "../validate/verdict";
import { fingerprintWorkbook } from "./fingerprint";
import { fitCell, markKey, NOTE_PREFIX, REPORT_SHEET, SEVERITY_FILL, sameFill } from "./names";
import { AnnotationRecord, ClearPlan, CurrentMarks, planClear, RecordedCell } from "./record";

export { markKey } from "./names";

/**
 * What the finding cells hold now, as the host reads it (only finding cells need be read; a host
 * may add the cells of an earlier record, see `record`).
 */
export interface ExistingMarks extends CurrentMarks {
  /** Current note text per cell; absent or "" = no note. */
  notes: Map<string, string>;
  /** Current solid fill per cell ("#RRGGBB"); null = no fill. Every cell read has an entry. */
  fills: Map<string, string | null>;
  /**
   * Optional, host-specific exact fills that are not a plain solid colour (exceljs fill JSON in
   * the command line), copied into the record so that the same host restores them exactly.
   */
  fillDetails?: Map<string, string>;
  /**
   * The record already in the workbook from an earlier annotation, if any. Re-annotating goes
   * through it so nothing is recorded twice: the plan then starts by clearing that annotation
   * (plan.clear, planClear given these marks: a note or fill the user changed since is kept, and
   * recorded cells the host did not read are cleared as recorded), and a cell marked again keeps
   * its original prior fill, unless the user has since changed the fill, and the user's notes.
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

/**
 * The formula of a report link: HYPERLINK links inside the workbook in every spreadsheet program,
 * with no relationship part, and one formula per link is far lighter than a hyperlink object each.
 */
export function reportLinkFormula(sheet: string, cell: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `=HYPERLINK("${target.replace(/"/g, '""')}","${cell}")`;
}

/** Column of the report's finding table that holds the link to the cell. */
export const REPORT_LINK_COLUMN = 3;
export const REPORT_TABLE_HEADER = ["Severity", "Rule", "Sheet", "Cell", "Message", "Table"];

export function planAnnotation(
  workbook: WorkbookGrid,
  result: ValidationResult,
  existing: ExistingMarks,
  checkedAt: Date,
): AnnotationPlan {
  const requests: MarkRequest[] = [];
  for (const group of groupByCell(result.findings).values()) {
    const worst = group.reduce(
      (w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w),
      group[0].severity,
    );
    const lines = [...new Set(group.map((f) => f.message))];
    requests.push({ sheet: group[0].sheet, cell: group[0].cell, fill: SEVERITY_FILL[worst], lines });
  }
  const { cells, recorded } = planMarks(requests, existing);

  const fingerprint = fingerprintWorkbook(workbook);
  return {
    clear: existing.record ? planClear(existing.record, existing) : null,
    cells,
    report: reportSheet(result, checkedAt, fingerprint),
    record: { version: 1, checkedAt: checkedAt.toISOString(), fingerprint, reportSheet: REPORT_SHEET, cells: recorded },
  };
}

/** A cell to mark: its fill and the lines of its note (after NOTE_PREFIX). */
export interface MarkRequest {
  sheet: string;
  cell: string;
  fill: string;
  lines: string[];
}

/** The marks to make and what to record of each, given what the cells hold now (see ExistingMarks). */
export function planMarks(
  requests: readonly MarkRequest[],
  existing: ExistingMarks,
): { cells: CellMark[]; recorded: RecordedCell[] } {
  const previous = new Map<string, RecordedCell>();
  for (const c of existing.record?.cells ?? []) previous.set(markKey(c.sheet, c.cell), c);
  const cells: CellMark[] = [];
  const recorded: RecordedCell[] = [];
  for (const { sheet, cell, fill, lines } of requests) {
    const key = markKey(sheet, cell);
    const before = previous.get(key);
    const fillNow = existing.fills.get(key) ?? null;
    const noteNow = existing.notes.get(key) ?? "";
    // A cell marked before still wearing that annotation's fill: the fill before it is the real
    // prior one. Its note is ours (cleared first) while it is still the one we added.
    const keepsPrior = before !== undefined && sameFill(fillNow, before.fill);
    const priorFill = keepsPrior ? before.priorFill : fillNow;
    const detail = keepsPrior ? before.priorFillDetail : existing.fillDetails?.get(key);
    const userNote = before !== undefined && noteNow === before.note ? "" : noteNow;
    const note = userNote ? null : fitCell(NOTE_PREFIX + lines.join("\n"));
    cells.push({ sheet, cell, note, fill });
    recorded.push({ sheet, cell, note, priorFill, fill, ...(detail !== undefined ? { priorFillDetail: detail } : {}) });
  }
  return { cells, recorded };
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

/** "Ready for committee", "Not ready for committee: 2 errors", or "Not checked: …". */
export function verdict(result: ValidationResult): string {
  return verdictText(result.verdict, result.counts);
}

function reportSheet(result: ValidationResult, checkedAt: Date, fingerprint: string): ReportSheet {
  const rows: CellValue[][] = [
    ["Savings check report"],
    ["Verdict", verdict(result)],
    ["Figures checked", coverageText(result.coverage)],
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
    rows.push([f.severity, f.rule, f.sheet, f.cell, fitCell(f.message), fitCell(f.table)]);
  }
  if (result.findings.length === 0) rows.push(["No findings."]);
  return { name: REPORT_SHEET, rows, links };
}
