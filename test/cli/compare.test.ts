/**
 * `savings-check compare` end to end (in-process through main): the two drafts of the example
 * workbook (examples/, made by scripts/make-examples.js and scripts/make-second-draft.js); the
 * human output, the JSON schema of README "What changed since the last draft", the exit status,
 * and `--annotate` followed by `clear`, which gives back the new draft part for part.
 */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { CHANGES_SHEET, RECORD_SHEET } from "../../src/core/annotation/names";
import { main } from "../../src/cli/main";
import { differingParts, readParts } from "./xlsx/package-parts";

const FIRST = resolve(__dirname, "../../examples/savings-proposals.xlsx");
const SECOND = resolve(__dirname, "../../examples/savings-proposals-draft2.xlsx");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join("\n"), err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "compare-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("says what changed, grouped by table, and exits 1", async () => {
  const { status, out, err } = await run("compare", FIRST, SECOND);
  expect({ status, err }).toEqual({ status: 1, err: [] });
  const lines = out.split("\n");
  expect(lines[0]).toBe(`${SECOND}: 14 changes since ${FIRST}`);
  expect(lines[1]).toBe(
    "Verdict then: Not ready for committee: 9 errors; now: Ready for committee (9 errors fewer; 10 findings fixed, 1 new)",
  );
  expect(lines).toContain("Workstream summary A3:D11 on 'Table 1'");
  expect(lines).toContain(
    "  'Table 1'!C5             Children's Social Care Transformation: saving 21,890 → 22,400 (+510, £000)",
  );
  expect(lines).toContain(
    "  (was 'Table 1'!A9)       Home to School Transport: line removed (was budget 28,241, saving 2,800, % 9.9; £000)",
  );
  expect(lines).toContain("  'Table 1'!B16            Savings target: 31,500 → 27,800 (-3,700, £000)");
  expect(lines).toContain(
    "  Register!B6              EEI030 Consolidate family support hubs: renamed EEI031 Consolidate family support hubs",
  );
});

test("a draft against itself: no changes, exit 0", async () => {
  const { status, out } = await run("compare", SECOND, SECOND);
  expect(status).toBe(0);
  expect(out.split("\n")[0]).toBe(`${SECOND}: no changes since ${SECOND} (formatting aside)`);
});

test("--json prints the documented schema", async () => {
  const { status, out } = await run("compare", FIRST, SECOND, "--json");
  expect(status).toBe(1);
  const report = JSON.parse(out);
  expect(Object.keys(report)).toEqual(["old", "new", "changed", "verdict", "changes", "findingsFixed", "findingsNew"]);
  expect(report).toMatchObject({ old: FIRST, new: SECOND, changed: true });
  expect(report.verdict).toEqual({
    then: { verdict: "not-ready", ready: false, counts: { error: 9, warning: 1, info: 1 } },
    now: { verdict: "ready", ready: true, counts: { error: 0, warning: 0, info: 2 } },
  });
  for (const change of report.changes)
    expect(Object.keys(change)).toEqual([
      "kind",
      "table",
      "sheet",
      "cell",
      "oldSheet",
      "oldCell",
      "line",
      "column",
      "old",
      "new",
      "difference",
      "unit",
      "message",
    ]);
  expect(report.changes[0]).toEqual({
    kind: "figure-changed",
    table: "Workstream summary A3:D11",
    sheet: "Table 1",
    cell: "C5",
    oldSheet: "Table 1",
    oldCell: "C5",
    line: "Children's Social Care Transformation",
    column: "saving",
    old: "21890",
    new: "22400",
    difference: "510",
    unit: "£000",
    message: "Children's Social Care Transformation: saving 21,890 → 22,400 (+510, £000)",
  });
  expect(report.changes.map((c: { kind: string }) => c.kind).sort()).toEqual(
    [
      ...Array(7).fill("figure-changed"),
      "line-removed",
      "target-changed",
      "year-added",
      "year-dropped",
      "figure-changed",
      "figure-changed",
      "line-renamed",
    ].sort(),
  );
  for (const f of [...report.findingsFixed, ...report.findingsNew])
    expect(Object.keys(f)).toEqual(["rule", "severity", "sheet", "cell", "message", "table"]);
});

test.each([
  [[FIRST], /^savings-check compare: needs two workbooks, the earlier draft and the new one/],
  [[FIRST, SECOND, FIRST], /^savings-check compare: takes two workbooks/],
  [[FIRST, SECOND, "--csv"], /^savings-check compare: unknown option '--csv'/],
  [[FIRST, "missing.xlsx"], /^savings-check compare: missing\.xlsx does not exist$/],
  [[FIRST, SECOND, "--annotate", SECOND], /^savings-check compare: .*is the input file: the input is never written/],
])("unreadable files and wrong use %j exit 2 with one line", async (args, message) => {
  const { status, out, err } = await run("compare", ...(args as string[]));
  expect(status).toBe(2);
  expect(out).toBe("");
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(message);
});

test("a file that is not a workbook exits 2 with its reason, no stack trace", async () => {
  const text = join(dir, "notes.xlsx");
  copyFileSync(resolve(__dirname, "../../package.json"), text);
  const { status, err } = await run("compare", text, SECOND);
  expect(status).toBe(2);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^savings-check compare: .*notes\.xlsx/);
  expect(err[0]).not.toMatch(/internal error|at \w+ \(/);
});

test("--annotate writes the new draft with notes and the changes sheet; clear gives the draft back", async () => {
  const annotated = join(dir, "draft2.annotated.xlsx");
  const before = readFileSync(SECOND);
  const { status, out } = await run("compare", FIRST, SECOND, "--annotate", annotated);
  expect(status).toBe(1);
  expect(out).toContain(`Annotated copy of ${SECOND}: ${annotated}`);
  expect(readFileSync(SECOND).equals(before)).toBe(true);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(annotated);
  expect(book.worksheets.map((s) => s.name)).toEqual(["Table 1", "Phasing", "Register", CHANGES_SHEET, RECORD_SHEET]);
  const table1 = book.getWorksheet("Table 1")!;
  expect(table1.getCell("C5").note).toBe("Savings check: changed since draft: was 21,890");
  expect(table1.getCell("B16").note).toBe("Savings check: changed since draft: was 31,500");
  expect(table1.getCell("C5").value).toBe(22400);
  const changes = book.getWorksheet(CHANGES_SHEET)!;
  const rows: unknown[][] = [];
  changes.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0][0]).toBe("Changes since draft");
  const saving = rows.find((r) => r[0] === "figure-changed" && r[3] && JSON.stringify(r[3]).includes("C5"));
  expect(saving).toBeDefined();
  expect(JSON.stringify(saving![3])).toContain("HYPERLINK");

  const cleared = join(dir, "cleared.xlsx");
  const clear = await run("clear", annotated, cleared);
  expect(clear.status).toBe(0);
  expect(differingParts(readParts(SECOND), readParts(cleared))).toEqual([]);
});

test("re-annotating a copy annotated by validate replaces that annotation, and clear still restores", async () => {
  const validated = join(dir, "validated.xlsx");
  expect((await run("validate", FIRST, "--annotate", validated)).status).toBe(1);
  const compared = join(dir, "validated-compared.xlsx");
  expect((await run("compare", SECOND, validated, "--annotate", compared)).status).toBe(1);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(compared);
  expect(book.worksheets.map((s) => s.name)).toEqual(["Table 1", "Phasing", "Register", CHANGES_SHEET, RECORD_SHEET]);
  const cleared = join(dir, "validated-cleared.xlsx");
  expect((await run("clear", compared, cleared)).status).toBe(0);
  expect(differingParts(readParts(FIRST), readParts(cleared))).toEqual([]);
  expect(existsSync(cleared)).toBe(true);
});

test("the demo shows the comparison of the example's two drafts and writes the second's annotated copy", async () => {
  const before = readFileSync(SECOND);
  const { status, out } = await run("demo");
  expect(status).toBe(0);
  expect(out).toContain("examples/savings-proposals-draft2.xlsx: 14 changes since examples/savings-proposals.xlsx");
  expect(out).toContain(
    "Annotated copy of examples/savings-proposals-draft2.xlsx: examples/savings-proposals-draft2.annotated.xlsx",
  );
  expect(existsSync(resolve(__dirname, "../../examples/savings-proposals-draft2.annotated.xlsx"))).toBe(true);
  expect(readFileSync(SECOND).equals(before)).toBe(true);
});
