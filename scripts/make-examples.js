#!/usr/bin/env node
/**
 * Makes the workbooks with planted faults from the two fixtures (test/fixtures/*.xlsx):
 *   examples/savings-proposals.xlsx          the demo's workbook (`npm run demo`), several faults at once
 *   test/fixtures/planted/<name>.xlsx        one or two faults each, for test/cli/planted.test.ts
 * and beside each an <name>.expected.json listing the planted faults: the finding (rule, sheet,
 * cell) that each must produce. A fault can have consequences elsewhere (a changed total also
 * makes its % wrong): those are found too, but only the planted cells are listed.
 *
 * Run from the repository root: `node scripts/make-examples.js` (needs only exceljs). The outputs
 * are committed; rerun after changing a plan below.
 */
const ExcelJS = require("exceljs");
const { mkdirSync, writeFileSync } = require("fs");
const { basename, join, resolve } = require("path");

const ROOT = resolve(__dirname, "..");
const TT2017 = join(ROOT, "test/fixtures/hampshire-tt2017-workstreams.xlsx");
const TT2019 = join(ROOT, "test/fixtures/hampshire-tt2019-table1.xlsx");
const PLANTED = join(ROOT, "test/fixtures/planted");
const EXAMPLES = join(ROOT, "examples");

// ---- The faults. Each changes a copy of a fixture and names the finding it must cause. --------

/** A typed total that no longer adds up: TOTAL savings 30,132 typed as 30,312. */
const totalTransposed = {
  rule: "total-mismatch",
  sheet: "Table 1",
  cell: "C12",
  planted: "TOTAL of Full Year Savings typed as 30,312 (its rows add to 30,132)",
  apply: (wb) => (wb.getWorksheet("Table 1").getCell("C12").value = 30312),
};

/** A % typed over its formula with the digits swapped: 16.4 for 979 / 6,695 = 14.6%. */
const pctTyped = {
  rule: "pct-mismatch",
  sheet: "Table 1",
  cell: "D8",
  planted: "Education High Needs % typed as 16.4 over its formula (979 / 6,695 = 14.6%)",
  apply: (wb) => (wb.getWorksheet("Table 1").getCell("D8").value = 16.4),
};

/** The target raised above what the proposals deliver. */
const targetRaised = {
  rule: "target-shortfall",
  sheet: "Table 1",
  cell: "B17",
  planted: "Savings target 31,500 against proposals of 30,132",
  apply: (wb) => (wb.getWorksheet("Table 1").getCell("B17").value = 31500),
};

/** A saving larger than its budget: Support Services 904 typed as 9,040 (budget 7,813). */
const savingOverBudget = {
  rule: "saving-exceeds-budget",
  sheet: "Table 1",
  cell: "C10",
  planted: "Support Services saving typed as 9,040 against a budget of 7,813",
  apply: (wb) => (wb.getWorksheet("Table 1").getCell("C10").value = 9040),
};

/** A sub-total typed with two digits swapped: 194.6 for 149.6. */
const subtotalSwapped = {
  rule: "subtotal-mismatch",
  sheet: "Tt2017 workstreams",
  cell: "B13",
  planted: "Sub-Total - Workstreams budget typed as 194.6 (its rows add to 149.6)",
  apply: (wb) => (wb.getWorksheet("Tt2017 workstreams").getCell("B13").value = 194.6),
};

/** A saving whose cell shows #REF! (a formula pointing at a deleted row). */
const refError = {
  rule: "cell-error",
  sheet: "Tt2017 workstreams",
  cell: "C9",
  planted: "Children Looked After placements review saving shows #REF!",
  apply: (wb) =>
    (wb.getWorksheet("Tt2017 workstreams").getCell("C9").value = { formula: "#REF!*1", result: { error: "#REF!" } }),
};

/** A wrong % in the Tt2017 table: Family Support Services 8.4 / 13.4 = 62.7%, stated 26.7. */
const pct2017 = {
  rule: "pct-mismatch",
  sheet: "Tt2017 workstreams",
  cell: "D8",
  planted: "Family Support Services % typed as 26.7 (8.4 / 13.4 = 62.7%)",
  apply: (wb) => (wb.getWorksheet("Tt2017 workstreams").getCell("D8").value = 26.7),
};

/**
 * A phasing sheet for Table 1's first three workstreams whose third year is typed as 2018/19
 * again (for 2019/20); and a cell of it that divides by zero.
 */
function phasingSheet(wb) {
  const ws = wb.addWorksheet("Phasing");
  ws.addRow(["Phasing of the savings by financial year (£000)"]);
  ws.addRow([]);
  ws.addRow(["Workstream", "2017/18", "2018/19", "2018/19", "Total"]);
  const lines = [
    ["Children's Social Care Transformation", 8000, 7890, 6000],
    ["Children with Disabilities", 1000, 1000, 1000],
    ["School Improvement Services", 20, 20, 19],
  ];
  for (const [label, ...years] of lines) {
    const r = ws.rowCount + 1;
    ws.addRow([label, ...years, { formula: `SUM(B${r}:D${r})`, result: years.reduce((a, b) => a + b, 0) }]);
  }
  const last = ws.rowCount;
  const columnTotal = (col, k) => ({
    formula: `SUM(${col}4:${col}${last})`,
    result: lines.reduce((sum, line) => sum + line[k], 0),
  });
  const grandTotal = lines.reduce((sum, [, ...years]) => sum + years.reduce((a, b) => a + b, 0), 0);
  ws.addRow([
    "TOTAL",
    columnTotal("B", 1),
    columnTotal("C", 2),
    columnTotal("D", 3),
    { formula: `SUM(E4:E${last})`, result: grandTotal },
  ]);
  ws.eachRow((row, r) => r >= 4 && row.eachCell((cell, c) => c > 1 && (cell.numFmt = "#,##0")));
  ws.getColumn(1).width = 40;
  return ws;
}

const fyTwice = {
  rule: "fy-duplicate",
  sheet: "Phasing",
  cell: "D3",
  planted: "Phasing header names 2018/19 twice (the third year should be 2019/20)",
  apply: (wb) => wb.getWorksheet("Phasing") ?? phasingSheet(wb),
};

const divideByZero = {
  rule: "cell-error",
  sheet: "Phasing",
  cell: "C6",
  planted: "School Improvement Services 2018/19 phasing shows #DIV/0!",
  apply: (wb) => {
    const ws = wb.getWorksheet("Phasing") ?? phasingSheet(wb);
    ws.getCell("C6").value = { formula: "59/0", result: { error: "#DIV/0!" } };
  },
};

/** A savings register where EEI030 is given to two different proposals. */
function registerSheet(wb) {
  const ws = wb.addWorksheet("Register");
  ws.addRow(["Ref", "Description", "Full Year Saving", "RAG", "EIA", "Consultation"]);
  ws.addRow(["", "", "£000", "", "", ""]);
  const lines = [
    ["EEI030", "Reduce agency social worker use", 1200, "Green", "Yes", "No"],
    ["SSS022", "Remodel short breaks for disabled children", 800, "Amber", "Yes", "Yes"],
    ["T3", "Home to school transport route review", 450, "Green", "Yes", "No"],
    ["EEI030", "Consolidate family support hubs", 650, "Red", "Yes", "Yes"],
  ];
  for (const line of lines) ws.addRow(line);
  ws.addRow(["TOTAL", "", { formula: `SUM(C3:C${2 + lines.length})`, result: lines.reduce((a, l) => a + l[2], 0) }]);
  for (let r = 3; r <= 3 + lines.length; r++) ws.getCell(`C${r}`).numFmt = "#,##0";
  ws.getColumn(2).width = 44;
  return ws;
}

const refTwice = {
  rule: "ref-duplicate",
  sheet: "Register",
  cell: "A6",
  planted: "Savings reference EEI030 used for a second, different proposal",
  apply: (wb) => wb.getWorksheet("Register") ?? registerSheet(wb),
};

// ---- The workbooks. -------------------------------------------------------------------------

const PLANS = [
  {
    out: join(EXAMPLES, "savings-proposals.xlsx"),
    from: TT2019,
    faults: [totalTransposed, pctTyped, targetRaised, fyTwice, divideByZero, refTwice],
  },
  { out: join(PLANTED, "tt2019-total.xlsx"), from: TT2019, faults: [totalTransposed] },
  { out: join(PLANTED, "tt2019-pct.xlsx"), from: TT2019, faults: [pctTyped] },
  { out: join(PLANTED, "tt2019-shortfall.xlsx"), from: TT2019, faults: [targetRaised] },
  { out: join(PLANTED, "tt2019-saving-over-budget.xlsx"), from: TT2019, faults: [savingOverBudget] },
  { out: join(PLANTED, "tt2019-phasing.xlsx"), from: TT2019, faults: [fyTwice, divideByZero] },
  { out: join(PLANTED, "tt2019-register.xlsx"), from: TT2019, faults: [refTwice] },
  { out: join(PLANTED, "tt2017-subtotal.xlsx"), from: TT2017, faults: [subtotalSwapped] },
  { out: join(PLANTED, "tt2017-error-and-pct.xlsx"), from: TT2017, faults: [refError, pct2017] },
];

async function main() {
  mkdirSync(PLANTED, { recursive: true });
  mkdirSync(EXAMPLES, { recursive: true });
  for (const plan of PLANS) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan.from);
    for (const fault of plan.faults) fault.apply(wb);
    await wb.xlsx.writeFile(plan.out);
    const expected = {
      source: `test/fixtures/${basename(plan.from)}`,
      findings: plan.faults.map(({ rule, sheet, cell, planted }) => ({ rule, sheet, cell, planted })),
    };
    writeFileSync(plan.out.replace(/\.xlsx$/, ".expected.json"), JSON.stringify(expected, null, 2) + "\n");
    console.log(`wrote ${plan.out.slice(ROOT.length + 1)} (${plan.faults.length} planted)`);
  }
}

main().catch((error) => {
  console.error(`make-examples: ${error.message}`);
  process.exitCode = 1;
});
