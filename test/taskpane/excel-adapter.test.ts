/**
 * The Excel adapter against the fake Excel of test/support/fake-excel.ts: what it reads, and
 * round trips of marking and clearing (values, formulas, fills and the user's own notes come back
 * exactly; nothing is written into the user's sheets), with the number of syncs each takes.
 */
import { RECORD_SHEET, REPORT_SHEET, SEVERITY_FILL } from "../../src/core/annotation/names";
import { decodeRecord } from "../../src/core/annotation/record";
import { CellValue, cellAt, SheetGrid, toA1, WorkbookGrid } from "../../src/core/grid";
import { countBySeverity, Finding, isReady, RuleId, Severity } from "../../src/core/findings";
import { TEMPLATE_SHEET } from "../../src/core/template";
import { validateWorkbook, ValidationResult } from "../../src/core/validate";
import {
  clearMarks,
  insertTemplate,
  markFindings,
  notesSupported,
  readWorkbook,
  selectCell,
  showReportSheet,
} from "../../src/taskpane/excel";
import { FakeExcel, FakeSheetInput, FakeWorkbookInput } from "../support/fake-excel";
import { tt2017Workbook, tt2019Workbook } from "../core/validate/fixture-grids";
import { resultOf } from "../support/results";

const globals = globalThis as unknown as Record<string, unknown>;

function install(input: FakeWorkbookInput): FakeExcel {
  const fake = new FakeExcel(input);
  delete globals.Office;
  fake.install();
  return fake;
}

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

function fakeSheet(grid: SheetGrid, extra: Partial<FakeSheetInput> = {}): FakeSheetInput {
  return {
    name: grid.name,
    values: grid.values,
    formulas: grid.formulas,
    numberFormats: grid.numberFormats,
    hiddenRows: grid.hiddenRows,
    hiddenColumns: grid.hiddenColumns,
    ...extra,
  };
}

/** A register of `lines` rows × 6 columns, with a hidden row near the end. */
function register(lines: number): FakeSheetInput {
  const values: CellValue[][] = [["Ref", "Description", "Workstream", "Full Year Saving", "RAG", "EIA"]];
  const formulas: (string | null)[][] = [[]];
  for (let i = 1; i <= lines; i++) {
    values.push([`S${i}`, `Saving line ${i}`, `Workstream ${i % 7}`, (i * 37) % 1000, "Green", "Yes"]);
    formulas.push([null, null, null, i % 10 === 0 ? `=${(i * 37) % 1000}+0` : null]);
  }
  return {
    name: "Register",
    values,
    formulas,
    numberFormats: [[], ["@", null, null, "#,##0"]],
    hiddenRows: [lines - 1],
    hiddenColumns: [4],
  };
}

function expectSameCells(actual: SheetGrid, expected: SheetGrid): void {
  const rows = Math.max(actual.values.length, expected.values.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(
      actual.values[r]?.length ?? 0,
      expected.values[r]?.length ?? 0,
      expected.formulas[r]?.length ?? 0,
    );
    for (let c = 0; c < cols; c++) {
      const a = cellAt(actual, r, c);
      const e = cellAt(expected, r, c);
      expect([a.address, a.value, a.formula, a.numberFormat, a.hidden]).toEqual([
        e.address,
        e.value,
        e.formula,
        e.numberFormat,
        e.hidden,
      ]);
    }
  }
}

describe("readWorkbook", () => {
  test("reads every sheet's values, formulas, number formats and hidden rows and columns in three syncs", async () => {
    const [tt2017, tt2019] = [tt2017Workbook().sheets[0], tt2019Workbook().sheets[0]];
    const workbook = { sheets: [tt2017, { ...tt2019, hiddenRows: new Set([7]), hiddenColumns: new Set([2]) }] };
    const fake = install({ sheets: workbook.sheets.map((s) => fakeSheet(s)) });
    const read = await readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual(workbook.sheets.map((s) => s.name));
    workbook.sheets.forEach((sheet, i) => expectSameCells(read.sheets[i], sheet));
    expect(fake.syncCount).toBe(3);
    // What the validator makes of it is what it makes of the original grids.
    expect(validateWorkbook(read)).toEqual(validateWorkbook(workbook));
  });

  test("pads a used range that starts further in so the grid starts at A1", async () => {
    const values: CellValue[][] = [[], [], [null, null, "Budget", "Saving"], [null, null, 100, 20]];
    install({
      sheets: [
        {
          name: "Offset",
          values,
          formulas: [[], [], [], [null, null, null, "=C4/5"]],
          hiddenRows: [3],
          hiddenColumns: [3],
        },
      ],
    });
    const [sheet] = (await readWorkbook()).sheets;
    expect(sheet.values.length).toBe(4);
    expect(cellAt(sheet, 2, 2).value).toBe("Budget");
    expect(cellAt(sheet, 3, 3)).toMatchObject({ address: "D4", value: 20, formula: "=C4/5", hidden: true });
    expect(cellAt(sheet, 0, 0).value).toBeNull();
    expect([...sheet.hiddenRows, ...sheet.hiddenColumns]).toEqual([3, 3]);
  });

  test("error values come back as CellError; empty cells as null; empty sheets as empty grids", async () => {
    install({
      sheets: [
        { name: "Errors", values: [["x", { error: "#DIV/0!" }, "", "#N/A"]], formulas: [[null, "=1/0"]] },
        { name: "Empty", values: [] },
      ],
    });
    const [errors, empty] = (await readWorkbook()).sheets;
    expect(errors.values[0]).toEqual(["x", { error: "#DIV/0!" }, null, { error: "#N/A" }]);
    expect(errors.formulas[0]).toEqual([null, "=1/0", null, null]);
    expect(empty.values).toEqual([]);
  });

  test("leaves out the add-in's own sheets, and reads only the active sheet when asked", async () => {
    const fake = install({
      sheets: [
        { name: "One", values: [["a"]] },
        { name: REPORT_SHEET, values: [["report"]] },
        { name: RECORD_SHEET, values: [["record"]], visibility: "VeryHidden" },
        { name: "Two", values: [["b"]] },
      ],
      activeSheet: "Two",
    });
    expect((await readWorkbook()).sheets.map((s) => s.name)).toEqual(["One", "Two"]);
    fake.syncCount = 0;
    expect((await readWorkbook({ activeSheetOnly: true })).sheets.map((s) => s.name)).toEqual(["Two"]);
    expect(fake.syncCount).toBe(2);
    fake.activeSheet = REPORT_SHEET;
    expect((await readWorkbook({ activeSheetOnly: true })).sheets).toEqual([]);
  });

  test.each([
    [10, 3],
    [10_000, 4],
    [100_000, 18],
  ])("%i register rows: two syncs plus one per row chunk, each response under 5 MB", async (lines, syncs) => {
    const input = register(lines);
    const fake = install({ sheets: [input] });
    const [sheet] = (await readWorkbook()).sheets;
    expect(fake.syncCount).toBe(syncs);
    expect(fake.maxResponseBytes).toBeLessThan(5_000_000);
    expect(sheet.values.length).toBe(lines + 1);
    expect(cellAt(sheet, lines, 0).value).toBe(`S${lines}`);
    expect(cellAt(sheet, lines, 3)).toMatchObject({ value: (lines * 37) % 1000, hidden: false });
    expect(cellAt(sheet, 10, 3).formula).toBe(`=${370 % 1000}+0`);
    expect([...sheet.hiddenRows]).toEqual([lines - 1]);
    expect([...sheet.hiddenColumns]).toEqual([4]);
    expect(cellAt(sheet, 1, 3).numberFormat).toBe("#,##0");
  });
});

// --- Marking and clearing ---

const USER_NOTE = "Checked with the budget holder";

function userWorkbook(): FakeWorkbookInput {
  return {
    sheets: [
      {
        name: "Summary",
        values: [
          ["Line", "Budget", "Saving"],
          ["A", 100, 20],
          ["B", 200, 30],
          ["Total", 300, 50],
        ],
        formulas: [[], [], [], [null, "=SUM(B2:B3)", "=SUM(C2:C3)"]],
        notes: { C2: USER_NOTE },
        fills: { B4: "#00FF00" },
      },
      { name: "Other sheet", values: [["x", 1]] },
    ],
  };
}

function finding(sheet: string, cell: string, severity: Severity, rule: RuleId = "total-mismatch"): Finding {
  return { rule, severity, sheet, cell, message: `${rule} at ${cell}`, table: "Summary A1:C4" };
}

const FINDINGS = [
  finding("Summary", "B4", "error"),
  finding("Summary", "C2", "warning", "high-saving-share"),
  finding("Summary", "C4", "info", "hardcoded-total"),
  finding("Summary", "C4", "error"),
  finding("Other sheet", "B1", "warning", "number-as-text"),
];

async function markAll(fake: FakeExcel, findings = FINDINGS) {
  const workbook = await readWorkbook();
  fake.syncCount = 0;
  const outcome = await markFindings(workbook, resultOf(findings), new Date("2026-11-23T10:00:00Z"));
  return { workbook, outcome };
}

describe("markFindings and clearMarks", () => {
  test("marks notes, fills, a linked report and a very hidden record in two syncs, writing nothing into user sheets", async () => {
    const fake = install(userWorkbook());
    const before = fake.contentSnapshot(["Summary", "Other sheet"]);
    const { outcome } = await markAll(fake);
    expect(fake.syncCount).toBe(2);
    expect(outcome).toEqual({ notesWritten: true, reportSheet: REPORT_SHEET, marked: 4 });

    expect(fake.contentSnapshot(["Summary", "Other sheet"])).toBe(before);
    expect(fake.sheetNames).toEqual(["Summary", "Other sheet", REPORT_SHEET, RECORD_SHEET]);
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set([REPORT_SHEET, RECORD_SHEET]));
    expect(fake.notes).toEqual({
      "Summary!C2": USER_NOTE, // the user's note stays
      "Summary!B4": "Savings check: total-mismatch at B4",
      "Summary!C4": "Savings check: hardcoded-total at C4\ntotal-mismatch at C4",
      "Other sheet!B1": "Savings check: number-as-text at B1",
    });
    expect(fake.fills).toEqual({
      "Summary!B4": SEVERITY_FILL.error,
      "Summary!C2": SEVERITY_FILL.warning,
      "Summary!C4": SEVERITY_FILL.error,
      "Other sheet!B1": SEVERITY_FILL.warning,
    });

    const report = fake.sheet(REPORT_SHEET)!;
    expect(report.visibility).toBe("Visible");
    expect(report.values.flat()).toEqual(
      expect.arrayContaining(["Savings check report: Book1.xlsx", "total-mismatch at B4"]),
    );
    // One link per finding, in the report's Cell column, to the finding's cell.
    const links = report.formulas.flatMap((row, r) =>
      row.flatMap((f, c) => (typeof f === "string" && f.startsWith("=") ? [[toA1(r, c), f, report.values[r][c]]] : [])),
    );
    expect(links).toEqual([
      ["D12", `=HYPERLINK("#'Summary'!B4","B4")`, "B4"],
      ["D13", `=HYPERLINK("#'Summary'!C2","C2")`, "C2"],
      ["D14", `=HYPERLINK("#'Summary'!C4","C4")`, "C4"],
      ["D15", `=HYPERLINK("#'Summary'!C4","C4")`, "C4"],
      ["D16", `=HYPERLINK("#'Other sheet'!B1","B1")`, "B1"],
    ]);

    const record = fake.sheet(RECORD_SHEET)!;
    expect(record.visibility).toBe("VeryHidden");
    const decoded = decodeRecord(record.values);
    expect(decoded.cells.find((c) => c.cell === "C2")).toMatchObject({
      note: null,
      priorFill: null,
      fill: SEVERITY_FILL.warning,
    });
    expect(decoded.cells.find((c) => c.cell === "B4")).toMatchObject({
      priorFill: "#00FF00",
      fill: SEVERITY_FILL.error,
    });
  });

  test("lays the report out and sets it up for printing as the plan says, in the same two syncs", async () => {
    const fake = install({ ...userWorkbook(), workbookName: "Savings 2026.xlsx" });
    await markAll(fake);
    expect(fake.syncCount).toBe(2);
    const report = fake.sheet(REPORT_SHEET)!;
    expect(report.values[0][0]).toBe("Savings check report: Savings 2026.xlsx");
    const set = (property: string) =>
      Object.fromEntries(report.formats.filter((f) => f.property === property).map((f) => [f.address, f.value]));
    // Widths of 14, 20, 14, 8, 56 and 26 characters, in points.
    expect(set("columnWidth")).toEqual({ A1: 77.25, B1: 108.75, C1: 77.25, D1: 45.75, E1: 297.75, F1: 140.25 });
    expect(set("wrapText")).toMatchObject({ "C12:C16": true, "E12:E16": true, "F12:F16": true, "B2:F2": true });
    expect(set("merge")).toEqual(
      Object.fromEntries(
        ["A1:F1", ...Array.from({ length: 8 }, (_, i) => `B${i + 2}:F${i + 2}`)].map((a) => [a, false]),
      ),
    );
    expect(set("verticalAlignment")).toEqual({ "A1:F16": "Top" });
    expect(set("font.size")).toEqual({ A1: 14 });
    expect(set("font.bold")).toEqual({ A1: true, "A11:F11": true });
    // The title (14 points) and the summary rows, one line each, in two runs; the findings are one line each too.
    expect(set("rowHeight")).toEqual({ A1: 20, "A2:A9": 15 });
    expect(report.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 36,
      rightMargin: 36,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: expect.closeTo(21.6),
      footerMargin: expect.closeTo(21.6),
      centerFooter: "Page &P of &N",
      printArea: "A1:F16",
      printTitleRows: "$11:$11",
    });
  });

  test("an Excel without page layout (ExcelApi 1.9) or the workbook's name (1.7) gets the report without them", async () => {
    const fake = install({ ...userWorkbook(), excelApi: "1.6" });
    await markAll(fake);
    const report = fake.sheet(REPORT_SHEET)!;
    expect(report.values[0][0]).toBe("Savings check report: this workbook");
    expect(report.pageLayout).toEqual({});
    expect(report.formats.some((f) => f.property === "columnWidth")).toBe(true);
  });

  test("clearing restores values, formulas, fills and the user's notes exactly, and removes both add-in sheets", async () => {
    const fake = install(userWorkbook());
    const before = fake.contentSnapshot();
    await markAll(fake);
    fake.syncCount = 0;
    expect(await clearMarks()).toEqual({ cleared: 4, notFound: [] });
    // Sheet names; the record and the notes; where our notes are; the cells; the changes.
    expect(fake.syncCount).toBe(5);
    expect(fake.sheetNames).toEqual(["Summary", "Other sheet"]);
    expect(fake.contentSnapshot()).toBe(before);
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE });
    expect(fake.fills).toEqual({ "Summary!B4": "#00FF00" });
    expect(await clearMarks()).toBeNull();
  });

  test("marking again goes through the earlier record: one clear brings back the original", async () => {
    const fake = install(userWorkbook());
    const before = fake.contentSnapshot();
    await markAll(fake);
    const { outcome } = await markAll(fake, FINDINGS.slice(0, 2));
    expect(outcome.marked).toBe(2);
    expect(fake.syncCount).toBe(4);
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE, "Summary!B4": "Savings check: total-mismatch at B4" });
    expect(fake.fills).toEqual({ "Summary!B4": SEVERITY_FILL.error, "Summary!C2": SEVERITY_FILL.warning });
    await clearMarks();
    expect(fake.contentSnapshot()).toBe(before);
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE });
    expect(fake.fills).toEqual({ "Summary!B4": "#00FF00" });
  });

  test("clearing leaves a note the user edited and a fill the user changed after marking", async () => {
    const fake = install(userWorkbook());
    await markAll(fake);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Summary");
      sheet.notes.getItem("B4").content = "My own words now";
      sheet.getRange("C4").format.fill.color = "#123456";
      await context.sync();
    });
    await clearMarks();
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE, "Summary!B4": "My own words now" });
    expect(fake.fills).toEqual({ "Summary!B4": "#00FF00", "Summary!C4": "#123456" });
  });

  test("marking again keeps what the user changed on a cell no longer marked, and skips a deleted sheet", async () => {
    const fake = install(userWorkbook());
    await markAll(fake);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Summary");
      sheet.notes.getItem("C4").content = "My own words now";
      sheet.getRange("C4").format.fill.color = "#123456";
      context.workbook.worksheets.getItem("Other sheet").delete();
      await context.sync();
    });
    await markAll(fake, FINDINGS.slice(0, 2));
    expect(fake.notes).toEqual({
      "Summary!C2": USER_NOTE,
      "Summary!B4": "Savings check: total-mismatch at B4",
      "Summary!C4": "My own words now",
    });
    expect(fake.fills).toEqual({
      "Summary!B4": SEVERITY_FILL.error,
      "Summary!C2": SEVERITY_FILL.warning,
      "Summary!C4": "#123456",
    });
    expect(await clearMarks()).toEqual({ cleared: 2, notFound: [] });
    expect(fake.sheetNames).toEqual(["Summary"]);
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE, "Summary!C4": "My own words now" });
    expect(fake.fills).toEqual({ "Summary!B4": "#00FF00", "Summary!C4": "#123456" });
  });

  test("clearing after the user inserted a row above the marks and renamed their sheet finds every mark", async () => {
    const fake = install(userWorkbook());
    await markAll(fake);
    fake.insertRows("Summary", 0, 2);
    fake.renameSheet("Summary", "Summary 2026");
    const moved = new FakeExcel(userWorkbook());
    moved.insertRows("Summary", 0, 2);
    moved.renameSheet("Summary", "Summary 2026");

    expect(await clearMarks()).toEqual({ cleared: 4, notFound: [] });
    expect(fake.sheetNames).toEqual(["Summary 2026", "Other sheet"]);
    expect(fake.contentSnapshot()).toBe(moved.contentSnapshot());
    // The user's note (C2, now C4) and fill (B4, now B6) as they were; every mark gone, C4's fill-only mark included.
    expect(fake.notes).toEqual({ "Summary 2026!C4": USER_NOTE });
    expect(fake.fills).toEqual({ "Summary 2026!B6": "#00FF00" });
  });

  test("a mark whose note and fill the user both changed is named as not found, and its record kept", async () => {
    const fake = install(userWorkbook());
    await markAll(fake);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Summary");
      sheet.notes.getItem("B4").content = "Checked: the total is right";
      sheet.getRange("B4").format.fill.color = "#123456";
      await context.sync();
    });
    const result = await clearMarks();
    expect(result?.cleared).toBe(3);
    expect(result?.notFound.map((c) => `${c.sheet}!${c.cell}`)).toEqual(["Summary!B4"]);
    expect(fake.sheetNames).toEqual(["Summary", "Other sheet", REPORT_SHEET, RECORD_SHEET]);
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE, "Summary!B4": "Checked: the total is right" });
    // Clearing again still finds the same mark missing, and nothing else to do.
    expect(await clearMarks()).toEqual({ cleared: 0, notFound: result!.notFound });
  });

  test("without notes (ExcelApi 1.18 missing) marks fills and the report only, and says so", async () => {
    const fake = install({ ...userWorkbook(), notesSupported: false });
    expect(notesSupported()).toBe(false);
    const before = fake.contentSnapshot();
    const { outcome } = await markAll(fake);
    expect(outcome.notesWritten).toBe(false);
    expect(fake.syncCount).toBe(2);
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE });
    expect(Object.keys(fake.fills)).toHaveLength(4);
    expect(decodeRecord(fake.sheet(RECORD_SHEET)!.values).cells.every((c) => c.note === null)).toBe(true);
    await clearMarks();
    expect(fake.contentSnapshot()).toBe(before);
    expect(fake.fills).toEqual({ "Summary!B4": "#00FF00" });
  });

  test("refuses to replace a sheet named like the report that marking did not add", async () => {
    const fake = install({ sheets: [...userWorkbook().sheets, { name: REPORT_SHEET, values: [["mine"]] }] });
    await expect(markAll(fake)).rejects.toThrow(`A sheet named "${REPORT_SHEET}" is already in the workbook`);
    expect(fake.sheet(REPORT_SHEET)!.values).toEqual([["mine"]]);
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE });
  });

  test("says so when a sheet with findings went away since the check", async () => {
    const fake = install(userWorkbook());
    await expect(markAll(fake, [finding("Renamed since", "A1", "error")])).rejects.toThrow(
      "A sheet with findings was renamed or deleted since the check. Check the workbook again, then mark.",
    );
    expect(fake.sheetNames).toEqual(["Summary", "Other sheet"]);
  });

  test.each([1, 100, 5_000])("marking %i findings takes two syncs", async (n) => {
    const fake = install({ sheets: [register(n)] });
    const findings = Array.from({ length: n }, (_, i) =>
      finding("Register", toA1(i + 1, 3), i % 2 ? "warning" : "error"),
    );
    const { outcome } = await markAll(fake, findings);
    expect(outcome.marked).toBe(n);
    expect(fake.syncCount).toBe(2);
    expect(Object.keys(fake.notes)).toHaveLength(n);
    expect(fake.maxRequestBytes).toBeLessThan(5_000_000);
  });

  test("a very large marking splits its requests to stay under 5 MB, and still clears", async () => {
    const n = 8_000;
    const fake = install({ sheets: [register(n)] });
    const before = fake.contentSnapshot();
    const findings = Array.from({ length: n }, (_, i) => finding("Register", toA1(i + 1, 3), "warning"));
    await markAll(fake, findings);
    expect(fake.syncCount).toBeGreaterThan(2);
    expect(fake.maxRequestBytes).toBeLessThan(5_000_000);
    await clearMarks();
    expect(fake.contentSnapshot()).toBe(before);
    expect(fake.notes).toEqual({});
  });
});

describe("navigation and the template", () => {
  test("selectCell activates the sheet and selects the cell in one sync", async () => {
    const fake = install(userWorkbook());
    await selectCell("Other sheet", "B1");
    expect(fake.selection).toEqual({ sheet: "Other sheet", address: "B1" });
    expect(fake.activeSheet).toBe("Other sheet");
    expect(fake.syncCount).toBe(1);
  });

  test("showReportSheet shows the report, and says when there is none", async () => {
    const fake = install(userWorkbook());
    await expect(showReportSheet()).rejects.toThrow("mark the workbook first");
    await markAll(fake);
    await showReportSheet();
    expect(fake.activeSheet).toBe(REPORT_SHEET);
  });

  test("insertTemplate adds a new sheet each time without touching the others", async () => {
    const fake = install(userWorkbook());
    const before = fake.contentSnapshot();
    expect(await insertTemplate(new Date("2026-11-23"))).toBe(TEMPLATE_SHEET);
    expect(await insertTemplate(new Date("2026-11-23"))).toBe(`${TEMPLATE_SHEET} (2)`);
    expect(fake.sheetNames).toEqual(["Summary", "Other sheet", TEMPLATE_SHEET, `${TEMPLATE_SHEET} (2)`]);
    expect(fake.contentSnapshot(["Summary", "Other sheet"])).toBe(before);
    expect(fake.activeSheet).toBe(`${TEMPLATE_SHEET} (2)`);
    const template = fake.sheet(TEMPLATE_SHEET)!;
    expect(template.values[0][0]).toBe("Savings proposals");
    expect(template.formulas.flat()).toContain("=SUM(B8:B12)");
    expect(template.values.flat()).toContain("2026/27");
    // Read back and checked, the blank template is a recognisable set of tables.
    const read: WorkbookGrid = await readWorkbook();
    const tables = validateWorkbook({ sheets: read.sheets.filter((s) => s.name === TEMPLATE_SHEET) }).tables;
    expect(tables.length).toBeGreaterThanOrEqual(4);
  });
});
