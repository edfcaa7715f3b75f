/** The report sheet shows what was waived (SPEC §8): the settings in force and the accepted findings apart, with reasons. */
import { planAnnotation, REPORT_LINK_COLUMN } from "../../../src/core/annotation/plan";
import { Finding } from "../../../src/core/findings";
import { sheetFromValues } from "../../../src/core/grid";
import { resultOf } from "../../support/results";

const workbook = { sheets: [sheetFromValues("Summary", [["Workstream", "Budget"]])] };
const none = () => ({ notes: new Map<string, string>(), fills: new Map<string, string | null>() });
const base = { rule: "total-mismatch", sheet: "Summary", table: "Table of figures A1:B9" } as const;
const open: Finding = { ...base, severity: "warning", cell: "B3", message: "open one." };
const accepted: Finding = {
  ...base,
  severity: "error",
  cell: "B9",
  message: "stated 30,312, the lines add to 30,212.",
  accepted: { reason: "Transfer to schools, agreed with the Director", by: "J. Smith", at: "2026-12-01" },
};

describe("the report sheet with settings", () => {
  it("lists accepted findings apart, after the open ones, with who, when and why under the message, linked", () => {
    const result = {
      ...resultOf([open, accepted]),
      settings: { version: 1 as const, rules: { "hardcoded-total": "off" as const } },
    };
    const { report } = planAnnotation(workbook, result, none(), new Date("2026-12-02T09:00:00Z"), "savings.xlsx");
    expect(report.rows).toContainEqual(["Settings in force", "Rule hardcoded-total: off (normally info)"]);
    const openRow = report.rows.findIndex((r) => r[3] === "B3");
    const heading = report.rows.findIndex((r) => r[0] === "Accepted findings (1): listed, not counted");
    const acceptedRow = report.rows.findIndex((r) => r[3] === "B9");
    expect(openRow).toBeLessThan(heading);
    expect(heading).toBeLessThan(acceptedRow);
    expect(report.rows[acceptedRow]).toEqual([
      "error",
      "total-mismatch",
      "Summary",
      "B9",
      "stated 30,312, the lines add to 30,212.\nAccepted (J. Smith, 2026-12-01): Transfer to schools, agreed with the Director",
      "Table of figures A1:B9",
    ]);
    expect(report.links).toContainEqual({ row: acceptedRow, col: REPORT_LINK_COLUMN, sheet: "Summary", cell: "B9" });
    // Counts are of the open findings: the accepted error is counted by nobody.
    expect(report.rows).toContainEqual(["Errors", 0]);
    expect(report.rows).toContainEqual(["Warnings", 1]);
  });

  it("says when every finding was accepted", () => {
    const { report } = planAnnotation(workbook, resultOf([accepted]), none(), new Date(), "savings.xlsx");
    expect(report.rows).toContainEqual(["No findings but the accepted ones below."]);
  });
});
