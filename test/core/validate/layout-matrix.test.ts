/**
 * The layout matrix (issue 8, SPEC §4 and §5): one correct table of each kind rendered as
 * councils write it (wordings from SPEC §4's vocabulary, unit spellings and places, one- to
 * three-row headers merged or not, titles and notes around it, anywhere on the sheet, blank
 * separator rows, section headings, sub-totals, totals labelled left of the labels, sign
 * conventions, exact, published-rounded and formula arithmetic). For each rendering:
 *
 *   1. the table is found: exactly one table (a `target` is ignored) of the expected kind whose
 *      range is the true one (EoB-0); the message also says whether it is within 2 cells (EoB-2);
 *   2. no finding of severity `error`;
 *   3. the same rendering with one stated figure (a total, sub-total, total column, stated % or
 *      rate) overtyped far beyond rounding reports an `error` at that cell.
 *
 * Then the plainest table of each layout (first wording of each list, one header row), with a
 * fault planted at each of its stated figures in turn; and checks of the generator itself (its
 * figures hold by an independent reference, its ranges are tight, its planted faults are real).
 * A failure prints the rendered grid, the expected and found ranges (EoB-0 and EoB-2), the
 * errors, and fast-check's seed and path to replay it. The generator is ./layout-render.ts.
 *
 * Environment:
 *   LAYOUT_RUNS=5000      renderings in all (split across the six layouts below)
 *   LAYOUT_SEED=8008      fast-check's seed (default 8008; `random` for a fresh one each run)
 *   LAYOUT_PATH=…         with LAYOUT_SEED, replays the counterexample fast-check printed (one test: -t)
 *   LAYOUT_REPORT=1       runs every rendering without stopping and prints counts of found / not
 *                         found / false errors / planted caught per layout, per header shape and per
 *                         feature, instead of asserting per case
 *   LAYOUT_REPORT_FILE=…  also writes that report to a file
 */
import { writeFileSync } from "fs";
import DecimalJs from "decimal.js";
import fc from "fast-check";
import { Finding } from "../../../src/core/findings";
import { CellRange, parseA1, rangesOverlap, rangeToA1, toA1 } from "../../../src/core/grid";
import { edgeError, range } from "../../support/ranges";
import { validateWorkbook, ValidationResult } from "../../../src/core/validate";
import {
  gridText,
  HEADER_SHAPES,
  LayoutName,
  PLAIN_LAYOUT,
  PLAIN_TABLES,
  plant,
  Planted,
  Recipe,
  recipeArb,
  render,
  reach,
  Rendering,
} from "./layout-render";

const TOTAL_RUNS = Number(process.env.LAYOUT_RUNS ?? 5000);
const SEED = process.env.LAYOUT_SEED === "random" ? undefined : Number(process.env.LAYOUT_SEED ?? 8008);
const PATH = process.env.LAYOUT_PATH;
const REPORT = process.env.LAYOUT_REPORT === "1" || process.env.LAYOUT_REPORT_FILE !== undefined;

/** Share of the renderings per layout. */
const SHARE: Record<LayoutName, number> = {
  summary: 0.24,
  "phasing-across": 0.16,
  "phasing-down": 0.08,
  register: 0.2,
  cla: 0.12,
  figures: 0.2,
};

// ---------------------------------------------------------------------------------------------
// Judging one rendering.
// ---------------------------------------------------------------------------------------------

type Found = "found" | "found+extra" | "eob2" | "wrong-kind" | "far" | "not-found";

interface Verdict {
  found: Found;
  /** Kinds of the tables found (targets left out). */
  kinds: string[];
  /** Exactly one table, of the kind, at the true range. */
  ok: boolean;
  falseErrors: Finding[];
  planted: Planted;
  caught: boolean;
  plantedErrors: Finding[];
  describe(): string;
}

const errors = (result: ValidationResult) => result.findings.filter((f) => f.severity === "error");
const showFinding = (f: Finding) => `${f.rule} at ${f.cell}: ${f.message}`;

function judge(recipe: Recipe, r: Rendering): Verdict {
  const result = validateWorkbook({ sheets: [r.sheet] });
  const tables = result.tables.filter((t) => t.kind !== "target");
  const scored = tables.map((t) => {
    const found = range(t.range);
    return { ...t, eob: edgeError(found, r.range), overlaps: rangesOverlap(found, r.range) };
  });
  const right = scored.filter((t) => t.kind === r.kind);
  let found: Found;
  if (right.some((t) => t.eob === 0)) found = tables.length === 1 ? "found" : "found+extra";
  else if (right.some((t) => t.eob <= 2)) found = "eob2";
  else if (scored.some((t) => t.eob <= 2)) found = "wrong-kind";
  else if (scored.some((t) => t.overlaps)) found = "far";
  else found = "not-found";
  const falseErrors = errors(result);

  const planted = plant(r, recipe.plant, recipe.plantUp);
  const after = validateWorkbook({ sheets: [planted.sheet] });
  const plantedErrors = errors(after);
  const caught = plantedErrors.some((f) => f.cell === planted.cell.address);

  const describe = () => {
    const lines = [
      `${r.kind} (${r.layout}), header ${r.header}, unit at ${r.unitAt}, arithmetic ${r.arithmetic}`,
      `expected: ${r.kind} ${rangeToA1(r.range)}`,
      `found:    ${
        scored.length === 0
          ? "no table"
          : scored
              .map(
                (t) => `${t.kind} ${t.range} (EoB-0 ${t.eob === 0 ? "yes" : "no"}, EoB-2 ${t.eob <= 2 ? "yes" : "no"})`,
              )
              .join("; ")
      } -> ${found}`,
      `errors on the correct table: ${falseErrors.length === 0 ? "none" : ""}`,
      ...falseErrors.map((f) => `  ${showFinding(f)}`),
      `planted: ${planted.cell.what} ${planted.cell.address} ${planted.from} -> ${planted.to}: ${caught ? "caught" : "NOT caught"}`,
      ...plantedErrors.map((f) => `  ${showFinding(f)}`),
      gridText(r.sheet, { row: planted.cell.row, col: planted.cell.col }),
      `(>x< marks the planted cell; =x is a formula's cached value)`,
      `tags: ${r.tags.join(", ")}`,
    ];
    return lines.join("\n");
  };
  return {
    found,
    kinds: tables.map((t) => t.kind),
    ok: found === "found",
    falseErrors,
    planted,
    caught,
    plantedErrors,
    describe,
  };
}

// ---------------------------------------------------------------------------------------------
// Report mode: counts instead of assertions.
// ---------------------------------------------------------------------------------------------

interface Tally {
  n: number;
  found: number;
  eob2: number;
  wrongKind: number;
  notFound: number;
  extra: number;
  clean: number;
  caught: number;
  pass: number;
}
const tally = (): Tally => ({
  n: 0,
  found: 0,
  eob2: 0,
  wrongKind: 0,
  notFound: 0,
  extra: 0,
  clean: 0,
  caught: 0,
  pass: 0,
});

const byLayout = new Map<string, Tally>();
const byShape = new Map<string, Tally>();
const byLayoutShape = new Map<string, Tally>();
const byTag = new Map<string, Tally>();
const byPlanted = new Map<string, Tally>();
const falseRules = new Map<string, number>();
const foundKinds = new Map<string, number>();

function count(map: Map<string, Tally>, key: string, v: Verdict): void {
  const t = map.get(key) ?? tally();
  t.n++;
  if (v.found === "found") t.found++;
  if (v.found === "found" || v.found === "found+extra" || v.found === "eob2") t.eob2++;
  if (v.found === "wrong-kind") t.wrongKind++;
  if (v.found === "not-found" || v.found === "far") t.notFound++;
  if (v.found === "found+extra") t.extra++;
  if (v.falseErrors.length === 0) t.clean++;
  if (v.caught) t.caught++;
  if (v.ok && v.falseErrors.length === 0 && v.caught) t.pass++;
  map.set(key, t);
}

function record(r: Rendering, v: Verdict): void {
  count(byLayout, r.layout, v);
  count(byShape, r.header, v);
  count(byLayoutShape, `${r.layout} / ${r.header}`, v);
  for (const tag of r.tags) count(byTag, tag, v);
  count(byPlanted, v.planted.cell.what, v);
  for (const rule of new Set(v.falseErrors.map((f) => f.rule))) falseRules.set(rule, (falseRules.get(rule) ?? 0) + 1);
  const kinds = [...v.kinds].sort().join("+");
  const key = `${r.kind} -> ${kinds || "(nothing)"}`;
  foundKinds.set(key, (foundKinds.get(key) ?? 0) + 1);
}

const pct = (a: number, n: number) => (n === 0 ? "-" : `${Math.round((100 * a) / n)}%`);

function table(title: string, map: Map<string, Tally>, sort = false): string {
  const rows = [...map.entries()];
  if (sort) rows.sort((a, b) => a[1].pass / a[1].n - b[1].pass / b[1].n || b[1].n - a[1].n);
  const head = [
    "",
    "n",
    "found",
    "EoB-2",
    "wrong kind",
    "not found",
    "+extra",
    "no false error",
    "planted caught",
    "all three",
  ];
  const body = rows.map(([k, t]) => [
    k,
    String(t.n),
    pct(t.found, t.n),
    pct(t.eob2, t.n),
    pct(t.wrongKind, t.n),
    pct(t.notFound, t.n),
    pct(t.extra, t.n),
    pct(t.clean, t.n),
    pct(t.caught, t.n),
    pct(t.pass, t.n),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [`## ${title}`, fmt(head), ...body.map(fmt)].join("\n");
}

function report(): string {
  const all = tally();
  for (const t of byLayout.values()) for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  const overall = new Map([["all", all]]);
  const out = [
    `Layout matrix report: ${all.n} renderings, seed ${SEED ?? "random"}`,
    `found = exactly one table, its kind, EoB-0; EoB-2 = a table of its kind within 2 cells; wrong kind = a table within 2 cells of another kind;`,
    `not found = no table within 2 cells; +extra = found, with other tables besides; all three = found, no false error, planted fault caught at its cell`,
    "",
    table("Overall", overall),
    "",
    table("By layout", byLayout),
    "",
    table("By header shape", byShape),
    "",
    table("By layout and header shape", byLayoutShape),
    "",
    table("By planted figure", byPlanted),
    "",
    table("By feature (worst first)", byTag, true),
    "",
    "## False error rules (renderings with at least one)",
    ...[...falseRules.entries()].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${String(n).padStart(6)}  ${rule}`),
    "",
    "## Kinds found (expected -> found, target tables left out)",
    ...[...foundKinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${String(n).padStart(6)}  ${k}`),
  ];
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// The properties.
// ---------------------------------------------------------------------------------------------

const params = (layout: LayoutName): fc.Parameters<[Recipe]> => ({
  numRuns: Math.max(1, Math.round(TOTAL_RUNS * SHARE[layout])),
  ...(SEED === undefined ? {} : { seed: SEED }),
  ...(PATH ? { path: PATH } : {}),
});

describe("layout matrix: a correct table in any layout is found, raises no error, and a planted fault is caught at its cell", () => {
  if (REPORT)
    afterAll(() => {
      const text = report();
      process.stdout.write(`\n${text}\n`);
      if (process.env.LAYOUT_REPORT_FILE) writeFileSync(process.env.LAYOUT_REPORT_FILE, text + "\n");
    });

  for (const layout of Object.keys(SHARE) as LayoutName[]) {
    it(
      layout,
      () => {
        fc.assert(
          fc.property(recipeArb(layout), (recipe) => {
            const r = render(recipe);
            const v = judge(recipe, r);
            if (REPORT) {
              record(r, v);
              return;
            }
            if (!v.ok || v.falseErrors.length > 0 || !v.caught) throw new Error(`\n${v.describe()}`);
          }),
          params(layout),
        );
      },
      600_000,
    );
  }
});

describe("layout matrix: the plainest table of each layout", () => {
  // The first wording of each list, one header row, nothing around the table: the first thing a
  // recogniser must pass, with a fault planted at each of its stated figures in turn.
  for (const layout of Object.keys(SHARE) as LayoutName[])
    it(`${layout}: found, no error, and a fault at each stated figure caught`, () => {
      const recipe: Recipe = { table: PLAIN_TABLES[layout], layout: PLAIN_LAYOUT, plant: 0, plantUp: true };
      const r = render(recipe);
      const verdicts = r.stated.map((_, plant) => judge({ ...recipe, plant }, r));
      const missed = verdicts.flatMap((v) => (v.caught ? [] : [`${v.planted.cell.address} (${v.planted.cell.what})`]));
      const first = verdicts[0];
      if (!first.ok || first.falseErrors.length > 0 || missed.length > 0)
        throw new Error(`\n${first.describe()}\nplanted faults not caught: ${missed.join(", ") || "none"}`);
    });
});

describe("layout matrix generator", () => {
  it("renders every header shape, and each rendering has stated figures to plant a fault at", () => {
    const shapes = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(SHARE) as LayoutName[])).chain(recipeArb), (recipe) => {
        const r = render(recipe);
        shapes.add(r.header);
        expect(r.stated.length).toBeGreaterThan(0);
        // The true range holds the header's first row and the last body row, inside the sheet; no row
        // of it is empty but a blank separator row, and nothing sits beside it on its rows.
        expect(r.range.bottom).toBeLessThan(r.sheet.values.length);
        const { top, left, bottom, right } = r.range;
        for (let row = top; row <= bottom; row++) {
          const cells = r.sheet.values[row];
          const inside = cells.slice(left, right + 1).some((v) => v !== null);
          if (!inside && (row === top || row === bottom || !r.tags.includes("blank-rows")))
            throw new Error(`row ${row + 1} is empty\n${gridText(r.sheet)}`);
          if (cells.some((v, col) => v !== null && (col < left || col > right)))
            throw new Error(`row ${row + 1} has cells outside the range\n${gridText(r.sheet)}`);
        }
      }),
      { numRuns: 300, seed: 1 },
    );
    expect([...shapes].sort()).toEqual([...HEADER_SHAPES].sort());
  });

  it("states figures that hold: exactly, within half the rounding reach when published, to binary error in formulas", () => {
    const D = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
    const anyLayout = fc.constantFrom(...(Object.keys(SHARE) as LayoutName[])).chain(recipeArb);
    fc.assert(
      fc.property(anyLayout, (recipe) => {
        const r = render(recipe);
        const at = (c: { row: number; col: number }) => {
          const v = r.sheet.values[c.row][c.col];
          return new D(typeof v === "number" ? v : 0); // a not-applicable `-` counts as zero
        };
        for (const s of r.stated) {
          const where = () => `${s.what} ${s.address} (${r.arithmetic})\n${gridText(r.sheet, s)}`;
          const stated = at(s).times(s.percentFormat ? 100 : 1);
          const unit = new D(10).pow(-s.decimals);
          if (s.check.op === "sum") {
            for (const parts of s.check.parts) {
              const gap = parts
                .reduce((sum, p) => sum.plus(at(p)), new D(0))
                .minus(stated)
                .abs();
              const allowed =
                r.arithmetic === "exact"
                  ? new D(0)
                  : r.arithmetic === "formulas"
                    ? stated.abs().times(1e-12)
                    : new D(reach(Array(parts.length).fill(s.decimals), s.decimals) / 2);
              if (gap.gt(allowed)) throw new Error(`sum off by ${gap}: ${where()}`);
            }
          } else {
            const { num, den, scale, negate } = s.check;
            const ratio = (n: DecimalJs, d: DecimalJs) =>
              n
                .div(d)
                .times(scale)
                .times(negate ? -1 : 1);
            const shown = stated.toDecimalPlaces(s.decimals);
            if (r.arithmetic !== "published") {
              if (!ratio(at(num), at(den)).toDecimalPlaces(s.decimals).eq(shown)) throw new Error(`ratio: ${where()}`);
            } else {
              // Rounded from hidden values: some values within half a unit of the shown figures give it.
              const h = (c: { row: number; col: number }) =>
                new D(10).pow(-(r.sheet.numberFormats[c.row][c.col]?.match(/\.(0+)/)?.[1].length ?? 0)).div(2);
              const corners = [-1, 1].flatMap((i) =>
                [-1, 1].map((j) => ratio(at(num).plus(h(num).times(i)), at(den).plus(h(den).times(j)))),
              );
              const low = DecimalJs.min(...corners);
              const high = DecimalJs.max(...corners);
              if (high.lt(shown.minus(unit.div(2))) || low.gt(shown.plus(unit.div(2))))
                throw new Error(`ratio: ${where()}`);
            }
          }
        }
      }),
      { numRuns: 500, seed: 2 },
    );
  });

  it("plants one fault: the cell moves far beyond rounding, and formulas that depend on it are recalculated as Excel would", () => {
    const anyLayout = fc.constantFrom(...(Object.keys(SHARE) as LayoutName[])).chain(recipeArb);
    fc.assert(
      fc.property(anyLayout, (recipe) => {
        const r = render(recipe);
        const p = plant(r, recipe.plant, recipe.plantUp);
        const moved = Math.abs(p.to - p.from) * (p.cell.percentFormat ? 100 : 1);
        expect(moved).toBeGreaterThanOrEqual(6.5 * Math.pow(10, -p.cell.decimals));
        expect(p.sheet.formulas[p.cell.row]?.[p.cell.col] ?? null).toBeNull();
        // Every cell but the planted one and the formulas is as it was; each SUM agrees with its cells.
        r.sheet.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const kept =
              (i === p.cell.row && j === p.cell.col) || r.sheet.formulas[i]?.[j] || p.sheet.values[i][j] === v;
            if (!kept) throw new Error(`${toA1(i, j)} changed\n${gridText(p.sheet)}`);
          }),
        );
        const value = (c: { row: number; col: number }) => {
          const v = p.sheet.values[c.row][c.col];
          return typeof v === "number" ? v : 0;
        };
        for (const s of r.stated) {
          if (!p.sheet.formulas[s.row]?.[s.col] || s.check.op !== "sum") continue;
          const sum = s.check.parts[0].reduce((a, c) => a + value(c), 0);
          if (Math.abs(sum - value(s)) > 1e-6 * Math.max(1, Math.abs(sum)))
            throw new Error(`${s.address} not recalculated\n${gridText(p.sheet)}`);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it("shows a rendering the way the failure messages do", () => {
    const r = render({ table: PLAIN_TABLES.summary, layout: PLAIN_LAYOUT, plant: 0, plantUp: true });
    expect(rangeToA1(r.range)).toBe("B2:E7");
    const text = gridText(r.sheet);
    expect(text.split("\n")[0]).toMatch(/^\s+\|\s+B\s+\|\s+C/);
    expect(text).toContain("Workstream");
    expect(text).toContain("Budget £000");
  });
});
