import { markKey, planAnnotation, REPORT_LINK_COLUMN } from "../../../src/core/annotation/plan";
import { fingerprintWorkbook } from "../../../src/core/annotation/fingerprint";
import { NOTE_PREFIX, RECORD_SHEET, REPORT_SHEET, SEVERITY_FILL } from "../../../src/core/annotation/names";
import { countBySeverity, Finding, isReady } from "../../../src/core/findings";
import { sheetFromValues } from "../../../src/core/grid";
import { validateWorkbook, ValidationResult } from "../../../src/core/validate";
import { tt2017Workbook } from "../validate/fixture-grids";
import { resultOf } from "../../support/results";

const CHECKED = new Date("2026-11-23T10:30:00Z");
const BOOK = "Savings 2026.xlsx";
const none = () => ({ notes: new Map<string, string>(), fills: new Map<string, string | null>() });

const finding = (
  severity: Finding["severity"],
  cell: string,
  message: string,
  rule: Finding["rule"] = "pct-mismatch",
): Finding => ({
  rule,
  severity,
  sheet: "Summary",
  cell,
  message,
  table: "Workstream summary A1:D5",
});

describe("planAnnotation", () => {
  const workbook = {
    sheets: [
      sheetFromValues("Summary", [
        ["Workstream", "Budget"],
        ["A", 1],
      ]),
    ],
  };
  const result = resultOf([
    finding("error", "B2", "stated 18.1%, 1.0 / 5.5 = 18.2%."),
    finding("warning", "B2", "a saving above 50% of its budget.", "high-saving-share"),
    finding("info", "C3", "a total typed in as a number.", "hardcoded-total"),
    finding("warning", "D4", "an amount typed as text.", "number-as-text"),
  ]);

  it("gives each finding cell one prefixed note with all its messages and the fill of its worst severity", () => {
    const plan = planAnnotation(workbook, result, none(), CHECKED, BOOK);
    expect(plan.clear).toBeNull();
    expect(plan.cells).toEqual([
      {
        sheet: "Summary",
        cell: "B2",
        note: `${NOTE_PREFIX}stated 18.1%, 1.0 / 5.5 = 18.2%.\na saving above 50% of its budget.`,
        fill: SEVERITY_FILL.error,
      },
      { sheet: "Summary", cell: "C3", note: `${NOTE_PREFIX}a total typed in as a number.`, fill: SEVERITY_FILL.info },
      { sheet: "Summary", cell: "D4", note: `${NOTE_PREFIX}an amount typed as text.`, fill: SEVERITY_FILL.warning },
    ]);
    expect(plan.record).toEqual({
      version: 1,
      checkedAt: "2026-11-23T10:30:00.000Z",
      fingerprint: fingerprintWorkbook(workbook),
      reportSheet: REPORT_SHEET,
      cells: plan.cells.map((c) => ({ ...c, priorFill: null })),
    });
  });

  it("leaves the user's own note alone and records the fill that was there", () => {
    const existing = none();
    existing.notes.set(markKey("Summary", "C3"), "Checked with finance, Jo");
    existing.fills.set(markKey("Summary", "C3"), "#00B050");
    existing.fills.set(markKey("Summary", "D4"), null);
    const plan = planAnnotation(
      workbook,
      result,
      { ...existing, fillDetails: new Map([[markKey("Summary", "C3"), "{}"]]) },
      CHECKED,
      BOOK,
    );
    expect(plan.cells[1]).toEqual({ sheet: "Summary", cell: "C3", note: null, fill: SEVERITY_FILL.info });
    expect(plan.record.cells[1]).toEqual({
      sheet: "Summary",
      cell: "C3",
      note: null,
      priorFill: "#00B050",
      fill: SEVERITY_FILL.info,
      priorFillDetail: "{}",
    });
    expect(plan.record.cells[2].priorFill).toBeNull();
    // The report still lists the finding on the cell with the user's note.
    expect(plan.report.rows.some((r) => r[3] === "C3" && r[1] === "hardcoded-total")).toBe(true);
  });

  it("re-annotating goes through the earlier record: it clears that first and keeps the original prior state", () => {
    const existing = none();
    existing.notes.set(markKey("Summary", "C3"), "Checked with finance, Jo");
    existing.fills.set(markKey("Summary", "C3"), "#00B050");
    existing.fills.set(markKey("Summary", "B2"), "#FFFF00");
    const first = planAnnotation(workbook, result, existing, CHECKED, BOOK);

    // The workbook now carries the first annotation: our notes and fills are what a host reads.
    const now = none();
    for (const c of first.cells) {
      now.fills.set(markKey(c.sheet, c.cell), c.fill);
      now.notes.set(markKey(c.sheet, c.cell), c.note ?? "Checked with finance, Jo");
    }
    const fewer = resultOf([result.findings[2], result.findings[3]]);
    const second = planAnnotation(
      workbook,
      fewer,
      { ...now, record: first.record },
      new Date("2026-11-24T09:00:00Z"),
      BOOK,
    );
    expect(second.clear?.sheetsToDelete).toEqual([REPORT_SHEET, RECORD_SHEET]);
    expect(second.clear?.fills).toEqual([
      { sheet: "Summary", cell: "B2", fill: "#FFFF00" },
      { sheet: "Summary", cell: "C3", fill: "#00B050" },
      { sheet: "Summary", cell: "D4", fill: null },
    ]);
    expect(second.clear?.notesToDelete).toEqual([
      { sheet: "Summary", cell: "B2" },
      { sheet: "Summary", cell: "D4" },
    ]);
    expect(second.cells).toEqual([first.cells[1], first.cells[2]]);
    expect(second.record.cells).toEqual([first.record.cells[1], first.record.cells[2]]);
  });

  it("re-annotating keeps a note the user rewrote and a fill the user changed since the first annotation", () => {
    const first = planAnnotation(workbook, result, none(), CHECKED, BOOK);
    const now = none();
    for (const c of first.cells) now.fills.set(markKey(c.sheet, c.cell), c.fill);
    now.notes.set(markKey("Summary", "B2"), "Jo: the stated % is the committee's");
    now.notes.set(markKey("Summary", "C3"), first.cells[1].note!);
    now.fills.set(markKey("Summary", "C3"), "#7030A0");
    const second = planAnnotation(workbook, result, { ...now, record: first.record }, CHECKED, BOOK);
    expect(second.clear?.notesToDelete).toEqual([{ sheet: "Summary", cell: "C3" }]);
    expect(second.clear?.fills.map((f) => f.cell)).toEqual(["B2", "D4"]);
    expect(second.cells.map((c) => c.note)).toEqual([null, first.cells[1].note, first.cells[2].note]);
    expect(second.record.cells.map((c) => c.priorFill)).toEqual([null, "#7030A0", null]);
  });

  it("writes a report: a title naming the workbook, verdict, counts, time, fingerprint, then one linked row per finding", () => {
    const plan = planAnnotation(workbook, result, none(), CHECKED, BOOK);
    const { rows, links } = plan.report;
    expect(plan.report.name).toBe(REPORT_SHEET);
    expect(rows.slice(0, 9)).toEqual([
      ["Savings check report: Savings 2026.xlsx"],
      ["Verdict", "Not ready for committee: 1 error"],
      ["Figures checked", "0 of 0 figures checked"],
      ["Errors", 1],
      ["Warnings", 2],
      ["Information", 1],
      ["Checked at", "2026-11-23T10:30:00.000Z"],
      ["Fingerprint", fingerprintWorkbook(workbook)],
      [null, expect.stringMatching(/^The fingerprint is the SHA-256 of the checked values and formulas/)],
    ]);
    const header = rows.findIndex((r) => r[0] === "Severity");
    expect(rows[header]).toEqual(["Severity", "Rule", "Sheet", "Cell", "Message", "Table"]);
    expect(rows.slice(header + 1)).toEqual(
      result.findings.map((f) => [f.severity, f.rule, f.sheet, f.cell, f.message, f.table]),
    );
    expect(links).toEqual(
      result.findings.map((f, i) => ({ row: header + 1 + i, col: REPORT_LINK_COLUMN, sheet: f.sheet, cell: f.cell })),
    );
  });

  it("lays the report out to print one page wide: landscape A4, the table's header on every page, messages wrapped", () => {
    const long = "a word ".repeat(40).trim(); // 279 characters: 5 lines of the message column (64 characters of text)
    const plan = planAnnotation(
      workbook,
      resultOf([finding("error", "B2", "short."), finding("error", "C3", long)]),
      none(),
      CHECKED,
      "x".repeat(200),
    );
    const { rows, layout } = plan.report;
    const header = rows.findIndex((r) => r[0] === "Severity");
    expect(layout.headerRow).toBe(header);
    expect(layout.columnWidths).toHaveLength(6);
    expect(layout.columnWidths.reduce((a, b) => a + b)).toBe(138);
    expect(layout.wrapColumns).toEqual([2, 4, 5]); // sheet, message, table
    // The title and each summary value spread across the page: the title's 200-character name is
    // broken over two lines of 108 characters (14 points) after the words before it: three lines.
    expect(layout.spreads).toEqual([
      { row: 0, col: 0 },
      ...Array.from({ length: 8 }, (_, i) => ({ row: i + 1, col: 1 })),
    ]);
    expect(layout.rowHeights.slice(0, 3)).toEqual([58, 15, 15]);
    // One line for the short message, five for the long one (15 points a line).
    expect(layout.rowHeights.slice(header)).toEqual([null, null, 75]);
    expect(layout.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      pagesWide: 1,
      pagesTall: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      area: `A1:F${rows.length}`,
      titleRows: `$${header + 1}:$${header + 1}`,
      footer: "Page &P of &N",
    });
  });

  it("keeps a message of Excel's longest within the tallest row Excel allows", () => {
    const plan = planAnnotation(
      workbook,
      resultOf([finding("error", "B2", "x".repeat(40_000))]),
      none(),
      CHECKED,
      BOOK,
    );
    const { rows, layout } = plan.report;
    expect((rows[layout.headerRow + 1][4] as string).length).toBe(32_767);
    expect(layout.rowHeights[layout.headerRow + 1]).toBe(409);
  });

  it("says ready for committee when there is no error", () => {
    const wb = tt2017Workbook();
    const plan = planAnnotation(wb, validateWorkbook(wb), none(), CHECKED, BOOK);
    expect(plan.report.rows[1]).toEqual(["Verdict", "Ready for committee"]);
    const empty = planAnnotation(workbook, resultOf([]), none(), CHECKED, BOOK);
    expect(empty.cells).toEqual([]);
    expect(empty.report.rows[empty.report.rows.length - 1]).toEqual(["No findings."]);
  });
});

describe("validateWorkbook and the add-in's sheets", () => {
  it("skips the report and record sheets", () => {
    const wb = tt2017Workbook();
    const before = validateWorkbook(wb);
    const plan = planAnnotation(wb, before, none(), CHECKED, BOOK);
    wb.sheets.push(
      sheetFromValues(REPORT_SHEET, plan.report.rows),
      sheetFromValues(RECORD_SHEET, [["SavingsCheckRecord 1/1 {}"]]),
    );
    expect(validateWorkbook(wb)).toEqual(before);
  });
});
