/** The settings sheet: labelled chunks of JSON; damaged or newer sheets are reported and ignored. */
import { SETTINGS_SHEET } from "../../../src/core/annotation/names";
import { decodeSettings, encodeSettings } from "../../../src/core/settings/sheet";
import { Settings } from "../../../src/core/settings/settings";

const settings: Settings = {
  version: 1,
  skipSheets: ["Notes"],
  accepted: [
    {
      rule: "total-mismatch",
      sheet: "Savings",
      cell: "C9",
      value: "30312",
      reason: "Transfer: " + "x".repeat(40_000),
      by: "",
      at: "2026-12-01",
    },
  ],
};

describe("the settings sheet", () => {
  it("round-trips, in chunks a cell can hold", () => {
    const rows = encodeSettings(settings);
    expect(rows.length).toBe(2);
    expect(rows.every(([text]) => text.length <= 32_767 && text.startsWith("SavingsCheckSettings "))).toBe(true);
    expect(decodeSettings(rows)).toEqual({ settings, problem: null });
  });

  it("is nothing at all when the workbook has none", () => {
    expect(decodeSettings(null)).toEqual({ settings: null, problem: null });
  });

  it("is ignored, with the reason, when damaged", () => {
    const rows = encodeSettings(settings);
    expect(decodeSettings([rows[1]])).toEqual({
      settings: null,
      problem: `The workbook's settings (the very hidden sheet ${SETTINGS_SHEET}) were ignored: The ${SETTINGS_SHEET} sheet is damaged: part 1 of 1 is missing or out of order.`,
    });
    expect(decodeSettings([["SavingsCheckSettings 1/1 {not json"]]).problem).toMatch(
      /ignored: settings: not valid JSON/,
    );
    expect(decodeSettings([['SavingsCheckSettings 1/1 {"version":1,"rules":{"x":"off"}}']]).problem).toMatch(
      /ignored: settings\.rules\.x: no such rule/,
    );
  });

  it("is ignored when a newer savings-check wrote it", () => {
    expect(decodeSettings(encodeSettings({ version: 2 } as unknown as Settings)).problem).toMatch(
      /ignored: settings\.version: 2 was written by a newer savings-check \(this one reads version 1\)\.$/,
    );
  });
});
