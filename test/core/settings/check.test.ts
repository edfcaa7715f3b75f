/** The settings JSON checked by hand: every problem names its key (SPEC §8). */
import { checkSettings, parseSettings } from "../../../src/core/settings/check";

const problems = (value: unknown) => checkSettings(value).problems;

describe("checkSettings", () => {
  it("takes SPEC §8's example whole", () => {
    const example = {
      version: 1,
      tables: [
        {
          sheet: "Savings",
          range: "A3:D9",
          kind: "workstream-summary",
          columns: { A: "label", B: "budget", C: "saving", D: "percent" },
          unit: "£000",
        },
      ],
      words: { saving: ["arbedion"], budget: ["cyllideb"] },
      rules: {
        "high-saving-share": { severity: "warning", threshold: 0.6 },
        "hardcoded-total": "off",
        "eia-missing": "error",
      },
      skipSheets: ["Notes"],
      accepted: [
        {
          rule: "total-mismatch",
          sheet: "Savings",
          cell: "C9",
          value: "30312",
          reason: "Agreed with the Director: transfer to schools",
          by: "",
          at: "2026-12-01",
        },
      ],
    };
    expect(checkSettings(example)).toEqual({ settings: example, problems: [] });
  });

  it("names the bad key and says what it must be", () => {
    expect(problems({ version: 1, rules: { "pct-mismatch": "loud" } })).toEqual([
      "settings.rules.pct-mismatch: must be one of error, warning, info, off",
    ]);
    expect(problems({ version: 1, rules: { "pct-mismatch": { threshold: 0.2 } } })).toEqual([
      "settings.rules.pct-mismatch.threshold: only high-saving-share takes a threshold",
    ]);
    expect(problems({ version: 1, rules: { "high-saving-share": { threshold: 60 } } })).toEqual([
      "settings.rules.high-saving-share.threshold: must be a number above 0 and at most 1 (a share of the budget)",
    ]);
    expect(problems({ version: 1, rules: { "pct-mismatsh": "off" } })[0]).toMatch(
      /^settings\.rules\.pct-mismatsh: no such rule \(rules: pct-mismatch, /,
    );
    expect(problems({ version: 1, words: { savings: ["x"] } })[0]).toMatch(
      /^settings\.words\.savings: must be one of percent, /,
    );
    expect(problems({ version: 1, skipSheets: ["Notes", " "] })).toEqual(["settings.skipSheets[1]: must not be blank"]);
  });

  it("refuses extra keys, naming them", () => {
    expect(problems({ version: 1, severities: {} })).toEqual([
      "settings.severities: unknown key (allowed: $schema, version, tables, words, rules, skipSheets, accepted)",
    ]);
  });

  it("checks declared tables: range, kind, columns inside the range, roles, a figure column", () => {
    const table = (t: object) =>
      problems({
        version: 1,
        tables: [{ sheet: "S", range: "A1:C9", kind: "figures", columns: { A: "label", B: "figure" }, ...t }],
      });
    expect(table({})).toEqual([]);
    expect(table({ range: "A1:C" })).toEqual([
      "settings.tables[0].range: must be a range of cells such as A3:D9, got 'A1:C'",
    ]);
    expect(table({ kind: "budget" })).toEqual([
      "settings.tables[0].kind: must be one of workstream-summary, phasing, register, target, cla, figures",
    ]);
    expect(table({ columns: { A: "label", E: "figure" } })).toEqual([
      "settings.tables[0].columns.E: the column is outside the table's range A1:C9",
    ]);
    expect(table({ columns: { A: "label", B: "year:2024/26" } })[0]).toMatch(
      /^settings\.tables\[0\]\.columns\.B: must be one of label, /,
    );
    expect(table({ columns: { A: "label", B: "year:2024/25" } })).toEqual([]);
    expect(table({ columns: { A: "label" } })).toEqual([
      "settings.tables[0].columns: a table needs at least one column of figures",
    ]);
    expect(table({ unit: "$000" })).toEqual(["settings.tables[0].unit: must be one of £, £000, £m, £bn"]);
    expect(problems({ version: 1, tables: [{}] })).toEqual([
      "settings.tables[0].sheet: is required",
      "settings.tables[0].range: is required",
      "settings.tables[0].kind: is required",
      "settings.tables[0].columns: is required",
    ]);
  });

  it("checks accepted findings: rule, cell and a reason", () => {
    const accepted = (a: object) =>
      problems({
        version: 1,
        accepted: [{ rule: "total-mismatch", sheet: "S", cell: "C9", value: "1", reason: "ok", by: "", at: "", ...a }],
      });
    expect(accepted({})).toEqual([]);
    expect(accepted({ reason: "" })).toEqual(["settings.accepted[0].reason: must not be blank"]);
    expect(accepted({ cell: "C9:D9" })).toEqual(["settings.accepted[0].cell: must be a cell such as C9, got 'C9:D9'"]);
    expect(accepted({ value: 1 })).toEqual(["settings.accepted[0].value: must be text"]);
  });

  it("reports a newer version alone, and a wrong one", () => {
    expect(problems({ version: 2, whatever: true })).toEqual([
      "settings.version: 2 was written by a newer savings-check (this one reads version 1)",
    ]);
    expect(problems({})).toEqual(["settings.version: must be 1, got undefined"]);
    expect(problems([])).toEqual(["settings: must be an object"]);
  });

  it("reads JSON text, saying when it is not JSON", () => {
    expect(parseSettings('{"version": 1}')).toEqual({ settings: { version: 1 }, problems: [] });
    expect(parseSettings("{version: 1}").problems[0]).toMatch(/^settings: not valid JSON \(/);
  });
});

describe("declared tables together", () => {
  it("never share a cell on one sheet", () => {
    const t = (sheet: string, range: string) => ({
      sheet,
      range,
      kind: "figures",
      columns: { A: "label", B: "figure" },
    });
    expect(problems({ version: 1, tables: [t("S", "A1:B9"), t("Other", "A1:B9"), t("s", "A9:B12")] })).toEqual([
      "settings.tables[2].range: overlaps the table declared at settings.tables[0] on the same sheet",
    ]);
  });
});

describe("accepted findings", () => {
  it("may name their cell with $ signs", () => {
    const a = { rule: "pct-mismatch", sheet: "S", cell: "$D$3", value: "1", reason: "r", by: "", at: "" };
    expect(problems({ version: 1, accepted: [a] })).toEqual([]);
  });
});
