import fc from "fast-check";
import { Decimal, decimalFromNumber, formatPlain, toNumber } from "../../src/core/decimal";
import { FunctionError } from "../../src/core/excel-errors";
import {
  savingsConvert,
  savingsFy,
  savingsFyNext,
  savingsGap,
  savingsParse,
  savingsPct,
  savingsPctOfNumbers,
  savingsPhase,
  savingsTotal,
} from "../../src/core/savings";
import { asNumber, plain, referenceRatio } from "../support/reference";

const d = (value: string | number) => new Decimal(value);

/** Hampshire Tt2019 Table 1 (£000) and Tt2017 workstreams (£m): budget, saving, stated %. */
const SEED_PERCENTAGES: [string, string, string][] = [
  ["87282", "21890", "25.1"],
  ["17514", "3000", "17.1"],
  ["1368", "59", "4.3"],
  ["6695", "979", "14.6"],
  ["28241", "2800", "9.9"],
  ["7813", "904", "11.6"],
  ["148913", "30132", "20.2"],
  ["52.5", "4.0", "7.6"],
  ["21.3", "3.2", "15.0"],
  ["13.4", "8.4", "62.7"],
  ["23.1", "1.6", "6.9"],
  ["22.0", "3.6", "16.4"],
  ["4.4", "1.0", "22.7"],
  ["12.9", "1.5", "11.6"],
  ["149.6", "23.3", "15.6"],
  ["161.4", "23.3", "14.4"],
];

function expectFunctionError(run: () => unknown, code: string, message: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionError);
    expect((error as FunctionError).code).toBe(code);
    expect((error as FunctionError).message).toBe(message);
    return;
  }
  throw new Error("expected a FunctionError");
}

describe("savingsPct", () => {
  it.each(SEED_PERCENTAGES)(
    "budget %s, saving %s is %s%% at 1 decimal, as the seeds state",
    (budget, saving, stated) => {
      expect(savingsPct(d(budget), d(saving), 1).equals(d(stated))).toBe(true);
    },
  );

  it("is unrounded without decimals", () => {
    expect(savingsPct(d(87282), d(21890), null).toFixed(10)).toBe("25.0796269563");
  });

  it("rounds half away from zero, also for a negative saving", () => {
    expect(savingsPct(d(200), d(1), 0).toFixed()).toBe("1"); // 0.5 -> 1
    expect(savingsPct(d(200), d(-1), 0).toFixed()).toBe("-1");
  });

  it("never rounds twice: 35.49995% is 35 at 0 decimals, not 36", () => {
    expect(savingsPct(d(200000), d("70999.99"), 0).toFixed()).toBe("35");
    expect(savingsPct(d(200000), d("70999.99"), 1).toFixed()).toBe("35.5");
  });

  it("gives #DIV/0! for a zero budget", () => {
    expectFunctionError(() => savingsPct(d(0), d(5), 1), "#DIV/0!", "budget must not be zero");
  });
});

describe("savingsPctOfNumbers (the exact plain-number path)", () => {
  it("agrees with the seeds", () => {
    for (const [budget, saving, stated] of SEED_PERCENTAGES)
      expect(savingsPctOfNumbers(Number(budget), Number(saving), 1)).toBe(Number(stated));
  });

  it.each([
    ["a zero budget", 0, 5, 1],
    ["a negative budget", -5, 5, 1],
    ["a text budget", "5", 5, 1],
    ["decimals of 1.5", 5, 5, 1.5],
    ["decimals of 16", 5, 5, 16],
    ["a budget beyond 1e15", 1e16, 5, 1],
    ["a figure needing more than 15 digits", 0.1 + 0.2, 5, 1],
  ])("leaves %s to the checked path", (_, budget, saving, decimals) => {
    expect(savingsPctOfNumbers(budget, saving, decimals)).toBeUndefined();
  });

  it("matches the Decimal path wherever it answers, for random figures", () => {
    const figure = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc
        .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
        .map(([units, scale]) => units / 10 ** scale),
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
    );
    let answered = 0;
    fc.assert(
      fc.property(figure, figure, fc.option(fc.integer({ min: 0, max: 15 })), (budget, saving, decimals) => {
        const fast = savingsPctOfNumbers(budget, saving, decimals);
        if (fast === undefined) return;
        answered++;
        expect(fast).toBe(toNumber(savingsPct(decimalFromNumber(budget), decimalFromNumber(saving), decimals)));
      }),
      { numRuns: 3000 },
    );
    // The comparison ran (about one run in ten takes the plain-number path: half the budgets are negative).
    expect(answered).toBeGreaterThan(100);
  });
});

const scaled = (maxUnits: number, minUnits = -maxUnits) =>
  fc.record({
    units: fc.bigInt({ min: BigInt(minUnits), max: BigInt(maxUnits) }),
    scale: fc.integer({ min: 0, max: 3 }),
  });

describe("savingsPct against an independent BigInt reference", () => {
  it("agrees at 0 to 3 decimals for random figures", () => {
    fc.assert(
      fc.property(scaled(1e10, 1), scaled(1e10), fc.integer({ min: 0, max: 3 }), (budget, saving, places) => {
        const b = d(plain(budget.units, budget.scale));
        const s = d(plain(saving.units, saving.scale));
        const expected = referenceRatio(saving, budget, 2, places);
        expect(formatPlain(savingsPct(b, s, places))).toBe(expected);
        // The fast path, fed the numbers a cell would hold, gives the same.
        const fast = savingsPctOfNumbers(asNumber(budget), asNumber(saving), places);
        if (fast !== undefined) expect(fast).toBe(Number(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees on percentages just below, on and just above a .5 boundary", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -1, max: 1 }),
        (budget, whole, places, nudge) => {
          // saving × 100 × 10^places / budget ≈ whole + 0.5, then moved by one smallest unit (10^-6).
          const scale = 6;
          const units =
            (BigInt(2 * whole + 1) * BigInt(budget) * BigInt(10) ** BigInt(scale)) /
              (BigInt(200) * BigInt(10) ** BigInt(places)) +
            BigInt(nudge);
          const saving = { units, scale };
          const exact = referenceRatio(saving, { units: BigInt(budget), scale: 0 }, 2, places);
          expect(formatPlain(savingsPct(d(budget), d(plain(units, scale)), places))).toBe(exact);
          const fast = savingsPctOfNumbers(budget, asNumber(saving), places);
          if (fast !== undefined) expect(fast).toBe(Number(exact));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("savingsTotal", () => {
  it("adds Table 1's savings column to 30,132", () => {
    expect(savingsTotal(["21890", "3000", "59", "979", "2800", "904", "500"].map(d)).toFixed()).toBe("30132");
  });
  it("is zero for nothing", () => {
    expect(savingsTotal([]).toFixed()).toBe("0");
  });
  it("adds random £000 amounts exactly (BigInt reference)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: BigInt(-1e12), max: BigInt(1e12) }), { maxLength: 2000 }),
        fc.integer({ min: 0, max: 3 }),
        (units, scale) => {
          const expected = plain(
            units.reduce((a, b) => a + b, BigInt(0)),
            scale,
          );
          expect(formatPlain(savingsTotal(units.map((u) => d(plain(u, scale)))))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("savingsGap", () => {
  it("is target minus proposals: Hampshire's £30.1m target against £30,132k is -32", () => {
    expect(savingsGap(d(30100), d(30132)).toFixed()).toBe("-32");
    expect(savingsGap(d(23.3), d("22.8")).toFixed()).toBe("0.5");
  });
});

describe("savingsParse", () => {
  it("converts an amount naming its unit into the unit asked for", () => {
    expect(savingsParse({ value: d("4.462"), unit: "£m" }, "£").toFixed()).toBe("4462000");
    expect(savingsParse({ value: d("189"), unit: "£000" }, "£m").toFixed()).toBe("0.189");
  });
  it("takes a figure naming no unit as it is", () => {
    expect(savingsParse({ value: d("2800"), unit: null }, "£m").toFixed()).toBe("2800");
  });
});

describe("savingsConvert", () => {
  it("converts 30,132 £000 to 30.132 £m", () => {
    expect(savingsConvert(d(30132), "£000", "£m").toFixed()).toBe("30.132");
  });
});

describe("savingsPhase", () => {
  const date = (year: number, month: number, day = 1) => ({ year, month, day });
  it("£1.2m from 1 October 2017 is £0.6m in 2017/18", () => {
    expect(savingsPhase(d("1.2"), date(2017, 10), 2017).toFixed()).toBe("0.6");
  });
  it("uses the start date's own year when none is given", () => {
    expect(savingsPhase(d("1.2"), date(2017, 10, 15), null).toFixed()).toBe("0.6");
    expect(savingsPhase(d("1.2"), date(2018, 3, 1), null).toFixed()).toBe("0.1");
    expect(savingsPhase(d("1.2"), date(2017, 4, 1), null).toFixed()).toBe("1.2");
  });
  it("counts a saving that started before the year in full, and one that starts after it not at all", () => {
    expect(savingsPhase(d("1.2"), date(2016, 10), 2017).toFixed()).toBe("1.2");
    expect(savingsPhase(d("1.2"), date(2018, 4), 2017).toFixed()).toBe("0");
  });
  it("is exact for thirds", () => {
    expect(savingsPhase(d(1), date(2017, 8), 2017).toFixed(6)).toBe("0.666667");
  });
});

describe("savingsFy and savingsFyNext", () => {
  it("labels a date with its financial year", () => {
    expect(savingsFy({ year: 2017, month: 10, day: 1 })).toBe("2017/18");
    expect(savingsFy({ year: 2018, month: 3, day: 31 })).toBe("2017/18");
    expect(savingsFy({ year: 2018, month: 4, day: 1 })).toBe("2018/19");
  });
  it("moves n years on or back", () => {
    expect(savingsFyNext(2015, 1)).toBe("2016/17");
    expect(savingsFyNext(2015, 4)).toBe("2019/20");
    expect(savingsFyNext(2015, -1)).toBe("2014/15");
    expect(savingsFyNext(1999, 1)).toBe("2000/01");
  });
  it("gives #NUM! outside 1900/01 to 9998/99, the same years for both", () => {
    const outside = (start: number) =>
      `the financial year must be from 1900/01 to 9998/99 (the years within Excel's dates), got one starting in ${start}`;
    expectFunctionError(() => savingsFyNext(1900, -1), "#NUM!", outside(1899));
    expectFunctionError(() => savingsFyNext(9998, 1), "#NUM!", outside(9999));
    // Excel's first dates, 1 January to 31 March 1900, and its last, from 1 April 9999, fall outside them.
    expectFunctionError(() => savingsFy({ year: 1900, month: 3, day: 31 }), "#NUM!", outside(1899));
    expectFunctionError(() => savingsFy({ year: 9999, month: 4, day: 1 }), "#NUM!", outside(9999));
    expect(savingsFy({ year: 1900, month: 4, day: 1 })).toBe("1900/01");
    expect(savingsFy({ year: 9999, month: 3, day: 31 })).toBe("9998/99");
    expect(savingsFyNext(1901, -1)).toBe("1900/01");
    expect(savingsFyNext(9997, 1)).toBe("9998/99");
  });
});
