/**
 * The file reader against the two fixture workbooks: every cell reads as the engine's own fixture
 * grids have it (values, formulas with `=`, number formats), and both validate ready for committee
 * from the file. Then the reader's conversions on a workbook made here: rich text, dates, errors,
 * formulas, hidden rows and columns, merged areas, the add-in's own sheets.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { REPORT_SHEET, RECORD_SHEET } from "../../../src/core/annotation/names";
import { cellAt, gridSize, SheetGrid } from "../../../src/core/grid";
import { validateWorkbook } from "../../../src/core/validate";
import { readWorkbookGrid } from "../../../src/cli/xlsx/workbook-file";
import { tt2017Sheet, tt2019Sheet } from "../../core/validate/fixture-grids";

const FIXTURES = resolve(__dirname, "../../fixtures");
const TT2017 = join(FIXTURES, "hampshire-tt2017-workstreams.xlsx");
const TT2019 = join(FIXTURES, "hampshire-tt2019-table1.xlsx");

function expectSameCells(actual: SheetGrid, expected: SheetGrid): void {
  expect(actual.name).toBe(expected.name);
  const a = gridSize(actual);
  const e = gridSize(expected);
  expect(a.rows).toBe(e.rows);
  for (let r = 0; r < e.rows; r++) {
    for (let c = 0; c < Math.max(a.cols, e.cols); c++) {
      const { address, value, formula, numberFormat } = cellAt(actual, r, c);
      expect({ address, value, formula, numberFormat }).toEqual({ address, ...pick(cellAt(expected, r, c)) });
    }
  }
}

const pick = ({ value, formula, numberFormat }: ReturnType<typeof cellAt>) => ({ value, formula, numberFormat });

describe("readWorkbookGrid on the fixtures", () => {
  test("Tt2017 workstreams reads cell for cell as the engine's fixture grid", async () => {
    const workbook = await readWorkbookGrid(TT2017);
    expect(workbook.sheets).toHaveLength(1);
    expectSameCells(workbook.sheets[0], tt2017Sheet());
  });

  test("Tt2019 Table 1 reads cell for cell, formulas with their cached results", async () => {
    const workbook = await readWorkbookGrid(TT2019);
    const sheet = workbook.sheets[0];
    expectSameCells(sheet, tt2019Sheet());
    expect(cellAt(sheet, 11, 1)).toMatchObject({ value: 148913, formula: "=SUM(B5:B11)", numberFormat: "#,##0" });
  });

  test.each([TT2017, TT2019])("%s validates ready for committee from the file", async (path) => {
    const result = validateWorkbook(await readWorkbookGrid(path));
    expect(result.ready).toBe(true);
    expect(result.counts.error).toBe(0);
    expect(result.findings.map((f) => f.rule)).toContain("number-as-text");
    expect(result.findings.map((f) => f.rule)).toContain("target-met");
  });
});

describe("readWorkbookGrid conversions", () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "savings-read-"));
    path = join(dir, "conversions.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = { richText: [{ text: "Savings " }, { font: { bold: true }, text: "register" }] };
    ws.getCell("B1").value = new Date(Date.UTC(2017, 9, 1));
    ws.getCell("B1").numFmt = "dd/mm/yyyy";
    ws.getCell("C1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("D1").value = { formula: "C1*2", result: { error: "#REF!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("A2").value = { formula: "SUM(B3:B4)", result: 7 };
    ws.getCell("B2").value = true;
    ws.getCell("C2").value = { text: "council site", hyperlink: "https://example.org" };
    ws.getCell("D2").value = { formula: "1/0" } as ExcelJS.CellFormulaValue;
    // A formula filled down, as Excel saves it: the master holds the text, the others share it.
    ws.getCell("E3").value = {
      formula: "B3*2",
      result: 6,
      shareType: "shared",
      ref: "E3:E4",
    } as ExcelJS.CellFormulaValue;
    ws.getCell("E4").value = { sharedFormula: "E3", result: 8 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("B3").value = 3;
    ws.getCell("B3").numFmt = '#,##0"*"';
    ws.getCell("B4").value = 4;
    ws.getCell("A6").value = "Merged title";
    ws.mergeCells("A6:C7");
    ws.getRow(4).hidden = true;
    ws.getColumn(4).hidden = true;
    wb.addWorksheet(REPORT_SHEET).getCell("A1").value = "report";
    const record = wb.addWorksheet(RECORD_SHEET);
    record.state = "veryHidden";
    record.getCell("A1").value = "{}";
    wb.addWorksheet("Hidden sheet").state = "hidden";
    await wb.xlsx.writeFile(path);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("values, formulas and formats convert to the core's cell values", async () => {
    const { sheets } = await readWorkbookGrid(path);
    const s = sheets[0];
    expect(cellAt(s, 0, 0).value).toBe("Savings register");
    expect(cellAt(s, 0, 1)).toMatchObject({ value: 43009, numberFormat: "dd/mm/yyyy" });
    expect(cellAt(s, 0, 2).value).toEqual({ error: "#DIV/0!" });
    expect(cellAt(s, 0, 3)).toMatchObject({ value: { error: "#REF!" }, formula: "=C1*2" });
    expect(cellAt(s, 1, 0)).toMatchObject({ value: 7, formula: "=SUM(B3:B4)" });
    expect(cellAt(s, 1, 1).value).toBe(true);
    expect(cellAt(s, 1, 2).value).toBe("council site");
    expect(cellAt(s, 1, 3)).toMatchObject({ value: null, formula: "=1/0" });
    expect(cellAt(s, 2, 1)).toMatchObject({ value: 3, numberFormat: '#,##0"*"' });
    expect(cellAt(s, 2, 0).value).toBeNull();
    expect(cellAt(s, 2, 4)).toMatchObject({ value: 6, formula: "=B3*2" });
    expect(cellAt(s, 3, 4)).toMatchObject({ value: 8, formula: "=B4*2" });
  });

  test("hidden rows and columns, merged areas with empty merged-into cells", async () => {
    const s = (await readWorkbookGrid(path)).sheets[0];
    expect([...s.hiddenRows]).toEqual([3]);
    expect([...s.hiddenColumns]).toEqual([3]);
    expect(s.merges).toEqual([{ top: 5, left: 0, bottom: 6, right: 2 }]);
    expect(cellAt(s, 5, 0).value).toBe("Merged title");
    expect(cellAt(s, 5, 1).value).toBeNull();
    expect(cellAt(s, 6, 2).value).toBeNull();
  });

  test("the add-in's report and record sheets are left out; the user's hidden sheet is read", async () => {
    const { sheets } = await readWorkbookGrid(path);
    expect(sheets.map((s) => s.name)).toEqual(["Data", "Hidden sheet"]);
  });
});
