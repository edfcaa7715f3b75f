/**
 * Every custom function through src/functions/functions.ts, as Excel calls it, on the seeds' own
 * figures (SPEC §3): Hampshire Tt2019 Table 1 (£000) and the Tt2017 workstreams (£m).
 */
import fc from "fast-check";
import { FUNCTION_ARGS, FUNCTION_IDS, FunctionId, acceptsRange, passedAsRange } from "../../src/core/function-args";
import { asNumber, plain, referenceRatio } from "../support/reference";
import { CustomFunctionError, cell, column, errorCell, outcome, thrown, value } from "./excel";

/** Tt2019 Table 1 as printed: budget, full-year saving, stated % ("NA" where the report says NA). */
const TABLE_1: [string, number | string, number | string, number | string][] = [
  ["Children's Social Care Transformation", 87282, 21890, 25.1],
  ["Children with Disabilities", 17514, 3000, 17.1],
  ["School Improvement Services", "1,368*", 59, 4.3],
  ["Education High Needs", 6695, 979, 14.6],
  ["Home to School Transport", 28241, "2,800**", 9.9],
  ["Support Services", 7813, 904, 11.6],
  ["Maximising Efficiencies/ Enabling Productivity", "NA", 500, "NA"],
];
const TABLE_1_TOTAL = { budget: 148913, saving: 30132, pct: 20.2 };

/** Tt2017 workstreams (£m), with the footnoted `3.2 ¹` as typed. */
const TT2017: [string, number, number | string, number][] = [
  ["Social care transformation", 52.5, 4.0, 7.6],
  ["Children with Disabilities (CWD) remodelling", 21.3, "3.2 ¹", 15.0],
  ["Family Support Services remodelling", 13.4, 8.4, 62.7],
  ["Children Looked After placements review", 23.1, 1.6, 6.9],
  ["SEN, Educational Psychology, Home to School Transport (SEN)", 22.0, 3.6, 16.4],
  ["School improvement services remodelling", 4.4, 1.0, 22.7],
  ["Support functions review", 12.9, 1.5, 11.6],
  ["Sub-Total - Workstreams", 149.6, 23.3, 15.6],
  ["TOTAL", 161.4, 23.3, 14.4],
];

const budgets = (rows: { 1: unknown }[]) => column(...rows.map((row) => row[1]));
const savings = (rows: { 2: unknown }[]) => column(...rows.map((row) => row[2]));

describe("SAVINGS.PCT", () => {
  it("SAVINGS.PCT(87282, 21890, 1) = 25.1, with single values as Excel passes them (1×1 ranges) and as plain values", () => {
    expect(value("SAVINGS.PCT", cell(87282), cell(21890), 1)).toEqual([[25.1]]);
    expect(value("SAVINGS.PCT", 87282, 21890, 1)).toEqual([[25.1]]);
  });

  it.each(TABLE_1.filter((row) => row[3] !== "NA"))(
    "Table 1, %s: %s and %s give the stated %s%%",
    (_, budget, saving, stated) => {
      expect(value("SAVINGS.PCT", cell(budget), cell(saving), 1)).toEqual([[stated]]);
    },
  );

  it("Table 1 TOTAL: 30,132 of 148,913 is 20.2%", () => {
    expect(value("SAVINGS.PCT", cell(TABLE_1_TOTAL.budget), cell(TABLE_1_TOTAL.saving), 1)).toEqual([
      [TABLE_1_TOTAL.pct],
    ]);
  });

  it("the 7-row Table 1 column spills 7 results, the NA budget as that row's #N/A", () => {
    const result = value("SAVINGS.PCT", budgets(TABLE_1), savings(TABLE_1), 1) as unknown[][];
    expect(result).toHaveLength(7);
    expect(result.slice(0, 6)).toEqual(TABLE_1.slice(0, 6).map((row) => [row[3]]));
    expect(result[6][0]).toEqual(new CustomFunctionError("#N/A", "budget is not applicable ('NA')"));
  });

  it("the Tt2017 workstreams (£m, one figure typed as text with a footnote) give the slide's percentages", () => {
    expect(value("SAVINGS.PCT", budgets(TT2017), savings(TT2017), 1)).toEqual(TT2017.map((row) => [row[3]]));
  });

  it("is unrounded when decimals is omitted, and rounds half away from zero like ROUND", () => {
    expect(value("SAVINGS.PCT", cell(87282), cell(21890), null)).toEqual([[(21890 * 100) / 87282]]);
    expect(value("SAVINGS.PCT", cell(200), cell(1), 0)).toEqual([[1]]);
    expect(value("SAVINGS.PCT", cell(200), cell(-1), 0)).toEqual([[-1]]);
    expect(value("SAVINGS.PCT", cell(200000), cell(70999.99), 0)).toEqual([[35]]);
  });

  it("a row of budgets against one saving broadcasts, as Excel does", () => {
    expect(value("SAVINGS.PCT", [[87282, 17514]], cell(3000), 1)).toEqual([[3.4, 17.1]]);
  });

  it("a row against a column spreads both, as Excel's ={1000,2000}/{100;300} does: SAVINGS.PCT({1000,2000},{100;300},1)", () => {
    expect(value("SAVINGS.PCT", [[1000, 2000]], column(100, 300), 1)).toEqual([
      [10, 5],
      [30, 15],
    ]);
  });
});

describe("SAVINGS.TOTAL", () => {
  it("adds Table 1's savings column, 2,800** included, to 30,132", () => {
    expect(value("SAVINGS.TOTAL", savings(TABLE_1))).toBe(30132);
  });

  it("adds Table 1's budget column with 1,368* read and NA as 0 to 148,913", () => {
    expect(value("SAVINGS.TOTAL", budgets(TABLE_1))).toBe(148913);
  });

  it("adds the Tt2017 workstreams' savings (3.2 ¹ included) to exactly 23.3, where float sums give 23.300000000000004", () => {
    expect(value("SAVINGS.TOTAL", savings(TT2017.slice(0, 7)))).toBe(23.3);
    expect(value("SAVINGS.TOTAL", budgets(TT2017.slice(0, 7)))).toBe(149.6);
  });

  it("counts n/a, -, blanks and nil as 0, and adds a 2-D range cell by cell", () => {
    expect(value("SAVINGS.TOTAL", column(11.8, "n/a", "-", "", null, "nil"))).toBe(11.8);
    expect(
      value("SAVINGS.TOTAL", [
        [0.1, 0.2],
        ["(1,250)", "1,368*"],
      ]),
    ).toBe(118.3);
  });
});

describe("SAVINGS.GAP", () => {
  it("SAVINGS.GAP(30100, 30132) = -32: the £30.1m target is met with £32k to spare", () => {
    expect(value("SAVINGS.GAP", cell(30100), cell(30132))).toEqual([[-32]]);
  });
  it("is positive for a shortfall, and takes ranges", () => {
    expect(value("SAVINGS.GAP", column(30100, 4000), column(29000, 4050))).toEqual([[1100], [-50]]);
  });
});

describe("SAVINGS.PARSE", () => {
  it.each([
    ["£4.462m", null, 4462000],
    ["£189k", null, 189000],
    ["£30.1m", "£000", 30100],
    ["£30.1m", "£m", 30.1],
    ["2,800**", null, 2800],
    ["3.2 ¹", null, 3.2],
    ["(1,250)", null, -1250],
    ["£940k", "£m", 0.94],
  ])("SAVINGS.PARSE(%j, %j) = %d", (text, unit, expected) => {
    expect(value("SAVINGS.PARSE", cell(text), unit)).toEqual([[expected]]);
  });
  it("reads a range of text amounts into a range of numbers", () => {
    expect(value("SAVINGS.PARSE", column("£4.462m", "NA", "£1.8m"), "£000")).toEqual([[4462], [0], [1800]]);
  });
});

describe("SAVINGS.CONVERT", () => {
  it('SAVINGS.CONVERT(30132, "£000", "£m") = 30.132', () => {
    expect(value("SAVINGS.CONVERT", cell(30132), "£000", "£m")).toEqual([[30.132]]);
  });
  it("converts the other ways, exactly, and takes ranges", () => {
    expect(value("SAVINGS.CONVERT", cell(4.462), "£m", "£")).toEqual([[4462000]]);
    expect(value("SAVINGS.CONVERT", column(87282, 17514, 1368), "£000", "£m")).toEqual([[87.282], [17.514], [1.368]]);
  });
});

describe("SAVINGS.PHASE", () => {
  const firstOctober2017 = 43009; // Excel's serial for 1 October 2017
  it("£1.2m from 1 October 2017 is £0.6m in 2017/18 (6 months of 12)", () => {
    expect(value("SAVINGS.PHASE", cell(1.2), "2017-10-01", "2017/18")).toEqual([[0.6]]);
    expect(value("SAVINGS.PHASE", cell(1.2), firstOctober2017, "2017/18")).toEqual([[0.6]]);
    expect(value("SAVINGS.PHASE", cell(1200000), "01/10/2017", null)).toEqual([[600000]]);
  });
  it("counts in full in a later year and not at all in an earlier one", () => {
    expect(value("SAVINGS.PHASE", cell(1.2), firstOctober2017, "2018/19")).toEqual([[1.2]]);
    expect(value("SAVINGS.PHASE", cell(1.2), firstOctober2017, "2016/17")).toEqual([[0]]);
  });
  it("phases a column of full-year savings", () => {
    expect(value("SAVINGS.PHASE", column(4.0, 3.2, 8.4), "2017-10-01", "2017/18")).toEqual([[2], [1.6], [4.2]]);
  });
});

describe("SAVINGS.FY and SAVINGS.FYNEXT", () => {
  it("SAVINGS.FY of a date is its financial-year label", () => {
    expect(value("SAVINGS.FY", 43009)).toBe("2017/18");
    expect(value("SAVINGS.FY", "2017-03-31")).toBe("2016/17");
    expect(value("SAVINGS.FY", "01/04/2017")).toBe("2017/18");
  });
  it('SAVINGS.FYNEXT("2015/16") = "2016/17", in every form the reports write years', () => {
    expect(value("SAVINGS.FYNEXT", "2015/16")).toBe("2016/17");
    expect(value("SAVINGS.FYNEXT", "2015/16", null)).toBe("2016/17");
    expect(value("SAVINGS.FYNEXT", "15/16", 2)).toBe("2017/18");
    expect(value("SAVINGS.FYNEXT", "FY2015/16", -1)).toBe("2014/15");
    expect(value("SAVINGS.FYNEXT", "2018-2019", 1)).toBe("2019/20");
    expect(value("SAVINGS.FYNEXT", "2099/00", 1)).toBe("2100/01");
  });
});

describe("CLA.*", () => {
  // Populations are illustrative (about the size of Hampshire's and Hertfordshire's under-18s); the rates,
  // the 410 fewer children, £17.9m and £893 a week are the reports'.
  it("CLA.RATE is children per 10,000 children: Hampshire's target of 31", () => {
    expect(value("CLA.RATE", cell(870), cell(280000), 1)).toEqual([[31.1]]);
    expect(value("CLA.RATE", cell(868), cell(280000), 0)).toEqual([[31]]);
    expect(value("CLA.RATE", column(870, 1092), column(280000, 280000), 1)).toEqual([[31.1], [39]]);
  });
  it("CLA.CHILDREN is the number of children a rate implies", () => {
    expect(value("CLA.CHILDREN", cell(31), cell(280000))).toEqual([[868]]);
  });
  it("CLA.REDUCTION: Hertfordshire planned 39 to 34 per 10,000, 135 fewer children in 270,000", () => {
    const now = (value("CLA.CHILDREN", cell(39), cell(270000)) as number[][])[0][0];
    expect(now).toBe(1053);
    expect(value("CLA.REDUCTION", cell(now), cell(34), cell(270000))).toEqual([[135]]);
    expect(value("CLA.REDUCTION", cell(800), cell(31), cell(280000))).toEqual([[-68]]);
  });
  it("CLA.COST: Hertfordshire's £893 a week per child is £46,436 a year", () => {
    expect(value("CLA.COST", cell(893), cell(1))).toEqual([[46436]]);
    expect(value("CLA.COST", cell(893), cell(1), 52)).toEqual([[46436]]);
    expect(value("CLA.COST", cell(893), column(10, 135), 52)).toEqual([[464360], [6268860]]);
    expect(value("CLA.COST", cell(893), cell(1), 52.18)).toEqual([[46596.74]]);
  });
  it("CLA.SAVING: Hampshire's 410 fewer children at about £840 a week is £17.9m", () => {
    expect(value("CLA.SAVING", cell(410), cell(840))).toEqual([[17908800]]);
    const saving = (value("CLA.SAVING", cell(410), cell(840)) as number[][])[0][0];
    expect(value("SAVINGS.CONVERT", cell(saving), "£", "£m")).toEqual([[17.9088]]);
  });
});

describe("ranges in, ranges out", () => {
  /** Good single-cell arguments for each function. */
  const GOOD: Record<FunctionId, unknown[]> = {
    "SAVINGS.PCT": [87282, 21890, 1],
    "SAVINGS.TOTAL": [21890],
    "SAVINGS.GAP": [30100, 30132],
    "SAVINGS.PARSE": ["£4.462m", "£"],
    "SAVINGS.CONVERT": [30132, "£000", "£m"],
    "SAVINGS.PHASE": [1.2, "2017-10-01", "2017/18"],
    "SAVINGS.FY": ["2017-10-01"],
    "SAVINGS.FYNEXT": ["2015/16", 1],
    "CLA.RATE": [870, 280000, 1],
    "CLA.CHILDREN": [31, 280000],
    "CLA.REDUCTION": [1053, 34, 270000],
    "CLA.COST": [893, 1, 52],
    "CLA.SAVING": [410, 840, 52],
  };
  const spilling = FUNCTION_IDS.filter((id) => FUNCTION_ARGS[id].some(acceptsRange));

  it.each(spilling)("%s: a 7-row column in its first range argument spills 7 results, each its row's", (id) => {
    const specs = FUNCTION_ARGS[id];
    const at = specs.findIndex(acceptsRange);
    const args = GOOD[id].map((arg, i) => (acceptsRange(specs[i]) ? cell(arg) : arg));
    const single = (value(id, ...args) as number[][])[0][0];
    args[at] = column(...Array(7).fill(GOOD[id][at]));
    expect(value(id, ...args)).toEqual(Array(7).fill([single]));
  });

  it.each(spilling)("%s: an error cell in a range gives that cell's error, the other cells their results", (id) => {
    const specs = FUNCTION_ARGS[id];
    const at = specs.findIndex(acceptsRange);
    const args = GOOD[id].map((arg, i) => (acceptsRange(specs[i]) ? cell(arg) : arg));
    args[at] = column(GOOD[id][at], errorCell("#DIV/0!"), GOOD[id][at]);
    const result = value(id, ...args) as unknown[][];
    expect(result).toHaveLength(3);
    expect(result[0]).toEqual(result[2]);
    expect(typeof result[0][0]).toBe("number");
    expect(result[1][0]).toEqual(new CustomFunctionError("#DIV/0!", `${specs[at].name} is the error #DIV/0!`));
  });

  it("SAVINGS.TOTAL of a range holding an error is that error, naming its row", () => {
    expect(thrown("SAVINGS.TOTAL", column(1, 2, errorCell("#REF!")))).toEqual({
      code: "#VALUE!",
      message: "range (row 3) is the error #REF!",
    });
    expect(thrown("SAVINGS.TOTAL", column(1, errorCell("#N/A")))).toEqual({
      code: "#N/A",
      message: "range (row 2) is the error #N/A",
    });
  });

  describe("an empty cell arrives as 0 (desktop) or null (the web): the same result either way", () => {
    // The optional numbers (decimals, n, weeks) are the exceptions: there null is left out, 0 is 0 (README).
    const optionalNumber = new Set(["decimals", "years", "weeks"]);
    const cases = FUNCTION_IDS.flatMap((id) =>
      FUNCTION_ARGS[id].flatMap((spec, i) => (optionalNumber.has(spec.kind) ? [] : [[id, spec.name, i] as const])),
    );
    it.each(cases)("%s, %s", (id, _, i) => {
      const specs = FUNCTION_ARGS[id];
      const wrap = (arg: unknown, j: number) => (passedAsRange(specs[j]) ? cell(arg) : arg);
      const withEmpty = (empty: null | 0) => GOOD[id].map((arg, j) => wrap(j === i ? empty : arg, j));
      expect(outcome(id, ...withEmpty(0))).toEqual(outcome(id, ...withEmpty(null)));
    });
    it("the optional numbers are exactly decimals, n and weeks", () => {
      const optional = FUNCTION_IDS.flatMap((id) =>
        FUNCTION_ARGS[id].filter((spec) => "optional" in spec && !["unit", "fy"].includes(spec.kind)),
      );
      expect(new Set(optional.map((spec) => spec.kind))).toEqual(optionalNumber);
    });
    it("an empty weeks cell: 52 on the web (null), #NUM! on desktop (0 weeks), saying how to get 52", () => {
      expect(value("CLA.COST", cell(893), cell(1), null)).toEqual([[46436]]);
      expect(thrown("CLA.COST", cell(893), cell(1), 0)).toEqual({
        code: "#NUM!",
        message: "weeks must be from 1 to 53, got 0 (Excel desktop passes an empty cell as 0): leave weeks out for 52",
      });
    });
    it("inside a range too", () => {
      expect(value("SAVINGS.TOTAL", column(1, 0, 2))).toBe(value("SAVINGS.TOTAL", column(1, null, 2)));
      expect(value("SAVINGS.PCT", column(100, 200), column(0, 5), 1)).toEqual(
        value("SAVINGS.PCT", column(100, 200), column(null, 5), 1),
      );
    });
  });

  describe("an omitted optional argument arrives as null (or not at all): its default", () => {
    it.each([
      ["SAVINGS.PCT", [cell(87282), cell(21890)], [[(21890 * 100) / 87282]]],
      ["SAVINGS.PARSE", [cell("£4.462m")], [[4462000]]],
      ["SAVINGS.PHASE", [cell(1.2), "2017-10-01"], [[0.6]]],
      ["SAVINGS.FYNEXT", ["2015/16"], "2016/17"],
      ["CLA.RATE", [cell(870), cell(280000)], [[(870 * 10000) / 280000]]],
      ["CLA.COST", [cell(893), cell(1)], [[46436]]],
      ["CLA.SAVING", [cell(410), cell(840)], [[17908800]]],
    ] as [FunctionId, unknown[], unknown][])("%s", (id, args, expected) => {
      expect(value(id, ...args)).toEqual(expected);
      expect(value(id, ...args, null)).toEqual(expected);
      expect(value(id, ...args, undefined)).toEqual(expected);
    });
  });
});

describe("through the add-in's own path, against an independent BigInt reference", () => {
  /** A figure typed with 0 to 3 decimals: its scaled integer and its scale. */
  const figure = (max: number) =>
    fc.record({ units: fc.bigInt({ min: BigInt(0), max: BigInt(max) }), scale: fc.integer({ min: 0, max: 3 }) });

  it("SAVINGS.PCT and CLA.RATE at 0 to 3 decimals, as numbers (the fast path) and as text (the Decimal path)", () => {
    fc.assert(
      fc.property(figure(1e9), figure(1e9), fc.integer({ min: 0, max: 3 }), (top, bottom, places) => {
        if (bottom.units === BigInt(0)) return;
        const pct = Number(referenceRatio(top, bottom, 2, places));
        expect(value("SAVINGS.PCT", cell(asNumber(bottom)), cell(asNumber(top)), places)).toEqual([[pct]]);
        expect(value("SAVINGS.PCT", cell(plain(bottom.units, bottom.scale)), cell(asNumber(top)), places)).toEqual([
          [pct],
        ]);
        if (asNumber(top) > asNumber(bottom)) return; // more children than the population is #NUM!
        const rate = Number(referenceRatio(top, bottom, 4, places));
        expect(value("CLA.RATE", cell(asNumber(top)), cell(asNumber(bottom)), places)).toEqual([[rate]]);
        expect(value("CLA.RATE", cell(plain(top.units, top.scale)), cell(asNumber(bottom)), places)).toEqual([[rate]]);
      }),
      { numRuns: 3000 },
    );
  });

  it("a rate that is 35.4999… before rounding is 35 at 0 decimals, never 36 (no double rounding)", () => {
    expect(value("CLA.RATE", cell(709999), cell(200000000), 0)).toEqual([[35]]);
    expect(value("SAVINGS.PCT", cell(200000), cell(70999.99), 0)).toEqual([[35]]);
  });

  it("SAVINGS.TOTAL of random £000 amounts (3 decimals, as numbers or typed as text) is exact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: BigInt(-1e12), max: BigInt(1e12) }), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        (units, asText) => {
          const cells = units.map((u) => (asText ? plain(u, 3) : Number(plain(u, 3))));
          const exact = plain(
            units.reduce((a, b) => a + b, BigInt(0)),
            3,
          );
          expect(value("SAVINGS.TOTAL", column(...cells))).toBe(Number(exact));
        },
      ),
      { numRuns: 500 },
    );
  });
});
