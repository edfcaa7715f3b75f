/**
 * Table detection (SPEC §4): by header rows, anywhere on a sheet, several per sheet, side by
 * side; synonyms; units in a units row, in header text or in a title; phasing tables with years
 * across and down; registers with one amount column or one per year; CLA tables; targets.
 */
import { check, d1, grid } from "./build";

const tablesOf = (rows: Parameters<typeof grid>[1]) => check(grid("S", rows)).tables.map((t) => [t.kind, t.range]);

describe("table detection", () => {
  it("finds a workstream summary by any of its header synonyms, units in a units row", () => {
    const rows = [
      ["Transformation Project descriptor", "Current budget", "Overall savings requirement", "Savings as % of budget"],
      ["", "£'000", "£'000", "%"],
      ["Edge of care", 1000, 100, 10],
      ["Total", 1000, 100, 10],
    ];
    expect(tablesOf(rows)).toEqual([["workstream-summary", "A1:D4"]]);
    expect(check(grid("S", rows)).findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("matches headers ignoring case, spaces and punctuation, with units in the header text", () => {
    const result = check(
      grid("S", [
        ["  WORKSTREAM ", "total-budget (£m)", "Full year savings proposals £m", "Savings proposals as %  of budget"],
        ["A", d1(10), d1(1), d1(10)],
      ]),
    );
    expect(result.tables.map((t) => t.kind)).toEqual(["workstream-summary"]);
    expect(result.findings).toEqual([]);
  });

  it("finds several tables on one sheet: below one another, side by side, away from A1", () => {
    const rows = [
      [],
      [null, "Workstream", "Savings £000", null, "Service", "Savings £000"],
      [null, "A", 5, null, "B", 6],
      [null, "Total", 5, null, "Total", 7],
      [],
      [null, null, "Year", "Children looked after", "Child population", "Rate per 10,000"],
      [null, null, "2017/18", 870, 280000, d1(31.1)],
      [],
      [null, null, null, "Savings target", 5, "£000"],
    ];
    const result = check(grid("S", rows));
    expect(result.tables.map((t) => [t.kind, t.range])).toEqual([
      ["workstream-summary", "B2:C4"],
      ["workstream-summary", "E2:F4"],
      ["cla", "C6:F7"],
      ["target", "D9:F9"],
    ]);
    expect(result.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell])).toEqual([
      ["total-mismatch", "F4"],
    ]);
  });

  it("finds phasing tables with years across (with a Total column) and years down", () => {
    expect(
      tablesOf([
        ["Workstream", "2016/17", "2017-18", "FY2018/19", "Total"],
        ["", "£000", "£000", "£000", "£000"],
        ["A", 1, 2, 3, 6],
      ]),
    ).toEqual([["phasing", "A1:E3"]]);
    expect(
      tablesOf([
        ["Financial year", "Saving (£000)"],
        ["2017/18", 100],
        ["2018/19", 200],
        ["Total", 300],
      ]),
    ).toEqual([["phasing", "A1:B4"]]);
    // Years down with no header row above them.
    expect(
      tablesOf([
        ["15/16", 100],
        ["16/17", 200],
      ]),
    ).toEqual([["phasing", "A1:B2"]]);
  });

  it("finds registers with one amount column and with a column per year, and their attribute columns", () => {
    const one = check(
      grid("S", [
        ["Reference", "Savings proposal", "Workstream", "RAG", "EIA", "Consultation", "Saving £000"],
        ["SSS022", "Reduce x", "Social care", "Amber", "Yes", "Yes", 10],
      ]),
    );
    expect(one.tables.map((t) => [t.kind, t.range])).toEqual([["register", "A1:G2"]]);
    expect(one.findings).toEqual([]);
    expect(
      tablesOf([
        ["Ref", "Description", "2018/19", "2019/20", "Total"],
        ["", "", "£000", "£000", "£000"],
        ["T3", "x", 1, 2, 3],
      ]),
    ).toEqual([["register", "A1:E3"]]);
  });

  it("finds a target beside its label, with the unit beside it, in the label or in the amount", () => {
    for (const row of [
      ["Savings target", 30100, "£000"],
      ["Savings required (£000)", null, 30100],
      ["Target:", "£30.1m"],
    ]) {
      const result = check(grid("S", [row, [], ["Workstream", "Savings £000"], ["A", 30100]]));
      expect(result.tables.map((t) => t.kind)).toEqual(["target", "workstream-summary"]);
      expect(result.findings.filter((f) => f.rule.startsWith("target")).map((f) => f.message)).toEqual([
        "Proposals total 30,100 (£000) in Workstream summary A3:B4 meet the savings target 30,100 with a margin of 0.",
      ]);
    }
  });

  it("finds a target on a table's header row, beside the table", () => {
    const result = check(
      grid("S", [
        ["Workstream", "Savings £000", null, "Savings target", 100, "£000"],
        ["A", 60],
        ["B", 30],
      ]),
    );
    expect(result.tables.map((t) => [t.kind, t.range])).toEqual([
      ["workstream-summary", "A1:B3"],
      ["target", "D1:F1"],
    ]);
    expect(result.findings.filter((f) => f.rule === "target-shortfall").map((f) => f.message)).toEqual([
      "Proposals total 90 (£000) in Workstream summary A1:B3 fall 10 short of the savings target 100.",
    ]);
  });

  it("ends a table at its first blank row and reads the footnotes under it", () => {
    const result = check(
      grid("S", [
        ["Workstream", "Savings £000"],
        ["A", "5*"],
        [],
        ["* Subject to consultation."],
        ["Not a footnote: ends the footnotes."],
        ["Workstream", "Savings £000"],
        ["B", 6],
      ]),
    );
    expect(result.tables.map((t) => t.range)).toEqual(["A1:B2", "A6:B7"]);
    expect(result.findings.filter((f) => f.rule === "footnote-undefined")).toEqual([]);
  });
});

describe("tables never overlap", () => {
  it("a phasing header beside a longer table does not take that table's column as its labels", () => {
    const result = check(
      grid("S", [
        ["Year", "Savings £000"],
        ["2016/17", 1],
        ["2017/18", 2, null, "2016/17", "2017/18"],
        ["2018/19", { error: "#REF!" }, "Social care", 5, 6],
      ]),
    );
    expect(result.tables.map((t) => [t.kind, t.range])).toEqual([
      ["phasing", "A1:B4"],
      ["phasing", "C3:E4"],
    ]);
    expect(result.findings.filter((f) => f.rule === "cell-error").map((f) => f.cell)).toEqual(["B4"]);
  });

  it("header cells on either side of another table head no table together (fuzz counterexample)", () => {
    const result = check(
      grid("S", [
        [null, null, "2018/19", "Figure"],
        [null, null, "2019/20", 2],
        [null, "Ref", "2020/21", 3, "Grand total"],
      ]),
    );
    expect(result.tables.map((t) => [t.kind, t.range])).toEqual([["phasing", "C1:D3"]]);
  });

  it("a target's amount is never a cell of another table, and a unit is not an amount (fuzz counterexamples)", () => {
    const beside = check(
      grid("S", [
        [null, "2016-17", "Ref"],
        ["Target", 0],
      ]),
    );
    // "Target" labels the register's line: it is the register's label column, not a target's amount.
    expect(beside.tables.map((t) => [t.kind, t.range])).toEqual([["register", "A1:C2"]]);
    const unitOnly = check(grid("S", [["Savings needed", "£000"]]));
    expect(unitOnly.tables).toEqual([]);
  });
});
