/**
 * What annotating writes (SPEC §6), decided once in the core for both hosts: a note and a fill
 * on every cell with a finding, the report sheet, and the record that lets clearing undo it all.
 * Hosts only read the current notes and fills of the finding cells and apply the plan.
 */
import { Finding, Severity } from "../findings";
import { CellValue, rangeToA1, WorkbookGrid } from "../grid";
import { ValidationResult } from "../validate";
import { coverageText, verdictText } from "../validate/verdict";
import { settingsLines } from "../settings/describe";
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
  layout: ReportLayout;
}

/** A row whose one value spreads from `col` across the rest of the report's width (merged), wrapped and aligned left. */
export interface ReportSpread {
  row: number;
  col: number;
}

/**
 * How the report looks and prints, decided here once so that both hosts lay it out the same: it
 * goes with the committee papers, so it prints landscape on A4, one page wide however many
 * findings it lists (the findings table's header on every page), its messages wrapped. Every cell
 * aligns to the top of its row.
 */
export interface ReportLayout {
  /** Width of each column in characters of the default font (Excel's column width unit). */
  columnWidths: number[];
  /**
   * Height of each row in points, for the lines its wrapped text needs (null: one line). Set, not
   * left to the program: neither Excel nor LibreOffice fits a merged cell's row, and LibreOffice
   * does not fit rows when it opens a file.
   */
  rowHeights: (number | null)[];
  /** The title (row 0) is bold at this size in points. */
  titleSize: number;
  /** The title and the summary's values, each spread across the report's width. */
  spreads: ReportSpread[];
  /** Row of the findings table's header: bold, and printed at the top of every page. */
  headerRow: number;
  /** Columns of the findings table whose text wraps, in the rows below its header. */
  wrapColumns: number[];
  print: {
    orientation: "landscape";
    paper: "A4";
    /** Scaled to one page wide, as many pages tall as it needs. */
    pagesWide: 1;
    pagesTall: 0;
    /** Margins in inches (narrow at the sides, so that the table prints at about full size). */
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
    /** The print area, every row of the report: "A1:F20". */
    area: string;
    /** The rows printed at the top of every page, the findings table's header: "$10:$10". */
    titleRows: string;
    /** Centre footer, in the header and footer codes both hosts share: "&P" the page, "&N" the pages. */
    footer: string;
  };
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
/**
 * Widths of the report's columns, in characters: the first holds the summary's labels, the message
 * column is the widest; 138 characters together fill a landscape A4 page at full size.
 */
const REPORT_COLUMN_WIDTHS = [14, 20, 14, 8, 56, 26];
/** Columns of the findings table that wrap: sheet, message and table names may be long. */
const REPORT_WRAP_COLUMNS = [2, 4, 5];
/** Excel's default font size, in points, in which column widths are counted. */
const DEFAULT_FONT_SIZE = 11;
const TITLE_SIZE = 14;
/** Height of a line of text per point of font size, as spreadsheets set rows (15 points at 11). */
const LINE_HEIGHT = 15 / 11;
/**
 * Characters of text a column holds per character of its width, which is counted in the widest
 * digit: sentences run about a quarter more (Calibri in Excel, DejaVu Sans in LibreOffice without
 * Calibri); counting a little less leaves room for capitals and wide letters.
 */
const TEXT_PER_WIDTH = 1.15;
/** The tallest row Excel allows, in points. */
const MAX_ROW_HEIGHT = 409;

/** `workbookName` is what the report's title calls the workbook: its file name, or UNNAMED_WORKBOOK when the host cannot tell. */
export function planAnnotation(
  workbook: WorkbookGrid,
  result: ValidationResult,
  existing: ExistingMarks,
  checkedAt: Date,
  workbookName: string,
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
    report: reportSheet(result, checkedAt, fingerprint, workbookName),
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

function reportSheet(
  result: ValidationResult,
  checkedAt: Date,
  fingerprint: string,
  workbookName: string,
): ReportSheet {
  const summary: CellValue[][] = [
    ["Verdict", verdict(result)],
    ["Figures checked", coverageText(result.coverage)],
    ["Errors", result.counts.error],
    ["Warnings", result.counts.warning],
    ["Information", result.counts.info],
    ["Checked at", checkedAt.toISOString()],
    ["Fingerprint", fingerprint],
    [
      null,
      "The fingerprint is the SHA-256 of the checked values and formulas: check again to see whether they changed.",
    ],
  ];
  // The settings in force, so a committee clerk sees what was waived (SPEC §8).
  const settings = settingsLines(result.settings);
  if (settings.length > 0) summary.push(["Settings in force", settings.join("\n")]);
  const rows: CellValue[][] = [[fitCell(`Savings check report: ${workbookName}`)], ...summary, [], REPORT_TABLE_HEADER];
  const headerRow = rows.length - 1;
  const links: ReportLink[] = [];
  const open = result.findings.filter((f) => !f.accepted);
  const accepted = result.findings.filter((f) => f.accepted);
  const list = (f: Finding, message: string) => {
    links.push({ row: rows.length, col: REPORT_LINK_COLUMN, sheet: f.sheet, cell: f.cell });
    rows.push([f.severity, f.rule, f.sheet, f.cell, fitCell(message), fitCell(f.table)]);
  };
  for (const f of open) list(f, f.message);
  if (open.length === 0) rows.push([accepted.length > 0 ? "No findings but the accepted ones below." : "No findings."]);
  if (accepted.length > 0) {
    rows.push([], [`Accepted findings (${accepted.length}): listed, not counted`], REPORT_TABLE_HEADER);
    // Who accepted it, when and why go under the message: the report prints its six columns one page wide.
    for (const f of accepted) list(f, acceptedMessage(f));
  }
  const layout = reportLayout(rows, summary.length, headerRow, REPORT_COLUMN_WIDTHS, REPORT_WRAP_COLUMNS);
  return { name: REPORT_SHEET, rows, links, layout };
}

/** An accepted finding's message, then why it was accepted, by whom and when. */
function acceptedMessage(f: Finding): string {
  const { reason, by, at } = f.accepted!;
  const who = [by, at].filter((part) => part).join(", ");
  return `${f.message}\nAccepted${who ? ` (${who})` : ""}: ${reason}`;
}

/**
 * How a report-like sheet prints (the report, compare's changes sheet): a title in row 0, summary
 * rows 1..summaryRows whose values spread from column B across the page, and a table whose header
 * is `headerRow`, its `wrapColumns` wrapped.
 */
export function reportLayout(
  rows: CellValue[][],
  summaryRows: number,
  headerRow: number,
  columnWidths: number[],
  wrapColumns: number[],
): ReportLayout {
  const spreads: ReportSpread[] = [{ row: 0, col: 0 }];
  for (let i = 1; i <= summaryRows; i++) spreads.push({ row: i, col: 1 });
  const rowHeights: (number | null)[] = rows.map(() => null);
  for (const { row, col } of spreads) {
    const width = columnWidths.slice(col).reduce((sum, w) => sum + w, 0);
    const size = row === 0 ? TITLE_SIZE : DEFAULT_FONT_SIZE;
    // The title is bold: its letters are counted as wide as digits.
    const perLine = (width * DEFAULT_FONT_SIZE) / size / (row === 0 ? 1 : TEXT_PER_WIDTH);
    rowHeights[row] = rowHeight(textLines(rows[row][col], Math.floor(perLine)), size);
  }
  for (let r = headerRow + 1; r < rows.length; r++) {
    const lines = Math.max(
      ...wrapColumns.map((c) => textLines(rows[r][c], Math.floor(columnWidths[c] * TEXT_PER_WIDTH))),
    );
    if (lines > 1) rowHeights[r] = rowHeight(lines, DEFAULT_FONT_SIZE);
  }
  return {
    columnWidths,
    rowHeights,
    titleSize: TITLE_SIZE,
    spreads,
    headerRow,
    wrapColumns,
    print: {
      orientation: "landscape",
      paper: "A4",
      pagesWide: 1,
      pagesTall: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      area: rangeToA1({ top: 0, left: 0, bottom: rows.length - 1, right: columnWidths.length - 1 }),
      titleRows: `$${headerRow + 1}:$${headerRow + 1}`,
      footer: "Page &P of &N",
    },
  };
}

function rowHeight(lines: number, size: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * size * LINE_HEIGHT));
}

/**
 * Lines a cell's text takes wrapped at `perLine` characters, word by word as spreadsheets wrap (a
 * word longer than a line is broken).
 */
function textLines(value: CellValue | undefined, perLine: number): number {
  if (typeof value !== "string") return 1;
  let lines = 0;
  for (const paragraph of value.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(" ")) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      const wordLines = Math.max(1, Math.ceil(word.length / perLine));
      lines += wordLines - 1;
      used = word.length - (wordLines - 1) * perLine;
    }
  }
  return lines;
}
