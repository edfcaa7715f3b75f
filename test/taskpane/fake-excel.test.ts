/**
 * The fake Excel keeps Office.js's rules, so that the adapter's tests against it mean something:
 * nothing happens before context.sync(), unloaded properties throw, null objects are null,
 * very hidden sheets cannot be deleted, and text that Excel would take for a formula is refused.
 */
import { FakeExcel, FakeExcelError, FakeRequestContext } from "../support/fake-excel";

function fake(): FakeExcel {
  return new FakeExcel({
    sheets: [
      {
        name: "Data",
        values: [[], [null, "a", 1], [null, { error: "#REF!" }, 2]],
        formulas: [[], [], [null, null, "=1+1"]],
        hiddenRows: [2],
      },
      { name: "Secret", values: [["x"]], visibility: "VeryHidden" },
    ],
  });
}

function run<T>(excel: FakeExcel, batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
  return excel.Excel.run(batch);
}

test("a property reads only after the sync that loaded it, as Office.js's PropertyNotLoaded", async () => {
  const excel = fake();
  await run(excel, async (context) => {
    const range = context.workbook.worksheets.getItem("Data").getUsedRange(true);
    expect(() => range.values).toThrow(/property 'values' is not available/);
    range.load("values, address, rowHidden");
    expect(() => range.values).toThrow(FakeExcelError);
    await context.sync();
    expect(range.values).toEqual([
      ["a", 1],
      ["#REF!", 2],
    ]);
    expect(range.address).toBe("Data!B2:C3");
    expect(range.rowHidden).toBeNull(); // one of two rows hidden
    expect(() => range.formulas).toThrow(/'formulas'/);
  });
  expect(excel.syncCount).toBe(1);
});

test("writes wait for the sync; a batch left unsynced is flushed when Excel.run ends", async () => {
  const excel = fake();
  await run(excel, async (context) => {
    context.workbook.worksheets.getItem("Data").getRange("D1").format.fill.color = "#ff0000";
    expect(excel.fills).toEqual({});
  });
  expect(excel.fills).toEqual({ "Data!D1": "#FF0000" });
  expect(excel.syncCount).toBe(1);
});

test("null objects, missing items and very hidden sheets behave as in Excel", async () => {
  const excel = fake();
  await run(excel, async (context) => {
    const sheets = context.workbook.worksheets;
    const missing = sheets.getItemOrNullObject("Nope");
    const note = sheets.getItem("Data").notes.getItemOrNullObject("B2");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(note.isNullObject).toBe(true);
    sheets.getItem("Nope").getRange("A1").load("values");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    sheets.getItem("Secret").delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });
  expect(excel.sheetNames).toEqual(["Data", "Secret"]);
});

test("text starting with = is refused as a value unless the cell is formatted as text", async () => {
  const excel = fake();
  await run(excel, async (context) => {
    const cell = context.workbook.worksheets.getItem("Data").getRange("E1");
    cell.values = [["=1+1"]];
    await expect(context.sync()).rejects.toThrow(/would become a formula/);
    cell.numberFormat = [["@"]];
    cell.values = [["=1+1"]];
    await context.sync();
  });
  expect(excel.sheet("Data")!.formulas[0][4]).toBe("=1+1");
  expect(excel.sheet("Data")!.values[0][4]).toBe("=1+1");
});

test("counts the bytes each sync would carry", async () => {
  const excel = fake();
  await run(excel, async (context) => {
    context.workbook.worksheets.getItem("Data").getUsedRange().load("values");
    await context.sync();
  });
  expect(excel.syncs).toHaveLength(1);
  expect(excel.maxResponseBytes).toBe(
    JSON.stringify([
      ["a", 1],
      ["#REF!", 2],
    ]).length,
  );
});
