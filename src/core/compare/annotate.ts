/**
 * What `compare --annotate` writes into the copy of the new draft (SPEC §9): a note on each changed
 * cell ("Savings check: changed since draft: was 21,890"), a lilac fill, and the `Changes since
 * draft` sheet listing every change with a link to its cell. It is recorded like any annotation,
 * so that clearing removes exactly it (and an earlier annotation is cleared first).
 */
import {
  AnnotationPlan,
  ExistingMarks,
  MarkRequest,
  planMarks,
  ReportLink,
  reportLayout,
  ReportSheet,
} from "../annotation/plan";
import { CHANGE_FILL, CHANGES_SHEET, fitCell, markKey } from "../annotation/names";
import { planClear } from "../annotation/record";
import { fingerprintWorkbook } from "../annotation/fingerprint";
import { CellValue, toA1, WorkbookGrid } from "../grid";
import { Change, Comparison } from "./compare";
import { Draft } from "./draft";

export const CHANGES_TABLE_HEADER = [
  "Change",
  "Table",
  "Sheet",
  "Cell",
  "What changed",
  "Was",
  "Now",
  "Difference",
  "Unit",
];
/** Widths (characters) of the changes table's columns: 150 in all, a landscape A4 page at about full size. */
const CHANGES_COLUMN_WIDTHS = [16, 24, 12, 7, 46, 12, 12, 12, 9];
/** The table's name and what changed wrap. */
const CHANGES_WRAP_COLUMNS = [1, 4];
/** Column of the changes table that links to the cell. */
export const CHANGES_LINK_COLUMN = 3;

/** The line of a changed cell's note, after NOTE_PREFIX. */
export function changeNote(c: Change): string {
  switch (c.kind) {
    case "figure-changed":
    case "target-changed":
    case "line-renamed":
      return `changed since draft: was ${c.was}`;
    case "unit-changed":
      return `changed since draft: the unit was ${c.was}`;
    default:
      return `changed since draft: ${c.kind.replace("-", " ")}`;
  }
}

/** The cells a comparison marks in the new draft. */
export function changedCells(comparison: Comparison): { sheet: string; cell: string }[] {
  return comparison.changes.filter((c) => c.cell !== null).map((c) => ({ sheet: c.sheet, cell: c.cell! }));
}

export function planChangesAnnotation(
  workbook: WorkbookGrid,
  comparison: Comparison,
  after: Draft,
  comparedWith: string,
  existing: ExistingMarks,
  at: Date,
): AnnotationPlan {
  const byCell = new Map<string, MarkRequest>();
  for (const c of comparison.changes) {
    if (c.cell === null) continue;
    const key = markKey(c.sheet, c.cell);
    const request =
      byCell.get(key) ?? byCell.set(key, { sheet: c.sheet, cell: c.cell, fill: CHANGE_FILL, lines: [] }).get(key)!;
    request.lines.push(changeNote(c));
  }
  const { cells, recorded } = planMarks([...byCell.values()], existing);
  const fingerprint = fingerprintWorkbook(workbook);
  return {
    clear: existing.record ? planClear(existing.record, existing) : null,
    cells,
    report: changesSheet(comparison, after, comparedWith, at, fingerprint),
    record: { version: 1, checkedAt: at.toISOString(), fingerprint, reportSheet: CHANGES_SHEET, cells: recorded },
  };
}

function changesSheet(c: Comparison, after: Draft, comparedWith: string, at: Date, fingerprint: string): ReportSheet {
  const summary: CellValue[][] = [
    ["Compared with", comparedWith],
    ["Verdict then", c.then.text],
    ["Verdict now", c.now.text],
    ["Changes", c.changes.length],
    ["Findings fixed", c.findingsFixed.length],
    ["New findings", c.findingsNew.length],
    ["Compared at", at.toISOString()],
    ["Fingerprint", fingerprint],
    [null, "The fingerprint is the SHA-256 of the new draft's checked values and formulas."],
  ];
  const rows: CellValue[][] = [["Changes since draft"], ...summary, [], CHANGES_TABLE_HEADER];
  const headerRow = rows.length - 1;
  const links: ReportLink[] = [];
  // A change whose cell is gone (a removed line) links to its table in the new draft, if it is there.
  const tableCell = new Map(after.tables.map((t) => [markKey(t.sheet, t.name), toA1(t.top, t.left)]));
  for (const change of c.changes) {
    const cell = change.cell ?? tableCell.get(markKey(change.sheet, change.table)) ?? null;
    if (cell !== null) links.push({ row: rows.length, col: CHANGES_LINK_COLUMN, sheet: change.sheet, cell });
    rows.push([
      change.kind,
      fitCell(change.table),
      change.sheet,
      cell ?? "",
      fitCell(change.message),
      change.was === null ? "" : fitCell(change.was),
      change.new === null ? "" : fitCell(change.new),
      change.difference ?? "",
      change.unit ?? "",
    ]);
  }
  if (c.changes.length === 0) rows.push(["No changes."]);
  for (const [title, findings] of [
    ["Findings fixed", c.findingsFixed],
    ["New findings", c.findingsNew],
  ] as const) {
    if (findings.length === 0) continue;
    rows.push([], [title], ["Severity", "Rule", "Sheet", "Cell", "Message"]);
    for (const f of findings) rows.push([f.severity, f.rule, f.sheet, f.cell, fitCell(f.message)]);
  }
  const layout = reportLayout(rows, summary.length, headerRow, CHANGES_COLUMN_WIDTHS, CHANGES_WRAP_COLUMNS);
  return { name: CHANGES_SHEET, rows, links, layout };
}
