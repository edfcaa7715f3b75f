/** The pane's changes to the settings, and its first guess at a declaration. */
import { Finding } from "../../../src/core/findings";
import {
  withAccepted,
  withDeclaredTable,
  withSeverity,
  withThreshold,
  withWords,
} from "../../../src/core/settings/edit";
import { guessDeclaration } from "../../../src/core/settings/guess";
import { DeclaredTable, emptySettings } from "../../../src/core/settings/settings";
import { d1, grid } from "../validate/build";

const table = (range: string): DeclaredTable => ({
  sheet: "S",
  range,
  kind: "figures",
  columns: { A: "label", B: "figure" },
});

describe("settings edits", () => {
  it("declare a table, replacing one declared before over its cells only", () => {
    let s = withDeclaredTable(emptySettings(), table("A1:B5"));
    s = withDeclaredTable(s, table("A10:B12"));
    s = withDeclaredTable(s, table("A4:B8"));
    expect(s.tables!.map((t) => t.range)).toEqual(["A10:B12", "A4:B8"]);
  });

  it("set a severity and a threshold apart, and back to the defaults", () => {
    let s = withThreshold(emptySettings(), "high-saving-share", 0.6);
    expect(s.rules).toEqual({ "high-saving-share": { threshold: 0.6 } });
    s = withSeverity(s, "high-saving-share", "error");
    expect(s.rules).toEqual({ "high-saving-share": { severity: "error", threshold: 0.6 } });
    s = withThreshold(s, "high-saving-share", undefined);
    expect(s.rules).toEqual({ "high-saving-share": "error" });
    expect(withSeverity(s, "high-saving-share", undefined).rules).toEqual({});
  });

  it("accept a finding at its cell's value, exactly, replacing an earlier acceptance of it", () => {
    const finding: Finding = {
      rule: "total-mismatch",
      severity: "error",
      sheet: "S",
      cell: "C9",
      message: "m",
      table: "t",
    };
    const at = new Date("2026-12-01T15:00:00Z");
    let s = withAccepted(emptySettings(), finding, 0.1 + 0.2, " first ", "", at);
    s = withAccepted(s, finding, 30312, "Transfer to schools", " J. Smith ", at);
    expect(s.accepted).toEqual([
      {
        rule: "total-mismatch",
        sheet: "S",
        cell: "C9",
        value: "30312",
        reason: "Transfer to schools",
        by: "J. Smith",
        at: "2026-12-01",
      },
    ]);
    expect(withAccepted(emptySettings(), finding, 0.1 + 0.2, "r", "", at).accepted![0].value).toBe(
      "0.30000000000000004",
    );
  });

  it("take words as typed, and none removes them", () => {
    const s = withWords(emptySettings(), "saving", " arbedion, cynilion ,, ");
    expect(s.words).toEqual({ saving: ["arbedion", "cynilion"] });
    expect(withWords(s, "saving", " ").words).toEqual({});
  });
});

describe("guessDeclaration", () => {
  const sheet = grid("Savings", [
    ["Notes above the table", 1, 2, 3, 4],
    ["Workstream", "Budget", "Saving", "%"],
    ["", "£m", "£m", ""],
    ["Early help", d1(13.4), d1(2.0), d1(14.9)],
  ]);
  it("reads the selection alone, as recognition would", () => {
    expect(guessDeclaration({ sheets: [sheet] }, "Savings", "A2:D4", null)).toEqual({
      sheet: "Savings",
      range: "A2:D4",
      kind: "workstream-summary",
      columns: { A: "label", B: "budget", C: "saving", D: "percent" },
      unit: "£m",
    });
  });

  it("falls back to a table of figures, and knows no sheet it cannot see", () => {
    expect(guessDeclaration({ sheets: [sheet] }, "Savings", "A4:C4", null)).toMatchObject({
      kind: "figures",
      columns: { A: "label", B: "figure", C: "figure" },
    });
    expect(guessDeclaration({ sheets: [sheet] }, "Elsewhere", "A1:B2", null)).toBeNull();
  });
});
