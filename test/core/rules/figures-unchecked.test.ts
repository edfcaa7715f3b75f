import { check, grid, only } from "../validate/build";

describe("figures-unchecked", () => {
  it("names a block of figures in no recognised table, at its top-left cell, and the verdict counts it", () => {
    const result = check([
      grid("Summary", [
        ["Workstream", "Budget £000", "Savings £000"],
        ["Social care", 1000, 100],
        ["SEN", 2000, 200],
        ["Total", 3000, 300],
      ]),
      // Figures with no header and no labels: an unknown layout, which no table reading takes.
      grid("Notes", [[], [null, 12, 40, 7], [null, 3, 9, 81], [null, 55, 2, 6]]),
    ]);
    expect(only(result, "figures-unchecked")).toEqual([
      {
        rule: "figures-unchecked",
        severity: "warning",
        sheet: "Notes",
        cell: "B2",
        table: "",
        message: "9 figures in B2:D4 are in no table the check recognised: none of them was checked.",
      },
    ]);
    expect(result.coverage).toMatchObject({ figures: 15, checked: 6 });
    expect(result.verdict).toBe("ready");
  });

  it("leaves out fewer than four figures together, though they count as unchecked", () => {
    const result = check(
      grid("S", [["Workstream", "Savings £000"], ["A", 5], [], [], [null, null, 1, 2], [null, null, 3]]),
    );
    expect(only(result, "figures-unchecked")).toEqual([]);
    expect(result.coverage).toMatchObject({ figures: 4, checked: 1 });
  });

  it("counts a formula whose result was never stored as unchecked, in a table or not", () => {
    const result = check(
      grid("S", [
        ["Workstream", "Savings £000"],
        ["A", 5],
        ["B", 7],
        ["Total", { v: null, f: '=SUMIF(Other!A:A,"x",Other!B:B)' }],
      ]),
    );
    expect(result.coverage).toMatchObject({ figures: 3, checked: 2 });
    expect(only(result, "missing-value")).toEqual([]);
  });

  it("a workbook with no table understood is not checked, never ready", () => {
    const result = check(
      grid("S", [
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    expect(result.tables).toEqual([]);
    expect(result.verdict).toBe("not-checked");
    expect(result.ready).toBe(false);
    expect(only(result, "figures-unchecked").map((f) => f.cell)).toEqual(["A1"]);
  });

  it("does not count dates, years of a header or the labels of a line", () => {
    const result = check(
      grid("S", [["Year", "Savings £000"], ["2024/25", 5], ["2025/26", 7], [{ v: 45627, fmt: "dd/mm/yyyy" }]]),
    );
    expect(result.coverage).toMatchObject({ figures: 2, checked: 2 });
  });
});
