/**
 * `savings-check validate`, `template` and `demo` as a user runs them: the built command
 * (bin/savings-check.js -> lib/, `npm run build:cli` first) in a child process. The JSON of
 * SPEC §7, exit statuses 0 / 1 / 2, the human summary grouped by table, the annotated copy.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { cellAt, gridSize } from "../../src/core/grid";
import { templateWorkbook } from "../../src/core/template";
import { financialYearOfDate } from "../../src/core/financial-year";
import { readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/savings-check.js");
const TT2017 = join(ROOT, "test/fixtures/hampshire-tt2017-workstreams.xlsx");
const TT2019 = join(ROOT, "test/fixtures/hampshire-tt2019-table1.xlsx");
const PLANTED_TOTAL = join(ROOT, "test/fixtures/planted/tt2019-total.xlsx");

async function exceljsSheet(path: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets[0];
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60000, cwd: ROOT });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, "lib/src/cli/main.js"))) throw new Error("build the command first: npm run build:cli");
  dir = mkdtempSync(join(tmpdir(), "savings-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("validate --json", () => {
  test.each([TT2017, TT2019])("%s: ready, exit 0, the keys of SPEC §7, then accepted and settings (§8)", (path) => {
    const run = cli("validate", path, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual([
      "file",
      "verdict",
      "ready",
      "counts",
      "coverage",
      "tables",
      "findings",
      "accepted",
      "settings",
    ]);
    expect(report.accepted).toEqual([]);
    expect(report.settings).toMatchObject({ source: "none", tables: [], severities: {}, skipped: [] });
    expect(report.file).toBe(path);
    expect(report.verdict).toBe("ready");
    expect(report.ready).toBe(true);
    expect(Object.keys(report.counts)).toEqual(["error", "warning", "info"]);
    expect(report.counts.error).toBe(0);
    expect(Object.keys(report.coverage)).toEqual(["figures", "checked"]);
    expect(report.coverage.checked).toBe(report.coverage.figures);
    expect(report.tables.map((t: { kind: string }) => t.kind)).toEqual(["workstream-summary", "target"]);
    for (const t of report.tables) expect(Object.keys(t)).toEqual(["sheet", "kind", "range", "name", "declared"]);
    expect(report.findings.length).toBe(report.counts.error + report.counts.warning + report.counts.info);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(["rule", "severity", "sheet", "cell", "message", "table", "accepted"]);
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "number-as-text", severity: "warning" }));
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "target-met", severity: "info" }));
  });

  test("a planted total: exit 1, ready false, the finding at its cell with stated and computed figures", () => {
    const run = cli("validate", PLANTED_TOTAL, "--json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ready).toBe(false);
    expect(report.verdict).toBe("not-ready");
    expect(report.counts.error).toBeGreaterThan(0);
    expect(report.findings).toContainEqual({
      rule: "total-mismatch",
      severity: "error",
      sheet: "Table 1",
      cell: "C12",
      message: expect.stringMatching(/stated 30,312.*add to 30,132/),
      table: "Workstream summary A3:D12",
      accepted: false,
    });
  });
});

describe("validate, human output", () => {
  test("ready: a summary line, the tables found, findings grouped by table with sheet!cell", () => {
    const run = cli("validate", TT2019);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`${TT2019}: Ready for committee; 23 of 23 figures checked`);
    expect(lines[1]).toBe("Findings: 0 errors, 1 warning, 2 info");
    expect(run.stdout).toContain(
      "Tables found (2):\n  Workstream summary A3:D12 on 'Table 1'\n  Savings target A17:C17 on 'Table 1'",
    );
    expect(run.stdout).toMatch(
      /\nWorkstream summary A3:D12 on 'Table 1'\n {2}'Table 1'!C9 +warning +number-as-text +"2,800\*\*" is typed as text/,
    );
  });

  test("not ready: says so with the counts, exit 1", () => {
    const run = cli("validate", PLANTED_TOTAL);
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      `${PLANTED_TOTAL}: Not ready for committee: 2 errors; 23 of 23 figures checked`,
      "Findings: 2 errors, 1 warning, 2 info",
    ]);
    expect(run.stdout).toMatch(
      /'Table 1'!C12 +error +total-mismatch +TOTAL, Full Year Savings Proposals: stated 30,312/,
    );
    expect(run.stderr).toBe("");
  });
});

describe("validate --annotate", () => {
  test("writes an annotated copy and leaves the input's bytes alone", () => {
    const input = join(dir, "total.xlsx");
    copyFileSync(PLANTED_TOTAL, input);
    const before = readFileSync(input);
    const out = join(dir, "total.annotated.xlsx");
    const run = cli("validate", input, "--annotate", out);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Annotated copy: ${out}`);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("refuses to write over its input: exit 2, one line", () => {
    const input = join(dir, "self.xlsx");
    copyFileSync(TT2019, input);
    const before = readFileSync(input);
    const run = cli("validate", input, "--annotate", join(dir, ".", "self.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/is the input file/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("wrong arguments: exit 2, one line on stderr, nothing on stdout", () => {
  test.each([
    [["validate"], /which workbook\?/],
    [["validate", TT2019, "--jsn"], /unknown option '--jsn'/],
    [["validate", TT2019, "--annotate"], /--annotate needs an output path/],
    [["validate", TT2019, TT2017], /one workbook at a time/],
    [["template"], /usage: savings-check template <out.xlsx>/],
  ])("%j", (args, reason) => {
    const run = cli(...(args as string[]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
  });
});

describe("template", () => {
  test("writes the core's template, which reads back cell for cell, and never overwrites", async () => {
    const out = join(dir, "template.xlsx");
    const run = cli("template", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out);
    const today = new Date();
    const expected = templateWorkbook(financialYearOfDate(today.getFullYear(), today.getMonth() + 1)).sheets[0];
    const actual = (await readWorkbookGrid(out)).sheets[0];
    expect(actual.name).toBe(expected.name);
    const file = await exceljsSheet(out);
    const { rows, cols } = gridSize(expected);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const { address, value, formula, numberFormat } = cellAt(expected, r, c);
        // The reader reports no format for an empty cell; the file keeps it for what is typed there.
        const shown = value === null && formula === null ? {} : { numberFormat };
        expect(cellAt(actual, r, c)).toMatchObject({ address, value, formula, ...shown });
        if (value === null && formula === null && numberFormat !== "General")
          expect(file.getCell(address).numFmt).toBe(numberFormat);
      }
    const before = readFileSync(out);
    const again = cli("template", out);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  test("the blank template validates: not ready only for the figures it asks for", () => {
    const out = join(dir, "blank.xlsx");
    expect(cli("template", out).status).toBe(0);
    const report = JSON.parse(cli("validate", out, "--json").stdout);
    expect(new Set(report.findings.map((f: { rule: string }) => f.rule))).toEqual(
      new Set(["missing-value", "eia-missing"]),
    );
  });
});

describe("demo", () => {
  test("checks the example, lists its planted faults, writes the annotated copy beside it", () => {
    const example = join(ROOT, "examples/savings-proposals.xlsx");
    const before = readFileSync(example);
    const run = cli("demo");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Not ready for committee: 9 errors/);
    for (const rule of [
      "total-mismatch",
      "pct-mismatch",
      "fy-duplicate",
      "ref-duplicate",
      "target-shortfall",
      "cell-error",
    ])
      expect(run.stdout).toContain(rule);
    expect(run.stdout).toContain("Annotated copy: examples/savings-proposals.annotated.xlsx");
    expect(existsSync(join(ROOT, "examples/savings-proposals.annotated.xlsx"))).toBe(true);
    expect(readFileSync(example).equals(before)).toBe(true);
  });
});
