/**
 * LibreOffice Calc recalculates what the command line's users work with and gets the values the
 * engine gets: the template `savings-check template` writes, blank and filled in (its formulas as
 * the template and the tests work them out), and the published fixtures and the files Excel's
 * neighbours saved (the values cached in them, which the engine reads), each formula cell compared
 * to the precision its format shows. One LibreOffice run, told to recalculate every file as it
 * opens it, converts them all. The planted workbooks and the demo are left out: their faults are
 * planted in the cached values (a total its formula would not give), which recalculating replaces.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, join, resolve } from "path";
import { CellValue, parseA1, SheetGrid, toA1, WorkbookGrid } from "../../src/core/grid";
import { templateCommand } from "../../src/cli/template";
import { readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";
import { consistentFigures, evaluateSheet } from "../support/template-sheet";
import { convert } from "./soffice";

const ROOT = resolve(__dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures");
const QUIET = { out: () => undefined, err: () => undefined };

let dir: string;
/** Per file (base name): what the engine says each formula cell shows, and the grid LibreOffice recalculated. */
const compared: { name: string; expected: WorkbookGrid; recalculated: WorkbookGrid }[] = [];
let filledTemplate: { typed: SheetGrid; computed: CellValue[][] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "libreoffice-recalc-"));
  const blank = join(dir, "template.xlsx");
  await templateCommand.run([blank], QUIET);
  const filled = join(dir, "template-filled.xlsx");
  filledTemplate = await fillTemplate(blank, filled);

  const inputs = ["", "saved"]
    .flatMap((sub) =>
      readdirSync(join(FIXTURES, sub))
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => join(FIXTURES, sub, f)),
    )
    .map((path) => {
      const copy = join(dir, basename(path)); // read-only inputs are read from a copy
      copyFileSync(path, copy);
      return copy;
    });
  const files = [blank, filled, ...inputs];
  const out = join(dir, "recalculated");
  convert(files, "xlsx", out, join(dir, "profile"), { recalculate: true });
  for (const file of files) {
    const name = basename(file);
    const expected =
      file === filled
        ? { sheets: [{ ...filledTemplate.typed, values: filledTemplate.computed }] }
        : readWorkbookGrid(file);
    compared.push({ name, expected, recalculated: readWorkbookGrid(join(out, name)) });
  }
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The blank template with consistent figures typed in by exceljs, as a user would; its formula
 * cells keep the values cached while blank, so only a recalculation shows the figures' totals.
 */
async function fillTemplate(blank: string, path: string): Promise<{ typed: SheetGrid; computed: CellValue[][] }> {
  const figures = consistentFigures(
    [
      [120, 340, 560, 5],
      [15, 25, 35, 12],
      [1001, 1, 999, 3],
      [7, 8, 9, 40],
      [250, 250, 250, 2],
      [33, 44, 55, 6],
    ],
    [
      [412, 265_000, 1_100],
      [398, 266_500, 1_180],
      [385, 268_000, 1_260],
    ],
    500,
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(blank);
  const sheet = book.worksheets[0];
  for (const [address, value] of Object.entries(figures)) sheet.getCell(address).value = value as ExcelJS.CellValue;
  await book.xlsx.writeFile(path);
  const typed = readWorkbookGrid(path).sheets[0];
  const values = typed.values.map((row) => [...row]);
  for (const [address, value] of Object.entries(figures)) {
    const { row, col } = parseA1(address)!;
    values[row][col] = value;
  }
  return { typed, computed: evaluateSheet({ ...typed, values }) };
}

/** Decimal places a number format shows ("#,##0" 0, "0.0" 1, "0.00%" 4 of the value); null for General. */
function shownPlaces(format: string | null | undefined): number | null {
  if (!format) return null;
  const places = /\.([0#]+)/.exec(format)?.[1].length ?? 0;
  return format.includes("%") ? places + 2 : places;
}

/** A cell's value as its format shows it: numbers rounded to the places shown (12 significant digits for General). */
function shown(value: CellValue | undefined, format: string | null | undefined): unknown {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value !== "number") return value;
  const places = shownPlaces(format);
  return places === null ? Number(value.toPrecision(12)) : Number(value.toFixed(places));
}

/** Every formula cell of the expected grids, as shown by the engine and by LibreOffice. */
function formulaCells(expected: WorkbookGrid, recalculated: WorkbookGrid) {
  return expected.sheets.flatMap((sheet) => {
    const other = recalculated.sheets.find((s) => s.name === sheet.name);
    return sheet.formulas.flatMap((row, r) =>
      row.flatMap((formula, c) => {
        // openpyxl writes formulas without values (the program that opens the file computes them).
        if (!formula || (sheet.values[r]?.[c] ?? null) === null) return [];
        const format = sheet.numberFormats[r]?.[c];
        return [
          {
            cell: `${sheet.name}!${toA1(r, c)} ${formula}`,
            engine: shown(sheet.values[r]?.[c], format),
            libreoffice: shown(other?.values[r]?.[c], format),
          },
        ];
      }),
    );
  });
}

test("every file was recalculated, and the filled template's totals differ from its blank cache", () => {
  expect(compared.map((c) => c.name)).toContain("hampshire-tt2019-table1.xlsx");
  expect(compared).toHaveLength(2 + 2 + 4);
  // Proof that LibreOffice recalculated rather than kept the cached values: the typed-in figures'
  // totals were never cached in the file.
  const filled = compared.find((c) => c.name === "template-filled.xlsx")!;
  const cells = formulaCells(filled.expected, filled.recalculated);
  expect(cells.filter((c) => typeof c.libreoffice === "number" && c.libreoffice !== 0).length).toBeGreaterThan(20);
});

test.each(["template.xlsx", "template-filled.xlsx"])("%s: LibreOffice's values are the template's", (name) => {
  const { expected, recalculated } = compared.find((c) => c.name === name)!;
  const cells = formulaCells(expected, recalculated);
  expect(cells.length).toBeGreaterThan(20);
  for (const { cell, engine, libreoffice } of cells)
    expect({ cell, value: libreoffice }).toEqual({ cell, value: engine });
});

test("the fixtures and the saved files: LibreOffice's values are the cached ones", () => {
  let checked = 0;
  for (const { name, expected, recalculated } of compared.filter((c) => !c.name.startsWith("template"))) {
    for (const { cell, engine, libreoffice } of formulaCells(expected, recalculated)) {
      expect({ name, cell, value: libreoffice }).toEqual({ name, cell, value: engine });
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(10);
});
