/**
 * The two published Hampshire tables of test/fixtures/, cell for cell (values, formulas with
 * their cached results, number formats), as grids: the engine's tests need no file reader.
 */
import { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { Cell, grid } from "./build";

/** A sheet from its rows numbered as Excel numbers them (1-based); rows left out are empty. */
function sheet(name: string, rows: Record<number, Cell[]>): SheetGrid {
  const last = Math.max(...Object.keys(rows).map(Number));
  return grid(
    name,
    Array.from({ length: last }, (_, r) => rows[r + 1] ?? []),
  );
}

const m = (v: CellValue) => ({ v, fmt: "0.0" });
const k = (v: CellValue, fmt = "#,##0") => ({ v, fmt });
const pct = (v: number, row: number) => ({ v, f: `=ROUND(C${row}/B${row}*100,1)`, fmt: "0.0" });
const HEADERS = ["Workstream", "Total Budget", "Full Year Savings Proposals", "Savings Proposals as % of Budget"];

export function tt2017Sheet(): SheetGrid {
  return sheet("Tt2017 workstreams", {
    1: ["Children's Services Transformation to 2017 - Savings Proposals"],
    2: ["Children's Services 2015/16 budget: £161.4m"],
    4: HEADERS,
    5: ["", "£m", "£m", "%"],
    6: ["Social care transformation", m(52.5), m(4), m(7.6)],
    7: ["Children with Disabilities (CWD) remodelling", m(21.3), "3.2 ¹", m(15)],
    8: ["Family Support Services remodelling", m(13.4), m(8.4), m(62.7)],
    9: ["Children Looked After placements review", m(23.1), m(1.6), m(6.9)],
    10: [
      "Special Educational Needs (SEN), Hampshire Educational Psychology Service, Home to School Transport (SEN) remodelling",
      m(22),
      m(3.6),
      m(16.4),
    ],
    11: ["School improvement services remodelling", m(4.4), m(1), m(22.7)],
    12: ["Support functions review", m(12.9), m(1.5), m(11.6)],
    13: ["Sub-Total - Workstreams", m(149.6), m(23.3), m(15.6)],
    14: ["Mainstream home to school transport", m(11.8), "n/a", "n/a"],
    15: ["Sub-Total – Non-Workstreams", m(11.8), "n/a", "n/a"],
    16: ["TOTAL", m(161.4), m(23.3), m(14.4)],
    18: [
      "¹ This will be reconsidered in relation to the Shaping Hampshire - Spending Review Consultation feedback on short breaks (£1.8m).",
    ],
    20: ["Savings target", m(23.3), "£m"],
  });
}

export function tt2019Sheet(): SheetGrid {
  return sheet("Table 1", {
    1: ["Table 1. Children's Services workstreams and savings targets"],
    3: HEADERS,
    4: ["", "£000", "£000", "%"],
    5: ["Children's Social Care Transformation", k(87282), k(21890), pct(25.1, 5)],
    6: ["Children with Disabilities", k(17514), k(3000), pct(17.1, 6)],
    7: ["School Improvement Services", k(1368, '#,##0"*"'), k(59), pct(4.3, 7)],
    8: ["Education High Needs", k(6695), k(979), pct(14.6, 8)],
    9: ["Home to School Transport", k(28241), k("2,800**"), m(9.9)],
    10: ["Support Services", k(7813), k(904), pct(11.6, 10)],
    11: ["Maximising Efficiencies/ Enabling Productivity", "NA", k(500), "NA"],
    12: ["TOTAL", { v: 148913, f: "=SUM(B5:B11)", fmt: "#,##0" }, k(30132), m(20.2)],
    14: [
      "*The majority of this funding now comes from direct Government School Improvement Grant (£940k in 2017/18) and has to be used on school improvement activities. Therefore savings cannot be taken from this element of the budget.",
    ],
    15: [
      "** Savings planned total £4.05m. An element of this will be required to address the underlying business pressure with the remaining £2.8m contributing to the Tt2019 programme.",
    ],
    17: ["Savings target", k(30100), "£000"],
  });
}

export function tt2017Workbook(): WorkbookGrid {
  return { sheets: [tt2017Sheet()] };
}

export function tt2019Workbook(): WorkbookGrid {
  return { sheets: [tt2019Sheet()] };
}
