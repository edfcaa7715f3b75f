#!/usr/bin/env node
/**
 * Makes examples/savings-proposals-draft2.xlsx: the next draft of the demo's workbook
 * (examples/savings-proposals.xlsx), as the officers might send it to Cabinet after review, for
 * `savings-check compare` (README "What changed since the last draft", `npm run demo`):
 *   Table 1   Children's Social Care Transformation saving 21,890 -> 22,400 (and its %);
 *             Education High Needs % corrected (16.4 -> 14.6); Home to School Transport line
 *             removed (the rows below move up one); TOTAL retyped; savings target 31,500 -> 27,800
 *   Phasing   the third year's heading corrected (2018/19 -> 2019/20), the #DIV/0! replaced by 20,
 *             Children's Social Care Transformation's 2019/20 phasing 6,000 -> 6,510
 *   Register  the second EEI030 renumbered EEI031 (a renamed line: its figures are the same)
 *
 * Run from the repository root after scripts/make-examples.js: `node scripts/make-second-draft.js`
 * (needs only exceljs). The output is committed; rerun after changing a step below.
 */
const ExcelJS = require("exceljs");
const { join, resolve } = require("path");

const ROOT = resolve(__dirname, "..");
const FIRST = join(ROOT, "examples/savings-proposals.xlsx");
const SECOND = join(ROOT, "examples/savings-proposals-draft2.xlsx");

/** Table 1's rows of the second draft, from the first draft's (null: an empty row). */
const TABLE1_ROWS = { 5: 5, 6: 6, 7: 7, 8: 8, 9: 10, 10: 11, 11: 12, 12: null, 13: 14, 14: null, 15: null, 16: 17, 17: null };

/** A formula with its row references moved as the rows were. */
function moveRows(formula) {
  const to = Object.fromEntries(Object.entries(TABLE1_ROWS).map(([now, was]) => [was, now]));
  return formula.replace(/([A-Z])(\d+)/g, (_, col, row) => `${col}${to[row] ?? row}`);
}

async function main() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIRST);

  const table1 = wb.getWorksheet("Table 1");
  const copies = Object.entries(TABLE1_ROWS).map(([now, was]) => ({
    now: Number(now),
    cells: [1, 2, 3, 4].map((c) => {
      const cell = was === null ? null : table1.getRow(was).getCell(c);
      return cell === null ? null : { value: cell.value, style: { ...cell.style } };
    }),
  }));
  for (const { now, cells } of copies)
    cells.forEach((copy, i) => {
      const cell = table1.getRow(now).getCell(i + 1);
      cell.value = null;
      if (copy === null) return;
      const v = copy.value;
      cell.value = v && typeof v === "object" && "formula" in v ? { ...v, formula: moveRows(v.formula) } : v;
      cell.style = copy.style;
    });
  table1.getCell("C5").value = 22400;
  table1.getCell("D5").value = { formula: "ROUND(C5/B5*100,1)", result: 25.7 };
  table1.getCell("D8").value = { formula: "ROUND(C8/B8*100,1)", result: 14.6 };
  table1.getCell("B11").value = { formula: "SUM(B5:B10)", result: 120672 };
  table1.getCell("C11").value = 27842;
  table1.getCell("D11").value = 23.1;
  table1.getCell("B16").value = 27800;

  const phasing = wb.getWorksheet("Phasing");
  phasing.getCell("D3").value = "2019/20";
  phasing.getCell("C6").value = 20;
  phasing.getCell("D4").value = 6510;
  phasing.getCell("E4").value = { formula: "SUM(B4:D4)", result: 22400 };
  phasing.getCell("D7").value = { formula: "SUM(D4:D6)", result: 7529 };
  phasing.getCell("E7").value = { formula: "SUM(E4:E6)", result: 25459 };

  wb.getWorksheet("Register").getCell("A6").value = "EEI031";

  await wb.xlsx.writeFile(SECOND);
  console.log(`wrote ${SECOND.slice(ROOT.length + 1)}`);
}

main().catch((error) => {
  console.error(`make-second-draft: ${error.message}`);
  process.exitCode = 1;
});
