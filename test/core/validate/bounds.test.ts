/**
 * How far rounding reaches for a sum (SPEC §5): the smaller of the hard bound (every part's and
 * the total's half-unit) and four standard deviations of independent roundings, checked against
 * an independent reference in exact integer arithmetic (BigInt): a difference d is within reach
 * when d < hard bound, and d² ≤ 16·Σu²/12 where 4σ is the smaller.
 */
import fc from "fast-check";
import { Decimal } from "../../../src/core/decimal";
import { classify, roundingReach } from "../../../src/core/validate/bounds";

/** The reference: in units of 10^-scale, with the integer test 12·d² ≤ 16·Σu² for the 4σ limit. */
function referenceWithinReach(decimals: number[], differenceUnits: bigint, scale: number): boolean {
  const unit = (d: number) => 10n ** BigInt(scale - d); // one unit of the last shown digit, in 10^-scale
  let hardTwice = 0n; // twice the hard bound: the sum of whole units
  let squares = 0n;
  for (const d of decimals) {
    hardTwice += unit(d);
    squares += unit(d) * unit(d);
  }
  const d = differenceUnits < 0n ? -differenceUnits : differenceUnits;
  const sigmaBinds = 16n * squares < 3n * hardTwice * hardTwice; // (4σ)² = 16Σu²/12 < hard² = (hardTwice/2)²
  return sigmaBinds ? 12n * d * d <= 16n * squares : 2n * d < hardTwice;
}

describe("roundingReach", () => {
  it("reaches 2.5 for four whole parts and their total (4σ is 2.58): 2 out is rounding, 3 is not", () => {
    const reach = roundingReach([0, 0, 0, 0, 0]);
    expect(reach.limit.toString()).toBe("2.5");
    expect(classify(new Decimal(1001331), new Decimal(1001333), reach)).toBe("rounding");
    expect(classify(new Decimal(1001331), new Decimal(1001334), reach)).toBe("mismatch");
  });

  it("reaches 20.03 for 300 whole lines and their total, not 150.5: 20 out is rounding, 21 is not", () => {
    const reach = roundingReach(new Array(301).fill(0));
    expect(reach.limit.toFixed(2)).toBe("20.03");
    expect(classify(new Decimal(1000), new Decimal(1020), reach)).toBe("rounding");
    expect(classify(new Decimal(1000), new Decimal(1021), reach)).toBe("mismatch");
  });

  it("never reaches the hard bound itself: a part shown as 6 cannot make a total shown as 7", () => {
    const reach = roundingReach([0, 0]);
    expect(classify(new Decimal(7), new Decimal(6), reach)).toBe("mismatch");
  });

  it("agrees with the integer reference for any mix of shown decimals and any difference", () => {
    const scale = 6;
    fc.assert(
      fc.property(
        // Differences up to twice the hard bound, in units of 10^-6: both sides of the reach.
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 400 }).chain((decimals) => {
          const hardTwice = decimals.reduce((sum, d) => sum + 10n ** BigInt(scale - d), 0n);
          return fc.tuple(fc.constant(decimals), fc.bigInt({ min: 0n, max: hardTwice }));
        }),
        ([decimals, differenceUnits]) => {
          const reach = roundingReach(decimals);
          const difference = new Decimal(differenceUnits.toString()).times(new Decimal(10).pow(-scale));
          const ours = classify(new Decimal(0), difference, reach);
          const expected =
            differenceUnits === 0n
              ? "equal"
              : referenceWithinReach(decimals, differenceUnits, scale)
                ? "rounding"
                : "mismatch";
          expect(ours).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
