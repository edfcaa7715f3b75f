import { Settings } from "../../../src/core/settings/settings";
import { check, grid, only } from "../validate/build";

const sheet = grid("Savings", [
  ["Workstream", "Budget"],
  ["Early help", 100],
]);

describe("settings-invalid", () => {
  it("reports a damaged settings sheet at the first sheet's first cell, as a warning", () => {
    expect(only(check(sheet, { settingsProblem: "The settings were ignored: damaged." }), "settings-invalid")).toEqual([
      {
        rule: "settings-invalid",
        severity: "warning",
        sheet: "Savings",
        cell: "A1",
        message: "The settings were ignored: damaged.",
        table: "",
      },
    ]);
  });

  it("reports a declared table that cannot be read, on its sheet", () => {
    const settings: Settings = {
      version: 1,
      tables: [{ sheet: "savings", range: "C1:C2", kind: "figures", columns: { C: "figure" } }],
    };
    expect(only(check(sheet, { settings }), "settings-invalid").map((f) => [f.sheet, f.cell, f.message])).toEqual([
      ["Savings", "A1", "settings.tables[0]: its rows hold no figures in the columns it declares"],
    ]);
  });

  it("is silent when the settings are sound", () => {
    expect(only(check(sheet, { settings: { version: 1 } }), "settings-invalid")).toEqual([]);
  });
});
