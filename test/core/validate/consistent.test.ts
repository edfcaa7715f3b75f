/**
 * No false alarms, and no missed faults (fast-check): workstream summaries and phasing tables
 * whose totals, sub-totals and percentages are worked out exactly (BigInt reference, rounded half
 * away from zero at the shown decimals) are ready for committee with no rounding differences; a
 * total moved beyond the reach of rounding is a total-mismatch at its cell, and nothing else is.
 */
import fc from "fast-check";
import { asNumber, referenceRatio } from "../../support/reference";
import { Cell, check, grid, shownAs } from "./build";

const UNITS = [
  { unit: "£000", decimals: 0 },
  { unit: "£m", decimals: 1 },
  { unit: "£m", decimals: 2 },
  { unit: "£", decimals: 0 },
] as const;

const line = fc.record({
  budget: fc.bigInt({ min: BigInt(1), max: BigInt(10) ** BigInt(7) }),
  share: fc.integer({ min: 0, max: 100 }),
});

const summary = fc.record({
  unit: fc.constantFrom(...UNITS),
  pctDecimals: fc.integer({ min: 0, max: 2 }),
  lines: fc.array(line, { minLength: 1, maxLength: 8 }),
  subtotalAfter: fc.option(fc.nat(7)),
  top: fc.nat(4),
  left: fc.nat(3),
});

type Summary = typeof summary extends fc.Arbitrary<infer T> ? T : never;

/** The summary as rows, placed at (top, left), with exact sub-total, total and percentages. */
function rows(s: Summary, moveTotalBy: bigint = BigInt(0)): { rows: Cell[][]; totalCell: string } {
  const fmt = s.unit.decimals === 0 ? "#,##0" : `0.${"0".repeat(s.unit.decimals)}`;
  const pctFmt = s.pctDecimals === 0 ? "0" : `0.${"0".repeat(s.pctDecimals)}`;
  const money = (units: bigint) => shownAs(asNumber({ units, scale: s.unit.decimals }), fmt);
  const pct = (saving: bigint, budget: bigint) =>
    shownAs(Number(referenceRatio({ units: saving, scale: 0 }, { units: budget, scale: 0 }, 2, s.pctDecimals)), pctFmt);
  const pad: Cell[] = new Array(s.left).fill(null);
  const out: Cell[][] = new Array(s.top).fill([]).map(() => []);
  out.push([...pad, "Workstream", `Total Budget (${s.unit.unit})`, `Savings (${s.unit.unit})`, "% of budget"]);
  const figureLine = (label: string, budget: bigint, saving: bigint) => [
    ...pad,
    label,
    money(budget),
    money(saving),
    pct(saving, budget),
  ];
  let budgets = BigInt(0);
  let savings = BigInt(0);
  const subtotalAt = s.subtotalAfter === null ? -1 : Math.min(s.subtotalAfter, s.lines.length - 1);
  s.lines.forEach((l, i) => {
    // A saving as a whole share of its budget's units, so it is a figure shown at the same decimals.
    const saving = (l.budget * BigInt(l.share)) / BigInt(100);
    out.push(figureLine(`Workstream ${i + 1}`, l.budget, saving));
    budgets += l.budget;
    savings += saving;
    if (i === subtotalAt) out.push(figureLine("Sub-total", budgets, savings));
  });
  out.push(figureLine("Total", budgets, savings + moveTotalBy));
  const totalRow = out.length - 1;
  const col = s.left + 2;
  return { rows: out, totalCell: `${String.fromCharCode(65 + col)}${totalRow + 1}` };
}

describe("consistent tables (fast-check)", () => {
  it("a summary whose figures agree exactly has no error, mismatch or rounding difference", () => {
    fc.assert(
      fc.property(summary, (s) => {
        const result = check(grid("S", rows(s).rows));
        const alarms = result.findings.filter((f) => f.severity === "error" || f.rule === "rounding-difference");
        expect(alarms).toEqual([]);
        expect(result.ready).toBe(true);
        expect(result.tables.map((t) => t.kind)).toEqual(["workstream-summary"]);
      }),
      { numRuns: 500 },
    );
  });

  it("a total moved beyond the reach of rounding is a total-mismatch at its cell, and the only error", () => {
    fc.assert(
      fc.property(summary, fc.bigInt({ min: BigInt(1), max: BigInt(1000) }), fc.boolean(), (s, extra, down) => {
        // The total's parts (the lines, or the sub-total and the lines after it) reach half a unit
        // each, so moving it by more whole units than there are lines is beyond rounding.
        const move = (BigInt(s.lines.length) + extra) * (down ? BigInt(-1) : BigInt(1));
        const { rows: r, totalCell } = rows(s, move);
        const result = check(grid("S", r));
        const errors = result.findings.filter((f) => f.severity === "error");
        // A moved saving total may also move its stated % out of line, or exceed the total budget.
        expect(errors.filter((f) => f.rule === "total-mismatch").map((f) => f.cell)).toEqual([totalCell]);
        expect(errors.every((f) => ["total-mismatch", "pct-mismatch", "saving-exceeds-budget"].includes(f.rule))).toBe(
          true,
        );
        expect(errors.find((f) => f.rule === "total-mismatch")!.message).toMatch(
          /^Total, Savings \(£(000|m)?\): stated .*, more than rounding of the shown figures explains\.$/,
        );
      }),
      { numRuns: 500 },
    );
  });
});

/** A saving split into parts that add up to it exactly. */
const split = (total: number, cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => Math.min(total, c)))].sort((a, b) => a - b);
  const parts: number[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(p - last);
    last = p;
  }
  parts.push(total - last);
  return parts;
};

describe("consistent tables across sheets (fast-check)", () => {
  const workstreams = fc.array(
    fc.record({ saving: fc.integer({ min: 0, max: 50000 }), cuts: fc.array(fc.nat(50000), { maxLength: 3 }) }),
    {
      minLength: 1,
      maxLength: 6,
    },
  );

  it("phasing (years across and down) and a register that agree with the summary raise no error", () => {
    fc.assert(
      fc.property(workstreams, fc.integer({ min: 2015, max: 2030 }), (ws, first) => {
        const years = [0, 1, 2, 3].map((k) => `${first + k}/${String((first + k + 1) % 100).padStart(2, "0")}`);
        const names = ws.map((_, i) => `Workstream ${i + 1}`);
        const summary = grid("Summary", [
          ["Workstream", "Total Budget £000", "Full Year Savings £000"],
          ...ws.map((w, i) => [names[i], w.saving * 2 + 1, w.saving]),
        ]);
        const phased = ws.map((w) => {
          const parts = split(w.saving, w.cuts);
          return [...parts, ...new Array(4 - parts.length).fill(0)];
        });
        const across = grid("Across", [
          ["Workstream", ...years, "Total"],
          ["", "£000", "£000", "£000", "£000", "£000"],
          ...ws.map((w, i) => [names[i], ...phased[i], w.saving]),
        ]);
        const down = grid("Down", [
          ["Year", ...names.map((n) => `${n} £000`)],
          ...years.map((y, k) => [y, ...phased.map((p) => p[k])]),
          ["Total", ...ws.map((w) => w.saving)],
        ]);
        const register = grid("Register", [
          ["Ref", "Description", "Workstream", "Saving £000"],
          ...ws.flatMap((w, i) =>
            split(w.saving, w.cuts).map((part, k) => [`S${i}-${k}`, `Proposal ${k + 1}`, names[i], part]),
          ),
        ]);
        const result = check([summary, across, down, register]);
        expect(result.tables.map((t) => `${t.sheet}:${t.kind}`)).toEqual([
          "Summary:workstream-summary",
          "Across:phasing",
          "Down:phasing",
          "Register:register",
        ]);
        expect(result.findings.filter((f) => f.severity === "error" || f.rule === "rounding-difference")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
