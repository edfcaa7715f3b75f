/**
 * The pane's comparison with the last marked version, against the fake Excel: marking keeps the
 * draft's figures in the record; after a figure is changed in Excel, comparing the open workbook
 * with that draft finds exactly that change, at its cell. Clearing takes the kept draft away with
 * the record.
 */
/* global Excel */
import { decodeRecord } from "../../src/core/annotation/record";
import { RECORD_SHEET } from "../../src/core/annotation/names";
import { compareDrafts } from "../../src/core/compare/compare";
import { readDraft } from "../../src/core/compare/draft";
import { clearMarks, loadMarkedDraft, markFindings, readWorkbook } from "../../src/taskpane/excel";
import { FakeExcel } from "../support/fake-excel";
import { tt2019Sheet } from "../core/validate/fixture-grids";

const globals = globalThis as unknown as Record<string, unknown>;

let fake: FakeExcel;
beforeEach(() => {
  const sheet = tt2019Sheet();
  fake = new FakeExcel({
    sheets: [{ name: sheet.name, values: sheet.values, formulas: sheet.formulas, numberFormats: sheet.numberFormats }],
  });
  delete globals.Office;
  fake.install();
});
afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

async function markWholeWorkbook() {
  const workbook = await readWorkbook();
  const { result, draft } = readDraft(workbook);
  await markFindings(workbook, result, new Date("2026-11-29T10:00:00Z"), draft);
}

test("mark, change a figure in Excel, compare: one change, at its cell", async () => {
  await markWholeWorkbook();
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Table 1").getRange("C5").values = [[22400]];
    await context.sync();
  });
  const marked = await loadMarkedDraft();
  expect(typeof marked).toBe("object");
  const now = readDraft(await readWorkbook()).draft;
  const { changes } = compareDrafts(marked as Exclude<typeof marked, string>, now);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({
    kind: "figure-changed",
    sheet: "Table 1",
    cell: "C5",
    message: "Children's Social Care Transformation: saving 21,890 → 22,400 (+510, £000)",
  });
});

test("the draft is kept in the record, and goes with it when the marks are cleared", async () => {
  await markWholeWorkbook();
  const record = decodeRecord(fake.sheet(RECORD_SHEET)!.values);
  expect(record.draft?.tables.map((t) => t.name)).toEqual(["Workstream summary A3:D12", "Savings target A17:C17"]);
  expect(await clearMarks()).not.toBeNull();
  expect(await loadMarkedDraft()).toBe("not-marked");
});

test("marks made without a draft (by the command line) say so", async () => {
  const workbook = await readWorkbook();
  await markFindings(workbook, readDraft(workbook).result, new Date());
  expect(await loadMarkedDraft()).toBe("no-snapshot");
});
