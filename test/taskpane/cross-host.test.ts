/**
 * SPEC §6: the task pane and the command line keep the same record, so either clears a workbook
 * the other annotated. The workbook passes between them as a file (the command line's) and as
 * its cells, notes, fills and sheets in the fake Excel (the pane's): exceljs reads and writes the
 * file on the test's side, as another program would.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { RECORD_SHEET, REPORT_SHEET } from "../../src/core/annotation/names";
import { countBySeverity, Finding, isReady } from "../../src/core/findings";
import { clearAnnotatedCopy, writeAnnotatedCopy } from "../../src/cli/xlsx/annotated-copy";
import { readWorkbookFile } from "../../src/cli/xlsx/workbook-file";
import { clearMarks, markFindings, readWorkbook } from "../../src/taskpane/excel";
import { FakeExcel, FakeSheetInput, FakeVisibility } from "../support/fake-excel";
import { resultOf } from "../support/results";

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "cross-host-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `book` to a file of the test's directory and returns its path. */
async function save(book: ExcelJS.Workbook, name: string): Promise<string> {
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

const USER_NOTE = "Agreed with the budget holder";
const USER_FILL = "#00B050";

/** A small workbook as a user made it: figures, a total formula, one note and one fill of their own. */
function userBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Summary");
  sheet.addRows([
    ["Line", "Budget", "Saving"],
    ["A", 100, 20],
    ["B", 200, 30],
  ]);
  sheet.getCell("A4").value = "Total";
  sheet.getCell("B4").value = { formula: "SUM(B2:B3)", result: 300 };
  sheet.getCell("C4").value = 55;
  sheet.getCell("C2").note = USER_NOTE;
  sheet.getCell("B4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  return book;
}

const FINDINGS: Finding[] = [
  { rule: "total-mismatch", severity: "error", sheet: "Summary", cell: "C4", message: "stated 55, sum 50", table: "t" },
  { rule: "high-saving-share", severity: "warning", sheet: "Summary", cell: "C2", message: "20 of 100", table: "t" },
  { rule: "hardcoded-total", severity: "info", sheet: "Summary", cell: "B4", message: "typed total", table: "t" },
];
const RESULT = resultOf(FINDINGS);

const VISIBILITY: Record<string, FakeVisibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** The exceljs workbook as the fake Excel's input: every sheet, with notes and solid fills. */
function fakeInput(book: ExcelJS.Workbook): FakeSheetInput[] {
  return book.worksheets.map((sheet) => {
    const values: FakeSheetInput["values"] = [];
    const formulas: (string | null)[][] = [];
    const notes: Record<string, string> = {};
    const fills: Record<string, string> = {};
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as ExcelJS.CellValue;
        const formula = v !== null && typeof v === "object" && "formula" in v ? v : null;
        (values[r - 1] ??= [])[c - 1] = formula ? (formula.result as number) : (v as string | number);
        (formulas[r - 1] ??= [])[c - 1] = formula ? `=${formula.formula}` : null;
        const note = cell.note as string | ExcelJS.Comment | undefined;
        if (note)
          notes[cell.address] = typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
        const fill = cell.fill;
        if (fill?.type === "pattern" && fill.pattern === "solid")
          fills[cell.address] = `#${fill.fgColor!.argb!.slice(2)}`;
      }),
    );
    return { name: sheet.name, values, formulas, notes, fills, visibility: VISIBILITY[sheet.state] };
  });
}

/** The pane's marks (notes, fills, its two sheets) carried into an exceljs copy of the user's workbook. */
function carryMarks(fake: FakeExcel, book: ExcelJS.Workbook): void {
  for (const [key, text] of Object.entries(fake.notes)) {
    const [sheet, cell] = key.split("!");
    book.getWorksheet(sheet)!.getCell(cell).note = text;
  }
  for (const [key, colour] of Object.entries(fake.fills)) {
    const [sheet, cell] = key.split("!");
    book.getWorksheet(sheet)!.getCell(cell).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: `FF${colour.slice(1)}` },
    };
  }
  for (const name of [REPORT_SHEET, RECORD_SHEET]) {
    const view = fake.sheet(name)!;
    const sheet = book.addWorksheet(name, { state: name === RECORD_SHEET ? "veryHidden" : "visible" });
    view.values.forEach((row, r) => row.forEach((v, c) => v !== "" && (sheet.getCell(r + 1, c + 1).value = v)));
  }
}

/** What the report shows and how it prints, from a file as exceljs reads it. */
function fileReport(book: ExcelJS.Workbook) {
  const sheet = book.getWorksheet(REPORT_SHEET)!;
  const values: unknown[][] = Array.from({ length: sheet.rowCount }, () => []);
  const heights: Record<number, number> = {};
  sheet.eachRow((row, r) => {
    if (row.height) heights[r] = row.height;
    row.eachCell((cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // exceljs repeats a merged cell's value in each
      const v = cell.value as ExcelJS.CellValue;
      values[r - 1][c - 1] = v !== null && typeof v === "object" && "formula" in v ? v.result : v;
    });
  });
  const setup = sheet.pageSetup;
  return {
    values,
    widths: sheet.columns.map((c) => c.width),
    heights,
    merges: [...sheet.model.merges].sort(),
    print: {
      orientation: setup.orientation,
      paper: setup.paperSize === 9 ? "A4" : setup.paperSize,
      wide: setup.fitToWidth,
      tall: setup.fitToHeight,
      area: setup.printArea,
      titles: setup.printTitlesRow,
    },
  };
}

/** The same from the pane's sheet in the fake Excel (widths in points back to characters). */
function paneReport(fake: FakeExcel) {
  const view = fake.sheet(REPORT_SHEET)!;
  const set = (property: string) => view.formats.filter((f) => f.property === property);
  const heights: Record<number, number> = {};
  for (const { address, value } of set("rowHeight")) {
    const [from, to = from] = address.split(":").map((a) => Number(a.replace(/^[A-Z]+/, "")));
    for (let r = from; r <= to; r++) heights[r] = value as number;
  }
  const page = view.pageLayout as { zoom: { horizontalFitToPages: number; verticalFitToPages: number } } & Record<
    string,
    string
  >;
  return {
    values: view.values.map((row) => {
      const cells: unknown[] = [];
      row.forEach((v, c) => v !== "" && (cells[c] = v));
      return cells;
    }),
    widths: set("columnWidth").map((f) => ((f.value as number) / 0.75 - 5) / 7),
    heights,
    merges: set("merge")
      .map((f) => f.address)
      .sort(),
    print: {
      orientation: page.orientation.toLowerCase(),
      paper: page.paperSize,
      wide: page.zoom.horizontalFitToPages,
      tall: page.zoom.verticalFitToPages,
      area: page.printArea,
      titles: page.printTitleRows.replace(/\$/g, ""),
    },
  };
}

describe("one record, two hosts", () => {
  test("the task pane and the command line write the same report, laid out and printed alike", async () => {
    const long: Finding = { ...FINDINGS[0], message: "a message long enough to wrap over several lines ".repeat(6) };
    const result = resultOf([...FINDINGS, long]);
    const checked = new Date("2026-11-23T10:00:00Z");
    const file = readWorkbookFile(await save(userBook(), "user.xlsx"));
    const annotated = join(dir, "report-by-cli.xlsx");
    writeAnnotatedCopy(file, annotated, result, checked);
    const fake = new FakeExcel({ sheets: fakeInput(userBook()), workbookName: "user.xlsx" });
    fake.install();
    await markFindings(await readWorkbook(), result, checked);

    const pane = paneReport(fake);
    expect(pane.values[0]).toEqual(["Savings check report: user.xlsx"]);
    expect(Object.values(pane.heights)).toContain(75); // the long message (300 characters): five lines
    expect(pane).toEqual(fileReport(await open(annotated)));
  });

  test("the command line annotates, the task pane clears: the user's workbook comes back exactly", async () => {
    const file = readWorkbookFile(await save(userBook(), "user.xlsx"));
    const annotated = join(dir, "annotated-by-cli.xlsx");
    writeAnnotatedCopy(file, annotated, RESULT, new Date("2026-11-23T10:00:00Z"));
    const fake = new FakeExcel({ sheets: fakeInput(await open(annotated)) });
    fake.install();
    expect(Object.keys(fake.fills)).toHaveLength(3);

    expect(await clearMarks()).toEqual({ cleared: 3, notFound: [] });
    const original = new FakeExcel({ sheets: fakeInput(userBook()) });
    expect(fake.sheetNames).toEqual(["Summary"]);
    expect(fake.contentSnapshot()).toBe(original.contentSnapshot());
    expect(fake.notes).toEqual({ "Summary!C2": USER_NOTE });
    expect(fake.fills).toEqual({ "Summary!B4": USER_FILL });
  });

  test("the task pane annotates, the command line clears: the user's workbook comes back exactly", async () => {
    const fake = new FakeExcel({ sheets: fakeInput(userBook()) });
    fake.install();
    await markFindings(await readWorkbook(), RESULT, new Date("2026-11-23T10:00:00Z"));
    const book = userBook();
    carryMarks(fake, book);
    const cleared = join(dir, "cleared-by-cli.xlsx");

    expect(clearAnnotatedCopy(await save(book, "annotated-by-pane.xlsx"), cleared)).toEqual({
      cleared: 3,
      notFound: [],
    });
    const after = new FakeExcel({ sheets: fakeInput(await open(cleared)) });
    expect(after.sheetNames).toEqual(["Summary"]);
    expect(after.notes).toEqual({ "Summary!C2": USER_NOTE });
    expect(after.fills).toEqual({ "Summary!B4": USER_FILL });
    expect(after.contentSnapshot()).toBe(new FakeExcel({ sheets: fakeInput(userBook()) }).contentSnapshot());
  });
});
