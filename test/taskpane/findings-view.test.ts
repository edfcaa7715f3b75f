import { Finding, plural, RULE_SEVERITY, RuleId } from "../../src/core/findings";
import { countsText, errorMessage, groupFindings, SEVERITIES } from "../../src/taskpane/findings-view";

function finding(rule: RuleId, sheet: string, cell: string, table: string): Finding {
  return { rule, severity: RULE_SEVERITY[rule], sheet, cell, table, message: `${rule} at ${cell}` };
}

const FINDINGS: Finding[] = [
  finding("hardcoded-total", "Summary", "B13", "Workstream summary A4:D16"),
  finding("pct-mismatch", "Summary", "D6", "Workstream summary A4:D16"),
  finding("number-as-text", "Summary", "C7", "Workstream summary A4:D16"),
  finding("target-met", "Summary", "B20", "Savings target A20:C20"),
  finding("no-template", "Notes", "A1", ""),
  finding("subtotal-mismatch", "Summary", "C13", "Workstream summary A4:D16"),
];
const ALL = new Set(SEVERITIES);

describe("groupFindings", () => {
  test("one group per sheet and table, in the engine's order, severities most serious first", () => {
    const groups = groupFindings(FINDINGS, ALL);
    expect(groups.map((g) => [g.sheet, g.title])).toEqual([
      ["Summary", "Workstream summary A4:D16"],
      ["Summary", "Savings target A20:C20"],
      ["Notes", "Whole sheet"],
    ]);
    const [summary] = groups;
    expect(summary.counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(summary.bySeverity.map((s) => [s.severity, s.findings.map((f) => f.cell)])).toEqual([
      ["error", ["D6", "C13"]],
      ["warning", ["C7"]],
      ["info", ["B13"]],
    ]);
  });

  test("the same table name on two sheets makes two groups", () => {
    const groups = groupFindings(
      [finding("pct-mismatch", "A", "D6", "T"), finding("pct-mismatch", "B", "D6", "T")],
      ALL,
    );
    expect(groups.map((g) => g.sheet)).toEqual(["A", "B"]);
  });

  test("hidden severities leave out their findings, and groups left empty", () => {
    const groups = groupFindings(FINDINGS, new Set(["error", "warning"] as const));
    expect(groups.map((g) => g.title)).toEqual(["Workstream summary A4:D16"]);
    expect(groups[0].bySeverity.map((s) => s.severity)).toEqual(["error", "warning"]);
    expect(groups[0].counts).toEqual({ error: 2, warning: 1, info: 0 });
    expect(groupFindings(FINDINGS, new Set())).toEqual([]);
  });
});

test("counts and plurals in words", () => {
  expect(plural(1, "cell")).toBe("1 cell");
  expect(plural(0, "cell")).toBe("0 cells");
  expect(countsText({ error: 2, warning: 0, info: 1 })).toBe("2 errors, 1 info");
  expect(countsText({ error: 0, warning: 1, info: 0 })).toBe("1 warning");
});

describe("errorMessage", () => {
  test("an error's message, never its stack", () => {
    const error = new Error("The requested resource doesn't exist.");
    expect(errorMessage(error)).toBe("The requested resource doesn't exist.");
    expect(errorMessage(error)).not.toContain("at ");
  });

  test("text thrown as is; anything else, or nothing said, gets a plain sentence", () => {
    expect(errorMessage("Busy")).toBe("Busy");
    expect(errorMessage({ code: 42 })).toBe("Excel did not say why.");
    expect(errorMessage(new Error("  "))).toBe("Excel did not say why.");
  });
});

describe("accepted findings in the groups", () => {
  it("are listed with their severity and counted apart", () => {
    const base = { rule: "total-mismatch", sheet: "S", table: "t", message: "m" } as const;
    const groups = groupFindings(
      [
        { ...base, severity: "error", cell: "B2" },
        { ...base, severity: "error", cell: "B3", accepted: { reason: "r", by: "", at: "" } },
      ],
      new Set(SEVERITIES),
    );
    expect(groups[0].counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(groups[0].accepted).toBe(1);
    expect(groups[0].bySeverity[0].findings.map((f) => f.cell)).toEqual(["B2", "B3"]);
  });
});
