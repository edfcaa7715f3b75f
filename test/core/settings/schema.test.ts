/**
 * schema/settings.schema.json and the hand-written check agree: on the same examples, both take
 * or both refuse; and the schema names every rule and concept the engine knows.
 */
import Ajv from "ajv";
import { readFileSync } from "fs";
import { join } from "path";
import { RULE_IDS } from "../../../src/core/findings";
import { checkSettings } from "../../../src/core/settings/check";
import { VOCABULARY } from "../../../src/core/validate/vocabulary";

const schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "schema", "settings.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

const table = {
  sheet: "Savings",
  range: "A3:D9",
  kind: "workstream-summary",
  columns: { A: "label", B: "budget", C: "saving" },
};
const accepted = {
  rule: "total-mismatch",
  sheet: "Savings",
  cell: "C9",
  value: "30312",
  reason: "Transfer",
  by: "",
  at: "2026-12-01",
};

const good: object[] = [
  { version: 1 },
  { $schema: "../schema/settings.schema.json", version: 1 },
  { version: 1, tables: [table] },
  { version: 1, tables: [{ ...table, unit: "£m", kind: "phasing", columns: { A: "label", B: "year:2024/25" } }] },
  { version: 1, tables: [{ ...table, columns: {} }] },
  { version: 1, words: { saving: ["arbedion"], eia: ["equality screening"] } },
  {
    version: 1,
    rules: {
      "pct-mismatch": "warning",
      "hardcoded-total": "off",
      "high-saving-share": { severity: "error", threshold: 0.6 },
    },
  },
  { version: 1, rules: { "eia-missing": { severity: "error" }, "high-saving-share": { threshold: 1 } } },
  { version: 1, skipSheets: ["Notes"], accepted: [accepted] },
];

const bad: object[] = [
  {},
  { version: 2 },
  { version: 1, extra: true },
  { version: 1, tables: {} },
  { version: 1, tables: [{ ...table, kind: "budget" }] },
  { version: 1, tables: [{ ...table, range: "A3-D9" }] },
  { version: 1, tables: [{ ...table, columns: { A: "label", b: "budget" } }] },
  { version: 1, tables: [{ ...table, columns: { A: "label", B: "pounds" } }] },
  { version: 1, tables: [{ ...table, columns: { A: "label", B: "rag" } }] },
  { version: 1, tables: [{ ...table, unit: "$m" }] },
  { version: 1, tables: [{ ...table, colour: "red" }] },
  { version: 1, tables: [{ sheet: "Savings", range: "A3:D9", kind: "figures" }] },
  { version: 1, tables: [{ ...table, sheet: " " }] },
  { version: 1, words: { savings: ["x"] } },
  { version: 1, words: { saving: "arbedion" } },
  { version: 1, words: { saving: [""] } },
  { version: 1, rules: { "no-such-rule": "off" } },
  { version: 1, rules: { "pct-mismatch": "loud" } },
  { version: 1, rules: { "pct-mismatch": { threshold: 0.5 } } },
  { version: 1, rules: { "high-saving-share": { threshold: 0 } } },
  { version: 1, rules: { "high-saving-share": { threshold: 1.5 } } },
  { version: 1, rules: { "high-saving-share": { level: "error" } } },
  { version: 1, skipSheets: "Notes" },
  { version: 1, accepted: [{ ...accepted, reason: "" }] },
  { version: 1, accepted: [{ ...accepted, cell: "C9:D9" }] },
  { version: 1, accepted: [{ ...accepted, rule: "made-up" }] },
  { version: 1, accepted: [{ ...accepted, value: 30312 }] },
  { version: 1, accepted: [{ ...accepted, note: "x" }] },
  { version: 1, accepted: [{ rule: "total-mismatch", sheet: "Savings", cell: "C9" }] },
];

describe("the settings schema", () => {
  it.each(good.map((g) => [JSON.stringify(g), g]))("and the check both take %s", (_, example) => {
    expect(checkSettings(example).problems).toEqual([]);
    expect(validate(example)).toBe(true);
  });

  it.each(bad.map((b) => [JSON.stringify(b), b]))("and the check both refuse %s", (_, example) => {
    expect(checkSettings(example).problems).not.toEqual([]);
    expect(validate(example)).toBe(false);
  });

  it("names every rule and concept the engine knows", () => {
    expect(schema.definitions.accepted.properties.rule.enum).toEqual(RULE_IDS);
    expect(schema.properties.rules.propertyNames.enum).toEqual(RULE_IDS);
    expect(schema.properties.words.propertyNames.enum).toEqual(VOCABULARY.map((c) => c.concept));
  });
});
