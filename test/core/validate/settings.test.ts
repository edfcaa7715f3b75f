/**
 * Settings applied by the engine (SPEC §8): declared tables checked as found ones and winning
 * where they overlap, extra words, severities and thresholds, accepted findings, skipped sheets,
 * and damaged settings reported, never fatal.
 */
import { settingsForSheets } from "../../../src/core/settings/apply";
import { guessDeclaration } from "../../../src/core/settings/guess";
import { Settings } from "../../../src/core/settings/settings";
import { validateWorkbook } from "../../../src/core/validate";
import { tt2017Workbook } from "./fixture-grids";
import { WELSH_DECLARED, WELSH_ROWS, WELSH_SHEET } from "../../support/welsh";
import { check, d1, grid, only } from "./build";

const welsh = (pct: number) =>
  grid(
    WELSH_SHEET,
    WELSH_ROWS(pct).map((row) => row.map((v) => (typeof v === "number" ? d1(v) : v))),
  );
const declared = WELSH_DECLARED;

describe("declared tables", () => {
  it("are checked by the same rules as found ones, where recognition misreads the table", () => {
    const before = check(welsh(19.9));
    expect(before.tables.map((t) => [t.kind, t.range, t.declared])).toEqual([["figures", "A1:D4", false]]);
    expect(only(before, "pct-mismatch")).toEqual([]);
    expect(before.verdict).toBe("ready");
    const after = check(welsh(19.9), { settings: declared });
    expect(after.tables).toEqual([
      {
        sheet: "Arbedion",
        kind: "workstream-summary",
        range: "A1:D4",
        name: "Workstream summary A1:D4",
        declared: true,
      },
    ]);
    expect(only(after, "pct-mismatch").map((f) => [f.cell, f.message])).toEqual([
      ["D3", expect.stringContaining("19.9%")],
    ]);
    expect(after.verdict).toBe("not-ready");
    expect(after.coverage).toMatchObject({ figures: 6, checked: 6 });
  });

  it("find nothing wrong when the figures hold", () => {
    const result = check(welsh(14.9), { settings: declared });
    expect(result.counts.error).toBe(0);
    expect(result.verdict).toBe("ready");
  });

  it("win over a found table where they overlap", () => {
    const sheet = grid("Savings", [
      ["Workstream", "Budget", "Saving"],
      ["", "£000", "£000"],
      ["Early help", 1000, 100],
      ["Placements", 2000, 300],
      ["Total", 3000, 500],
    ]);
    expect(check(sheet).tables.map((t) => [t.range, t.declared])).toEqual([["A1:C5", false]]);
    const settings: Settings = {
      version: 1,
      tables: [
        { sheet: "Savings", range: "A3:C5", kind: "figures", columns: { A: "label", B: "figure", C: "figure" } },
      ],
    };
    const result = check(sheet, { settings });
    expect(result.tables.map((t) => [t.range, t.kind, t.declared])).toEqual([["A3:C5", "figures", true]]);
    expect(only(result, "total-mismatch").map((f) => f.cell)).toEqual(["C5"]);
  });

  it("that cannot be read are reported and left out, never fatal", () => {
    const settings: Settings = {
      version: 1,
      tables: [
        { sheet: "Nowhere", range: "A1:B2", kind: "figures", columns: { A: "label", B: "figure" } },
        { sheet: "Arbedion", range: "A1:A4", kind: "figures", columns: { A: "figure" } },
      ],
    };
    const result = check(welsh(14.9), { settings });
    expect(only(result, "settings-invalid").map((f) => f.message)).toEqual([
      "settings.tables[0]: the workbook has no sheet named 'Nowhere'",
      "settings.tables[1]: its rows hold no figures in the columns it declares",
    ]);
  });
});

describe("extra words", () => {
  it("widen recognition everywhere in the workbook", () => {
    const words: Settings = {
      version: 1,
      words: { workstream: ["ffrwd waith"], budget: ["cyllideb"], saving: ["arbedion"], percent: ["canran"] },
    };
    const result = check(welsh(19.9), { settings: words });
    expect(result.tables.map((t) => [t.kind, t.range, t.declared])).toEqual([["workstream-summary", "A1:D4", false]]);
    expect(only(result, "pct-mismatch").map((f) => f.cell)).toEqual(["D3"]);
  });
});

describe("rule settings", () => {
  const rows = [
    ["Workstream", "Total Budget", "Full Year Savings Proposals"],
    ["", "£m", "£m"],
    ["Family Support Services remodelling", d1(13.4), d1(8.4)],
  ];
  it("change a rule's severity, or turn it off", () => {
    const sheet = grid("Sheet1", rows);
    expect(only(check(sheet), "high-saving-share").map((f) => f.severity)).toEqual(["warning"]);
    const error: Settings = { version: 1, rules: { "high-saving-share": "error" } };
    const raised = check(sheet, { settings: error });
    expect(only(raised, "high-saving-share").map((f) => f.severity)).toEqual(["error"]);
    expect(raised.verdict).toBe("not-ready");
    const off: Settings = { version: 1, rules: { "high-saving-share": { severity: "off" } } };
    expect(only(check(sheet, { settings: off }), "high-saving-share")).toEqual([]);
  });

  it("change the high-saving-share threshold", () => {
    const sheet = grid("Sheet1", rows);
    const higher: Settings = { version: 1, rules: { "high-saving-share": { threshold: 0.7 } } };
    expect(only(check(sheet, { settings: higher }), "high-saving-share")).toEqual([]);
    const lower: Settings = { version: 1, rules: { "high-saving-share": { severity: "error", threshold: 0.6 } } };
    expect(only(check(sheet, { settings: lower }), "high-saving-share").map((f) => [f.severity, f.message])).toEqual([
      ["error", expect.stringContaining("above 60%")],
    ]);
  });
});

describe("accepted findings", () => {
  const accepting = (value: string): Settings => ({
    ...declared,
    accepted: [
      {
        rule: "pct-mismatch",
        sheet: "Arbedion",
        cell: "D3",
        value,
        reason: "Agreed with the Director: the % is of the gross budget",
        by: "A. Accountant",
        at: "2026-12-01",
      },
    ],
  });

  it("stay listed, marked with their reason, and block the verdict no more", () => {
    const result = check(welsh(19.9), { settings: accepting("19.9") });
    expect(only(result, "pct-mismatch")).toEqual([
      expect.objectContaining({
        cell: "D3",
        severity: "error",
        accepted: {
          reason: "Agreed with the Director: the % is of the gross budget",
          by: "A. Accountant",
          at: "2026-12-01",
        },
      }),
    ]);
    expect(result.counts.error).toBe(0);
    expect(result.verdict).toBe("ready");
  });

  it("compare the value exactly: 19.90 is 19.9", () => {
    expect(check(welsh(19.9), { settings: accepting("19.90") }).verdict).toBe("ready");
  });

  it("match their cell however it is written ($D$3, d3)", () => {
    for (const cell of ["$D$3", "d3"]) {
      const settings = accepting("19.9");
      settings.accepted![0].cell = cell;
      expect(check(welsh(19.9), { settings }).verdict).toBe("ready");
    }
  });

  it("come back when the cell's value changes", () => {
    const result = check(welsh(19.8), { settings: accepting("19.9") });
    expect(only(result, "pct-mismatch")[0].accepted).toBeUndefined();
    expect(result.verdict).toBe("not-ready");
  });
});

describe("skipped sheets", () => {
  it("are not read, and are said", () => {
    const notes = grid("Notes", [
      ["Scratch", 1, 2, 3, 4],
      ["More", 5, 6, 7, 8],
    ]);
    const result = check([welsh(14.9), notes], { settings: { ...declared, skipSheets: ["notes"] } });
    expect(result.skipped).toEqual(["Notes"]);
    expect(result.findings.filter((f) => f.sheet === "Notes")).toEqual([]);
    expect(result.coverage.sheets.map((s) => s.name)).toEqual(["Arbedion"]);
  });
});

describe("a damaged settings sheet", () => {
  it("is a settings-invalid finding, and the check goes on without it", () => {
    const result = check(welsh(19.9), { settingsProblem: "The workbook's settings were ignored: damaged." });
    expect(only(result, "settings-invalid")).toEqual([
      expect.objectContaining({ sheet: "Arbedion", cell: "A1", severity: "warning" }),
    ]);
  });
});

describe("a declared table where recognition finds the same", () => {
  it("gives exactly the findings the found table gives", () => {
    const workbook = tt2017Workbook();
    const found = validateWorkbook(workbook);
    const table = found.tables.find((t) => t.kind === "workstream-summary")!;
    const guess = guessDeclaration(workbook, table.sheet, table.range, null)!;
    expect(guess.kind).toBe("workstream-summary");
    const declaredToo = validateWorkbook(workbook, { settings: { version: 1, tables: [guess] } });
    expect(declaredToo.tables.map((t) => [t.range, t.declared])).toEqual(
      found.tables.map((t) => [t.range, t.range === table.range]),
    );
    expect(declaredToo.findings).toEqual(found.findings);
    expect(declaredToo.coverage).toEqual(found.coverage);
  });
});

describe("settings for some sheets only", () => {
  it("leave out the tables declared on the sheets not read, rather than report them missing", () => {
    const settings: Settings = {
      ...declared,
      tables: [
        ...declared.tables!,
        { sheet: "Elsewhere", range: "A1:B2", kind: "figures", columns: { A: "label", B: "figure" } },
      ],
    };
    const workbook = { sheets: [welsh(19.9)] };
    expect(only(validateWorkbook(workbook, { settings }), "settings-invalid")).toHaveLength(1);
    const result = validateWorkbook(workbook, { settings: settingsForSheets(settings, workbook) });
    expect(only(result, "settings-invalid")).toEqual([]);
    expect(result.tables.map((t) => t.declared)).toEqual([true]);
  });
});

describe("a declared savings target", () => {
  it("is compared with the proposals as a found one is", () => {
    const sheet = grid("Savings", [
      ["Workstream", "Budget", "Saving"],
      ["", "£000", "£000"],
      ["Early help", 1000, 100],
      ["Placements", 2000, 300],
      ["Total", 3000, 400],
      [],
      ["Ein targed", 500, "£000"],
    ]);
    expect(only(check(sheet), "target-shortfall")).toEqual([]);
    const settings: Settings = {
      version: 1,
      tables: [
        { sheet: "Savings", range: "A7:C7", kind: "target", columns: { A: "label", B: "figure" }, unit: "£000" },
      ],
    };
    const result = check(sheet, { settings });
    expect(result.tables.find((t) => t.kind === "target")).toMatchObject({ range: "A7:C7", declared: true });
    expect(only(result, "target-shortfall").map((f) => f.message)).toEqual([expect.stringContaining("100")]);
  });
});
