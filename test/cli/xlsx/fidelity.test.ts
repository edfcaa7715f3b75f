/**
 * Nothing lost: workbooks carrying the features users' files carry (charts, images, pivot tables,
 * external links, custom properties, protection, sheet-scoped names, data validation, conditional
 * formatting, notes, threaded comments, tables, any part names, the 1904 date system), each made
 * part by part. For each: the check reads the same grids as from the plain workbook; the annotated
 * copy keeps every part, those it did not need to change byte for byte; and clearing it gives back
 * every part of the original byte for byte.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cellAt } from "../../../src/core/grid";
import { validateWorkbook } from "../../../src/core/validate";
import { readWorkbookGrid } from "../../../src/cli/xlsx/workbook-file";
import {
  buildFeatureWorkbook,
  everythingWorkbook,
  FeatureWorkbook,
  FEATURES,
  plainWorkbook,
} from "./feature-workbooks";
import { checkFidelity } from "./fidelity-checks";

let dir: string;
let plain: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "fidelity-"));
  plain = join(dir, "plain.xlsx");
  buildFeatureWorkbook(plainWorkbook(), plain);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the plain workbook reads as Excel shows it", () => {
  test("formats verbatim (escapes, quoted text, sections with colours and conditions), formulas, strings, dates", () => {
    const [summary, lists] = readWorkbookGrid(plain).sheets;
    expect(cellAt(summary, 4, 3)).toMatchObject({ value: 25.1, numberFormat: "0.0\\%" });
    expect(cellAt(summary, 11, 1)).toMatchObject({ value: 30100, numberFormat: '#,##0" (£000)"' });
    expect(cellAt(summary, 10, 2)).toMatchObject({
      value: -12.5,
      numberFormat: '[Red][<0]\\-#,##0.0;[Blue]#,##0.0;"nil"',
    });
    expect(cellAt(summary, 10, 1)).toMatchObject({ value: 45017, numberFormat: "dd/mm/yyyy" });
    expect(cellAt(summary, 4, 0).value).toBe("Children's Social Care Transformation"); // rich text, phonetic guide left out
    expect(cellAt(summary, 5, 0).value).toBe("Children with Disabilities"); // an inline string
    expect(cellAt(summary, 8, 2)).toMatchObject({ value: 27749, formula: "=SUM(C5:C8)" }); // a shared formula, moved
    expect(cellAt(summary, 8, 4)).toMatchObject({ value: null, formula: "=B9*2" }); // no cached value
    expect(cellAt(summary, 11, 7).value).toEqual({ error: "#DIV/0!" });
    expect(cellAt(summary, 12, 7).value).toBe(true);
    expect([...summary.hiddenRows]).toEqual([5]);
    expect([...summary.hiddenColumns]).toEqual([5]);
    expect(summary.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(lists.name).toBe("Lists"); // a hidden sheet is read
  });

  test("a % shown with an escaped % sign is checked as the figure it shows: only the planted fault", () => {
    const result = validateWorkbook(readWorkbookGrid(plain));
    const pct = result.findings.filter((f) => f.rule === "pct-mismatch");
    expect(pct.map((f) => f.cell)).toEqual(["D9"]);
    expect(pct[0].message).toContain("stated 22.6%");
  });
});

const CASES: [string, () => FeatureWorkbook][] = [
  ...FEATURES.map((feature): [string, () => FeatureWorkbook] => [
    feature.name,
    () => {
      const workbook = plainWorkbook();
      feature.apply(workbook);
      return workbook;
    },
  ]),
  ["the 1904 date system", () => plainWorkbook({ date1904: true })],
  ["every feature at once, with 1904 dates", everythingWorkbook],
];

describe.each(CASES.map(([name, make], i) => [name, make, i] as const))("%s", (_name, make, i) => {
  const input = () => join(dir, `${i}.xlsx`);
  beforeAll(() => buildFeatureWorkbook(make(), input()));
  checkFidelity(
    input,
    () => plain,
    () => dir,
  );
});
