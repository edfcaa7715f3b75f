/** `savings-check clear`: a cleared copy of an annotated workbook; wrong use and wrong files exit 2 with one line. */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { RECORD_SHEET } from "../../src/core/annotation/names";
import { validateWorkbook } from "../../src/core/validate";
import { main } from "../../src/cli/main";
import { writeAnnotatedCopy } from "../../src/cli/xlsx/annotated-copy";
import { readWorkbookFile } from "../../src/cli/xlsx/workbook-file";

const FIXTURE = resolve(__dirname, "../fixtures/hampshire-tt2019-table1.xlsx");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out, err };
}

let dir: string;
let annotated: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "clear-"));
  annotated = join(dir, "annotated.xlsx");
  const input = readWorkbookFile(FIXTURE);
  writeAnnotatedCopy(input, annotated, validateWorkbook(input.grid), new Date());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("writes the cleared copy and says how many cells it restored", async () => {
  const out = join(dir, "cleared.xlsx");
  const before = readFileSync(annotated);
  const { status, out: lines, err } = await run("clear", annotated, out);
  expect({ status, err }).toEqual({ status: 0, err: [] });
  expect(lines).toEqual([
    expect.stringMatching(new RegExp(`^Cleared \\d+ marked cells and the report: ${out.replace(/[.]/g, "\\.")}$`)),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  expect(book.worksheets.map((s) => s.name)).toEqual(["Table 1"]);
  expect(readFileSync(annotated).equals(before)).toBe(true);
});

test.each([
  [
    [],
    /^savings-check clear: needs two files, the annotated workbook and the copy to write \(usage: savings-check clear <annotated\.xlsx> <out\.xlsx> \[--force\]\)$/,
  ],
  [["a.xlsx", "b.xlsx", "c.xlsx"], /^savings-check clear: takes two files/],
  [["--json", "a.xlsx"], /^savings-check clear: unknown option '--json'/],
  [["missing.xlsx", "out.xlsx"], /^savings-check clear: missing\.xlsx does not exist$/],
])("wrong use %j exits 2 with one line", async (args, message) => {
  const { status, out, err } = await run("clear", ...args);
  expect(status).toBe(2);
  expect(out).toEqual([]);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(message);
});

test("a workbook that was never annotated, or the input as output, exits 2 with one line", async () => {
  const plain = await run("clear", FIXTURE, join(dir, "x.xlsx"));
  expect(plain.status).toBe(2);
  expect(plain.err).toEqual([
    `savings-check clear: ${FIXTURE} carries no annotation record (no ${RECORD_SHEET} sheet): it was not annotated by savings-check, or was cleared already`,
  ]);
  const same = await run("clear", annotated, annotated);
  expect(same.status).toBe(2);
  expect(same.err).toEqual([
    `savings-check clear: ${annotated} is the input file: the input is never written, choose another output path`,
  ]);
});

test("a damaged record exits 2 with one line saying so, and writes nothing", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(annotated);
  const record = book.getWorksheet(RECORD_SHEET)!;
  record.getCell("A1").value = String(record.getCell("A1").value).slice(0, 60);
  const damaged = join(dir, "damaged.xlsx");
  await book.xlsx.writeFile(damaged);
  const out = join(dir, "damaged-cleared.xlsx");
  const { status, err } = await run("clear", damaged, out);
  expect(status).toBe(2);
  expect(err).toEqual([
    `savings-check clear: The ${RECORD_SHEET} sheet is damaged: its text is not a readable record.`,
  ]);
  expect(existsSync(out)).toBe(false);
});
