/**
 * Workbooks with planted faults (made by scripts/make-examples.js from the fixtures): every
 * planted fault is found, by its rule, at its sheet and cell, reading the file through the file
 * host; the fixture it was made from has no such finding there, so the planting caused it.
 */
import { readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { Finding } from "../../src/core/findings";
import { validateWorkbook } from "../../src/core/validate";
import { readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";

const ROOT = resolve(__dirname, "../..");
const PLANTED = join(ROOT, "test/fixtures/planted");

interface Expected {
  source: string;
  findings: { rule: string; sheet: string; cell: string; planted: string }[];
}

const WORKBOOKS = [
  ...readdirSync(PLANTED)
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => join(PLANTED, name)),
  join(ROOT, "examples/savings-proposals.xlsx"),
];

const findingsOf = async (path: string) => validateWorkbook(await readWorkbookGrid(path));
const at = (findings: Finding[], e: Expected["findings"][number]) =>
  findings.filter((f) => f.rule === e.rule && f.sheet === e.sheet && f.cell === e.cell);

test("there are planted workbooks for every fault the demo shows", () => {
  expect(WORKBOOKS.length).toBeGreaterThanOrEqual(8);
});

describe.each(WORKBOOKS.map((path) => [path.slice(ROOT.length + 1), path]))("%s", (_name, path) => {
  const expected: Expected = JSON.parse(readFileSync(path.replace(/\.xlsx$/, ".expected.json"), "utf8"));

  test("each planted fault is found at its cell, and the workbook is not ready", async () => {
    const result = await findingsOf(path);
    expect(expected.findings.length).toBeGreaterThan(0);
    for (const e of expected.findings) {
      expect({ planted: e.planted, found: at(result.findings, e).length }).toEqual({ planted: e.planted, found: 1 });
    }
    expect(result.ready).toBe(false);
  });

  test("the fixture it was made from has none of those findings", async () => {
    const source = await findingsOf(join(ROOT, expected.source));
    expect(source.ready).toBe(true);
    for (const e of expected.findings) expect(at(source.findings, e)).toEqual([]);
  });
});
