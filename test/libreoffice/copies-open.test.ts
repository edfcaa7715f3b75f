/**
 * A second real spreadsheet program opens what the command line writes: every annotated and
 * cleared copy of the fidelity workbooks (each feature, every feature at once, 1904 dates), of
 * the files openpyxl and LibreOffice saved, and of the published fixture, opens in LibreOffice
 * Calc (headless) and converts to CSV with the same values as the original, sheet by sheet; the
 * annotated copy adds the report and the record and nothing else. Needs `soffice` (Debian's
 * libreoffice-calc-nogui, which .ci/run installs when it is missing).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { RECORD_SHEET, REPORT_SHEET } from "../../src/core/annotation/names";
import { validateWorkbook } from "../../src/core/validate";
import { clearAnnotatedCopy, writeAnnotatedCopy } from "../../src/cli/xlsx/annotated-copy";
import { readWorkbookFile } from "../../src/cli/xlsx/workbook-file";
import { buildFeatureWorkbook, everythingWorkbook, FEATURES, plainWorkbook } from "../cli/xlsx/feature-workbooks";
import { convert } from "./soffice";

const FIXTURES = resolve(__dirname, "../fixtures");
/** CSV of every sheet, one file each (LibreOffice 7.2+): UTF-8, comma, double quotes, formulas' values. */
const CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

let dir: string;
/** Sheet name -> CSV text, per converted file (by its base name). */
const converted = new Map<string, Map<string, string>>();
const names: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "libreoffice-"));
  const originals: [string, string][] = FEATURES.map((feature, i) => {
    const path = join(dir, `feature${i}.xlsx`);
    const workbook = plainWorkbook();
    feature.apply(workbook);
    buildFeatureWorkbook(workbook, path);
    return [feature.name, path];
  });
  const extra: [string, () => string][] = [
    [
      "1904 dates",
      () => (
        buildFeatureWorkbook(plainWorkbook({ date1904: true }), join(dir, "dates1904.xlsx")),
        join(dir, "dates1904.xlsx")
      ),
    ],
    [
      "every feature",
      () => (buildFeatureWorkbook(everythingWorkbook(), join(dir, "everything.xlsx")), join(dir, "everything.xlsx")),
    ],
    ...["openpyxl-features", "libreoffice-features"].map((name): [string, () => string] => [
      name,
      () => copied(join(FIXTURES, "saved", `${name}.xlsx`)),
    ]),
    ["the published Tt2019 table", () => copied(join(FIXTURES, "hampshire-tt2019-table1.xlsx"))],
  ];
  for (const [name, make] of extra) originals.push([name, make()]);
  const files: string[] = [];
  for (const [, original] of originals) {
    const base = original.replace(/\.xlsx$/, "");
    const file = readWorkbookFile(original);
    writeAnnotatedCopy(file, `${base}-annotated.xlsx`, validateWorkbook(file.grid), new Date("2026-11-23T10:00:00Z"));
    clearAnnotatedCopy(`${base}-annotated.xlsx`, `${base}-cleared.xlsx`);
    files.push(original, `${base}-annotated.xlsx`, `${base}-cleared.xlsx`);
    names.push(base.slice(dir.length + 1));
  }
  // One LibreOffice run for every file.
  const out = join(dir, "csv");
  convert(files, CSV_EVERY_SHEET, out, join(dir, "profile"));
  for (const csv of readdirSync(out)) {
    const match = /^(.*?)-(.*)\.csv$/.exec(csv.replace(/-(annotated|cleared)-/, (_, kind: string) => `~${kind}-`))!;
    const [file, sheet] = [match[1].replace("~", "-"), match[2]];
    if (!converted.has(file)) converted.set(file, new Map());
    converted.get(file)!.set(sheet, readFileSync(join(out, csv), "utf8"));
  }
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copied(path: string): string {
  const target = join(dir, path.replace(/.*\//, "").replace(/-/g, "_"));
  copyFileSync(path, target);
  return target;
}

test("every workbook was converted", () => {
  expect(names.length).toBe(FEATURES.length + 5);
  for (const name of names)
    for (const kind of ["", "-annotated", "-cleared"]) expect(converted.has(name + kind)).toBe(true);
});

test.each(Array.from({ length: FEATURES.length + 5 }, (_, i) => i))(
  "workbook %i: the annotated and cleared copies open with the original's values",
  (i) => {
    const name = names[i];
    const original = converted.get(name)!;
    const annotated = converted.get(`${name}-annotated`)!;
    const cleared = converted.get(`${name}-cleared`)!;
    expect(original.size).toBeGreaterThan(0);
    expect(Object.fromEntries(cleared)).toEqual(Object.fromEntries(original));
    expect([...annotated.keys()].sort()).toEqual([...original.keys(), REPORT_SHEET, RECORD_SHEET].sort());
    for (const [sheet, csv] of original) expect({ sheet, csv: annotated.get(sheet) }).toEqual({ sheet, csv });
    expect(annotated.get(REPORT_SHEET)).toMatch(/^Savings check report/);
  },
);
