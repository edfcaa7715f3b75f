/**
 * The pane's settings (SPEC §8) against the fake Excel: declaring the selected range a table,
 * accepting a finding and changing a severity, each saved into the very hidden settings sheet,
 * surviving save and reopen; and the command line reading what the pane wrote, and the other way round.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SETTINGS_SHEET } from "../../src/core/annotation/names";
import { parseA1 } from "../../src/core/grid";
import { withAccepted, withDeclaredTable, withSeverity } from "../../src/core/settings/edit";
import { guessDeclaration } from "../../src/core/settings/guess";
import { decodeSettings } from "../../src/core/settings/sheet";
import { emptySettings, Settings } from "../../src/core/settings/settings";
import { validateWorkbook } from "../../src/core/validate";
import { readSettingsRows, writeSettingsCopy } from "../../src/cli/xlsx/settings-sheet";
import { openWorkbook } from "../../src/cli/xlsx/workbook-file";
import { loadSettings, readWorkbook, saveSettings, selectedRange } from "../../src/taskpane/excel";
import { FakeExcel, FakeSheetInput } from "../support/fake-excel";
import { WELSH_DECLARED, WELSH_ROWS, WELSH_SHEET } from "../support/welsh";

const globals = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "pane-settings-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WELSH: FakeSheetInput = {
  name: WELSH_SHEET,
  values: WELSH_ROWS(),
  numberFormats: [[], [], [null, "0.0", "0.0", "0.0"], [null, "0.0", "0.0", "0.0"]],
};

function install(fake: FakeExcel): FakeExcel {
  delete globals.Office;
  fake.install();
  return fake;
}

/** What the pane does on *Check workbook*: read, load the settings, validate. */
async function paneCheck() {
  const workbook = await readWorkbook();
  const own = await loadSettings();
  return {
    workbook,
    own,
    result: validateWorkbook(workbook, { settings: own.settings, settingsProblem: own.problem }),
  };
}

describe("the pane's settings", () => {
  it("are none in a workbook without a settings sheet", async () => {
    install(new FakeExcel({ sheets: [WELSH] }));
    expect(await loadSettings()).toEqual({ settings: null, problem: null });
  });

  it("declare the selected range a table, prefilled from recognition, saved and kept through save and reopen", async () => {
    const fake = install(new FakeExcel({ sheets: [WELSH] }));
    fake.selection = { sheet: "Arbedion", address: "A1:D4" };
    const { workbook, result: before } = await paneCheck();
    expect(before.findings.filter((f) => f.rule === "pct-mismatch")).toEqual([]);

    const selection = await selectedRange();
    expect(selection).toEqual({ sheet: "Arbedion", range: "A1:D4" });
    const guess = guessDeclaration(workbook, selection.sheet, selection.range, null)!;
    // Recognition reads a table of figures: the user says what each column holds.
    expect(guess).toMatchObject({ kind: "figures", columns: { A: "label", B: "figure", C: "figure", D: "figure" } });
    const declared = withDeclaredTable(emptySettings(), {
      ...guess,
      kind: "workstream-summary",
      columns: { A: "label", B: "budget", C: "saving", D: "percent" },
    });
    await saveSettings(declared);
    expect(fake.sheet(SETTINGS_SHEET)!.visibility).toBe("VeryHidden");

    install(fake.reopened());
    const { own, result } = await paneCheck();
    expect(own.settings).toEqual(declared);
    expect(result.tables).toEqual([expect.objectContaining({ range: "A1:D4", declared: true })]);
    expect(result.findings.filter((f) => f.rule === "pct-mismatch").map((f) => f.cell)).toEqual(["D3"]);
    expect(result.verdict).toBe("not-ready");
  });

  it("accept a finding with its reason, and change a severity: both kept, both applied", async () => {
    const fake = install(new FakeExcel({ sheets: [WELSH] }));
    const declared = WELSH_DECLARED;
    await saveSettings(declared);
    const { workbook, result } = await paneCheck();
    const pct = result.findings.find((f) => f.rule === "pct-mismatch")!;
    const at = parseA1(pct.cell)!;
    const accepted = withAccepted(
      declared,
      pct,
      workbook.sheets[0].values[at.row][at.col],
      "Of the gross budget",
      "",
      new Date("2026-12-01T10:00:00Z"),
    );
    await saveSettings(withSeverity(accepted, "hardcoded-total", "off"));

    install(fake.reopened());
    const after = await paneCheck();
    expect(after.own.settings!.accepted).toEqual([
      {
        rule: "pct-mismatch",
        sheet: "Arbedion",
        cell: "D3",
        value: "19.9",
        reason: "Of the gross budget",
        by: "",
        at: "2026-12-01",
      },
    ]);
    expect(after.own.settings!.rules).toEqual({ "hardcoded-total": "off" });
    expect(after.result.verdict).toBe("ready");
    expect(after.result.findings.find((f) => f.rule === "pct-mismatch")!.accepted).toEqual({
      reason: "Of the gross budget",
      by: "",
      at: "2026-12-01",
    });
  });

  it("save over longer settings without leaving stale chunks", async () => {
    const fake = install(new FakeExcel({ sheets: [WELSH] }));
    const long: Settings = { version: 1, skipSheets: Array.from({ length: 3000 }, (_, i) => `Sheet number ${i}`) };
    await saveSettings(long);
    expect(fake.sheet(SETTINGS_SHEET)!.values.filter((r) => r[0] !== "").length).toBeGreaterThan(1);
    await saveSettings({ version: 1 });
    expect(await loadSettings()).toEqual({ settings: { version: 1 }, problem: null });
  });

  it("report a damaged settings sheet and are ignored, never failing the check", async () => {
    install(
      new FakeExcel({
        sheets: [WELSH, { name: SETTINGS_SHEET, values: [["SavingsCheckSettings 1/2 {"]], visibility: "VeryHidden" }],
      }),
    );
    const { result } = await paneCheck();
    expect(result.findings.filter((f) => f.rule === "settings-invalid")).toEqual([
      expect.objectContaining({ sheet: "Arbedion", cell: "A1", message: expect.stringContaining("were ignored") }),
    ]);
  });

  it("read the selection on a sheet whose name needs quotes", async () => {
    const fake = install(new FakeExcel({ sheets: [WELSH, { name: "Bob's sheet", values: [[1]] }] }));
    fake.selection = { sheet: "Bob's sheet", address: "B2:C9" };
    expect(await selectedRange()).toEqual({ sheet: "Bob's sheet", range: "B2:C9" });
  });
});

describe("one settings sheet, two hosts", () => {
  const settings: Settings = {
    ...WELSH_DECLARED,
    rules: { "high-saving-share": { severity: "error", threshold: 0.6 } },
    skipSheets: ["Notes"],
  };

  /** The fake Excel's sheets saved as a file, as Excel would: values, and each sheet's visibility. */
  async function saveFake(fake: FakeExcel, name: string): Promise<string> {
    const book = new ExcelJS.Workbook();
    for (const view of fake.sheets) {
      const state =
        view.visibility === "VeryHidden" ? "veryHidden" : view.visibility === "Hidden" ? "hidden" : "visible";
      const sheet = book.addWorksheet(view.name, { state });
      view.values.forEach((row, r) => row.forEach((v, c) => v !== "" && (sheet.getCell(r + 1, c + 1).value = v)));
    }
    const path = join(dir, name);
    await book.xlsx.writeFile(path);
    return path;
  }

  it("the pane writes, the command line reads", async () => {
    const fake = install(new FakeExcel({ sheets: [WELSH] }));
    await saveSettings(settings);
    const path = await saveFake(fake, "pane-wrote.xlsx");
    expect(decodeSettings(readSettingsRows(openWorkbook(path)))).toEqual({ settings, problem: null });
  });

  it("the command line writes, the pane reads", async () => {
    const input = await saveFake(new FakeExcel({ sheets: [WELSH] }), "plain.xlsx");
    const output = join(dir, "cli-wrote.xlsx");
    writeSettingsCopy(input, settings, output);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    const hidden = book.getWorksheet(SETTINGS_SHEET)!;
    expect(hidden.state).toBe("veryHidden");
    const sheets: FakeSheetInput[] = book.worksheets.map((s) => ({
      name: s.name,
      visibility: s.state === "veryHidden" ? "VeryHidden" : "Visible",
      values: (s.getSheetValues() as unknown[][])
        .slice(1)
        .map((row) => (row ?? []).slice(1) as FakeSheetInput["values"][number]),
    }));
    install(new FakeExcel({ sheets }));
    expect(await loadSettings()).toEqual({ settings, problem: null });
  });
});
