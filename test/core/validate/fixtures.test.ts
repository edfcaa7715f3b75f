/**
 * The two published Hampshire tables (test/fixtures/*.xlsx, as grids in fixture-grids.ts) are
 * correct tables: both come out ready for committee, and their exact findings are pinned in
 * expected/*.json (regenerate by hand, after reading the difference, when a rule changes).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Finding } from "../../../src/core/findings";
import { validateWorkbook } from "../../../src/core/validate";
import { tt2017Workbook, tt2019Workbook } from "./fixture-grids";

function expected(name: string): Finding[] {
  return JSON.parse(readFileSync(join(__dirname, "expected", name), "utf8"));
}

describe.each([
  { name: "Tt2017 workstreams", workbook: tt2017Workbook, file: "tt2017.json", asText: "C7", margin: "0.0" },
  { name: "Tt2019 Table 1", workbook: tt2019Workbook, file: "tt2019.json", asText: "C9", margin: "32" },
])("$name", ({ workbook, file, asText, margin }) => {
  const result = validateWorkbook(workbook());

  it("is ready for committee, with no error finding", () => {
    expect(result.ready).toBe(true);
    expect(result.counts.error).toBe(0);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("finds the summary and the target", () => {
    expect(result.tables.map((t) => t.kind)).toEqual(["workstream-summary", "target"]);
  });

  it("flags the number typed as text", () => {
    expect(result.findings.filter((f) => f.rule === "number-as-text").map((f) => f.cell)).toEqual([asText]);
  });

  it("matches every footnote marker to its footnote", () => {
    expect(result.findings.filter((f) => f.rule === "footnote-undefined")).toEqual([]);
  });

  it("meets the target, with its margin", () => {
    const met = result.findings.filter((f) => f.rule === "target-met");
    expect(met).toHaveLength(1);
    expect(met[0].message).toMatch(new RegExp(`with a margin of ${margin.replace(".", "\\.")}\\.$`));
    expect(result.findings.filter((f) => f.rule === "target-shortfall")).toEqual([]);
  });

  it("gives exactly the pinned findings, and counts that match them", () => {
    expect(result.findings).toEqual(expected(file));
    expect(result.counts).toEqual({
      error: 0,
      warning: result.findings.filter((f) => f.severity === "warning").length,
      info: result.findings.filter((f) => f.severity === "info").length,
    });
  });
});
