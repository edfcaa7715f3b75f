import fc from "fast-check";
import { claChildren, claCost, claRate, claRateOfNumbers, claReduction, claSaving } from "../../src/core/cla";
import { Decimal, decimalFromNumber, formatPlain, roundHalfAway, toNumber } from "../../src/core/decimal";
import { FunctionError } from "../../src/core/excel-errors";
import { asNumber, plain, referenceRatio } from "../support/reference";

const d = (value: string | number) => new Decimal(value);

function expectFunctionError(run: () => unknown, code: string, message: string): void {
  expect(run).toThrow(FunctionError);
  try {
    run();
  } catch (error) {
    expect((error as FunctionError).code).toBe(code);
    expect((error as FunctionError).message).toBe(message);
  }
}

describe("claRate", () => {
  it("is children per 10,000 children", () => {
    expect(claRate(d(870), d(280000), 1).toFixed()).toBe("31.1");
    expect(claRate(d(868), d(280000), 0).toFixed()).toBe("31");
    expect(claRate(d(1), d(3), null).toFixed(4)).toBe("3333.3333");
  });
  it("never rounds twice: 35.49995 is 35 at 0 decimals", () => {
    expect(claRate(d(709999), d(200000000), 0).toFixed()).toBe("35");
  });
  it("gives #DIV/0! for a zero population", () => {
    expectFunctionError(() => claRate(d(5), d(0), 1), "#DIV/0!", "population must not be zero");
  });
  it("gives #NUM! when children exceed the population", () => {
    expectFunctionError(() => claRate(d(500), d(400), 1), "#NUM!", "children (500) must not exceed population (400)");
  });
  it("agrees with a BigInt reference at 0 to 3 decimals", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: BigInt(1), max: BigInt(1e9) }),
        fc.bigInt({ min: BigInt(0), max: BigInt(1e9) }),
        fc.integer({ min: 0, max: 3 }),
        (population, share, places) => {
          const children = (share * population) / BigInt(1e9);
          const expected = referenceRatio({ units: children, scale: 0 }, { units: population, scale: 0 }, 4, places);
          expect(formatPlain(claRate(d(children.toString()), d(population.toString()), places))).toBe(expected);
          const fast = claRateOfNumbers(Number(children), Number(population), places);
          if (fast !== undefined) expect(fast).toBe(Number(expected));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("agrees with the reference on rates just below, on and just above a .5 boundary", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 1e7 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -1, max: 1 }),
        (population, whole, places, nudge) => {
          // children × 10^4 × 10^places / population ≈ whole + 0.5 (children with 4 decimals: averages over a year).
          const scale = 4;
          const units =
            (BigInt(2 * whole + 1) * BigInt(population) * BigInt(10) ** BigInt(scale)) /
              (BigInt(20000) * BigInt(10) ** BigInt(places)) +
            BigInt(nudge);
          if (units < BigInt(0) || units > BigInt(population) * BigInt(10) ** BigInt(scale)) return;
          const children = { units, scale };
          const expected = referenceRatio(children, { units: BigInt(population), scale: 0 }, 4, places);
          expect(formatPlain(claRate(d(plain(units, scale)), d(population), places))).toBe(expected);
          const fast = claRateOfNumbers(asNumber(children), population, places);
          if (fast !== undefined) expect(fast).toBe(Number(expected));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("the plain-number path answers for county-sized figures", () => {
    expect(claRateOfNumbers(870, 280000, 1)).toBe(31.1);
    expect(claRateOfNumbers(1532.25, 296400, 3)).toBe(51.695);
    expect(claRateOfNumbers(870, 280000, null)).toBe((870 * 10000) / 280000);
  });
  it("the plain-number path matches the Decimal path wherever it answers", () => {
    // Figures as typed (whole, or up to 6 decimals) take the plain-number path; random doubles mostly do not.
    const figure = fc.oneof(
      fc.integer({ min: 0, max: 1e9 }),
      fc
        .tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
        .map(([units, scale]) => units / 10 ** scale),
      fc.double({ min: 0, max: 1e9, noNaN: true }),
    );
    let answered = 0;
    fc.assert(
      fc.property(figure, figure, fc.option(fc.integer({ min: 0, max: 15 })), (a, b, places) => {
        const [children, population] = a <= b ? [a, b] : [b, a];
        const fast = claRateOfNumbers(children, population, places);
        if (fast === undefined) return;
        answered++;
        expect(fast).toBe(toNumber(claRate(decimalFromNumber(children), decimalFromNumber(population), places)));
      }),
      { numRuns: 2000 },
    );
    // The comparison ran: about a fifth of these runs take the plain-number path (none did with random doubles alone).
    expect(answered).toBeGreaterThan(200);
  });
});

describe("claChildren and claReduction", () => {
  it("Hampshire's target of 31 per 10,000 in 280,000 children is 868 children", () => {
    expect(claChildren(d(31), d(280000)).toFixed()).toBe("868");
  });
  it("Hertfordshire's plan from 39 to 34 per 10,000 in 270,000 children is 135 fewer", () => {
    const now = claChildren(d(39), d(270000));
    expect(now.toFixed()).toBe("1053");
    expect(claReduction(now, d(34), d(270000)).toFixed()).toBe("135");
  });
  it("is negative when the rate is already below the target", () => {
    expect(claReduction(d(800), d(31), d(280000)).toFixed()).toBe("-68");
  });
  it("gives #NUM! when children exceed the population", () => {
    expectFunctionError(
      () => claReduction(d(10), d(31), d(5)),
      "#NUM!",
      "children (10) must not exceed population (5)",
    );
  });
  it("gives #DIV/0! for a zero population, as CLA.RATE does: a rate of no children means nothing", () => {
    expectFunctionError(() => claReduction(d(0), d(31), d(0)), "#DIV/0!", "population must not be zero");
  });
});

describe("claCost and claSaving", () => {
  it("Hertfordshire: £893 a week for one child is £46,436 a year", () => {
    expect(claCost(d(893), d(1), d(52)).toFixed()).toBe("46436");
  });
  it("Hampshire: 410 fewer children at £840 a week is £17,908,800, the report's £17.9m", () => {
    const saving = claSaving(d(410), d(840), d(52));
    expect(saving.toFixed()).toBe("17908800");
    expect(roundHalfAway(saving.dividedBy(1e6), 1).toFixed()).toBe("17.9");
  });
  it("takes part weeks exactly", () => {
    expect(claCost(d("0.1"), d(3), d("52.143")).toFixed()).toBe("15.6429");
  });
});
