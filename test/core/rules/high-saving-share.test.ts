import { d1, findingsOf } from "../validate/build";

const rows = (saving: number) => [
  ["Workstream", "Total Budget", "Full Year Savings Proposals"],
  ["", "£m", "£m"],
  ["Family Support Services remodelling", d1(13.4), d1(saving)],
];

describe("high-saving-share", () => {
  it("flags a saving above half its budget", () => {
    expect(findingsOf("high-saving-share", rows(8.4))).toEqual([
      {
        rule: "high-saving-share",
        severity: "warning",
        sheet: "Sheet1",
        cell: "C3",
        table: "Workstream summary A1:C3",
        message: "Family Support Services remodelling: saving 8.4 is 62.7% of its budget 13.4, above 50%.",
      },
    ]);
  });

  it("accepts exactly half, and a saving below it", () => {
    expect(findingsOf("high-saving-share", rows(6.7))).toEqual([]);
    expect(findingsOf("high-saving-share", rows(6.8)).map((f) => f.cell)).toEqual(["C3"]);
    expect(findingsOf("high-saving-share", rows(1))).toEqual([]);
  });

  it("takes its threshold from the options", () => {
    expect(findingsOf("high-saving-share", rows(8.4), { highSavingShare: 0.7 })).toEqual([]);
    expect(findingsOf("high-saving-share", rows(8.4), { highSavingShare: 0.6 }).map((f) => f.message)).toEqual([
      "Family Support Services remodelling: saving 8.4 is 62.7% of its budget 13.4, above 60%.",
    ]);
  });
});
