/**
 * Settings from the command line (SPEC §7, §8), run as a user runs them (the built command, in a
 * child process): `--config` checked with a message naming the bad key, declared tables and
 * accepted findings in the output, `settings` printing what a workbook carries and `--set`
 * writing it into a copy that `validate` then reads; `--config` winning over the workbook's own.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";
import { Settings } from "../../src/core/settings/settings";
import { WELSH_DECLARED, WELSH_ROWS, WELSH_SHEET } from "../support/welsh";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/savings-check.js");

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60000, cwd: ROOT });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const declared = WELSH_DECLARED;

let dir: string;
let welsh: string;
const file = (name: string) => join(dir, name);
const config = (name: string, settings: unknown) => {
  writeFileSync(file(name), typeof settings === "string" ? settings : JSON.stringify(settings));
  return file(name);
};

beforeAll(async () => {
  if (!existsSync(join(ROOT, "lib/src/cli/main.js"))) throw new Error("build the command first: npm run build:cli");
  dir = mkdtempSync(join(tmpdir(), "savings-settings-"));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(WELSH_SHEET);
  WELSH_ROWS().forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = v;
      if (typeof v === "number") cell.numFmt = "0.0";
    }),
  );
  welsh = file("welsh.xlsx");
  await book.xlsx.writeFile(welsh);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("validate --config", () => {
  it("checks a declared table by the rules: the wrong % is found", () => {
    const before = JSON.parse(cli("validate", welsh, "--json").stdout);
    expect(before.tables.map((t: { kind: string }) => t.kind)).toEqual(["figures"]);
    expect(before.verdict).toBe("ready");

    const run = cli("validate", welsh, "--json", "--config", config("declared.json", declared));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.tables).toEqual([
      {
        sheet: "Arbedion",
        kind: "workstream-summary",
        range: "A1:D4",
        name: "Workstream summary A1:D4",
        declared: true,
      },
    ]);
    expect(
      report.findings.filter((f: { rule: string }) => f.rule === "pct-mismatch").map((f: { cell: string }) => f.cell),
    ).toEqual(["D3"]);
    expect(report.settings).toMatchObject({
      source: "config",
      tables: [{ sheet: "Arbedion", range: "A1:D4", kind: "workstream-summary" }],
    });
  });

  it("lists accepted findings apart, with their reasons, and they block the verdict no more", () => {
    const accepting: Settings = {
      ...declared,
      rules: { "hardcoded-total": "off" },
      accepted: [
        {
          rule: "pct-mismatch",
          sheet: "Arbedion",
          cell: "D3",
          value: "19.9",
          reason: "Of the gross budget, as the Director agreed",
          by: "",
          at: "2026-12-01",
        },
      ],
    };
    const path = config("accepting.json", accepting);
    const run = cli("validate", welsh, "--json", "--config", path);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe("ready");
    expect(report.counts.error).toBe(0);
    const pct = report.findings.find((f: { rule: string }) => f.rule === "pct-mismatch");
    expect(pct).toMatchObject({
      cell: "D3",
      severity: "error",
      accepted: true,
      reason: "Of the gross budget, as the Director agreed",
    });
    expect(report.accepted).toEqual([
      expect.objectContaining({
        rule: "pct-mismatch",
        cell: "D3",
        reason: "Of the gross budget, as the Director agreed",
      }),
    ]);
    expect(report.settings.severities).toEqual({ "hardcoded-total": "off" });

    const human = cli("validate", welsh, "--config", path);
    expect(human.stdout).toContain("Workstream summary A1:D4 on Arbedion (declared)");
    expect(human.stdout).toContain(`Settings in force (from ${path}):`);
    expect(human.stdout).toContain("Rule hardcoded-total: off (normally info)");
    expect(human.stdout).toMatch(
      /Accepted \(1, not counted above\):\n.*pct-mismatch.*\n\s+accepted: Of the gross budget, as the Director agreed \(2026-12-01\)/,
    );
  });

  it.each([
    [
      '{"version":1,"rules":{"pct-mismatch":"loud"}}',
      "settings.rules.pct-mismatch: must be one of error, warning, info, off",
    ],
    [
      '{"version":1,"severities":{}}',
      "settings.severities: unknown key (allowed: $schema, version, tables, words, rules, skipSheets, accepted)",
    ],
    [
      '{"version":1,"tables":[{"sheet":"A","range":"A1:B2","kind":"figures","columns":{"C":"figure"}}]}',
      "settings.tables[0].columns.C: the column is outside the table's range A1:B2",
    ],
    ["{version: 1}", "settings: not valid JSON ("],
  ])("refuses %s with exit 2 and one line naming the key", (text, message) => {
    const path = config("bad.json", text);
    const run = cli("validate", welsh, "--config", path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`savings-check validate: ${path}: ${message}`);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("says when the settings file cannot be read, or is missing from the option", () => {
    expect(cli("validate", welsh, "--config", file("nowhere.json"))).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("cannot read the settings file"),
    });
    expect(cli("validate", welsh, "--config")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--config needs a settings file"),
    });
  });
});

describe("settings", () => {
  it("writes settings into a copy that validate then reads, keeping the workbook's figures", () => {
    const out = file("with-settings.xlsx");
    const set = cli("settings", welsh, "--set", config("set.json", declared), out);
    expect(set).toMatchObject({ status: 0, stderr: "" });
    expect(readWorkbookGrid(out)).toEqual(readWorkbookGrid(welsh));

    const printed = cli("settings", out, "--json");
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(declared);
    expect(cli("settings", out).stdout).toContain("Declared table: 'Arbedion'!A1:D4 (workstream-summary)");

    const report = JSON.parse(cli("validate", out, "--json").stdout);
    expect(report.settings.source).toBe("workbook");
    expect(report.tables[0]).toMatchObject({ range: "A1:D4", declared: true });

    // --config wins over the workbook's own.
    const overridden = JSON.parse(
      cli("validate", out, "--json", "--config", config("none.json", { version: 1 })).stdout,
    );
    expect(overridden.settings.source).toBe("config");
    expect(overridden.tables[0]).toMatchObject({ kind: "figures", declared: false });
  });

  it("replaces the settings of a workbook that has some, and says when it has none", () => {
    const first = file("first.xlsx");
    const second = file("second.xlsx");
    cli("settings", welsh, "--set", config("set.json", declared), first);
    expect(
      cli("settings", first, "--set", config("skip.json", { version: 1, skipSheets: ["Notes"] }), second).status,
    ).toBe(0);
    expect(JSON.parse(cli("settings", second, "--json").stdout)).toEqual({ version: 1, skipSheets: ["Notes"] });
    expect(cli("settings", welsh).stdout).toContain("carries no settings");
    expect(cli("settings", welsh, "--json").stdout.trim()).toBe("null");
  });

  it("follows the safe write rules: never the input, never an existing file without --force", () => {
    const path = config("set.json", declared);
    expect(cli("settings", welsh, "--set", path, welsh).status).toBe(2);
    const out = file("exists.xlsx");
    expect(cli("settings", welsh, "--set", path, out).status).toBe(0);
    expect(cli("settings", welsh, "--set", path, out).status).toBe(2);
    expect(cli("settings", welsh, "--set", path, out, "--force").status).toBe(0);
  });

  it("reports a damaged settings sheet and checks without it, never failing", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(welsh);
    const hidden = book.addWorksheet("SavingsCheckSettings");
    hidden.state = "veryHidden";
    hidden.getCell("A1").value = "SavingsCheckSettings 1/2 {";
    const damaged = file("damaged.xlsx");
    await book.xlsx.writeFile(damaged);
    const run = cli("validate", damaged, "--json");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.findings.filter((f: { rule: string }) => f.rule === "settings-invalid")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Arbedion",
        cell: "A1",
        message: expect.stringContaining("were ignored"),
      }),
    ]);
    expect(cli("settings", damaged)).toMatchObject({ status: 1, stderr: expect.stringContaining("were ignored") });
    expect(readFileSync(damaged).length).toBeGreaterThan(0);
  });
});
