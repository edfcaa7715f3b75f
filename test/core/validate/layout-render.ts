/**
 * The layout matrix's generator (issue 8): one correct table of figures, worded and laid out as
 * councils write them (SPEC §4), rendered onto a sheet grid. A rendering knows the table's true
 * range, its kind and the cells of its stated figures (totals, sub-totals, total columns, stated
 * percentages and rates), so a test can check what the engine found and plant a fault at any one
 * of them.
 *
 * A recipe (what fast-check generates and shrinks) names the table's wordings and layout; the
 * figures and the few minor choices come from a small PRNG seeded by the recipe, so a failure
 * replays from the recipe alone. Wordings come from SPEC §4, not from the engine's synonym table.
 *
 * Arithmetic (SPEC §5): `exact` tables add up exactly (percentages and rates rounded half away
 * from zero at their shown decimals); `published` tables are rounded from hidden exact values
 * (each line, total and % rounded on its own, as published tables are: totals may miss the sum of
 * their shown lines, but only within rounding reach); `formulas` tables hold SUM and ratio
 * formulas with their cached results, unrounded behind their number formats.
 */
import fc from "fast-check";
import DecimalJs from "decimal.js";
import { CellRange, CellValue, columnLetters, rangeToA1, SheetGrid, toA1 } from "../../../src/core/grid";

const D = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

export type Kind = "workstream-summary" | "phasing" | "register" | "cla" | "figures";

// ---------------------------------------------------------------------------------------------
// Vocabulary (SPEC §4). The first entry of each list is the plainest: shrinking goes there.
// ---------------------------------------------------------------------------------------------

export const LABEL_WORDS = [
  "Workstream",
  "Service",
  "Service area",
  "Directorate",
  "Department",
  "Portfolio",
  "Division",
  "Programme",
  "Project",
  "Proposal",
  "Description",
  "Title",
  "Item",
  "Area",
  "",
];
export const BUDGET_WORDS = [
  "Budget",
  "Net budget",
  "Gross budget",
  "Base budget",
  "Current budget",
  "Original budget",
  "Revised budget",
  "Approved budget",
  "Estimate",
  "Net expenditure",
  "Spend",
];
export const SAVING_WORDS = [
  "Savings",
  "Saving",
  "Reduction",
  "Reductions",
  "Efficiency",
  "Efficiencies",
  "Cut",
  "Cuts",
  "Savings requirement",
  "Full-year saving",
  "Full year effect",
  "Net saving",
  "Total saving",
  "Proposed saving",
];
export const SIGNED_SAVING_WORDS = ["Saving / (Growth)", "Savings/(Growth)", "Saving/(growth)"];
export const PCT_WORDS = [
  "%",
  "Percent",
  "Per cent",
  "As a % of budget",
  "% of net budget",
  "Saving %",
  "Savings as % of budget",
];
export const YEAR_FORMS = [
  "2024/25",
  "2024-25",
  "2024/2025",
  "24/25",
  "FY2024/25",
  "FY 24-25",
  "Year 1",
  "2024",
] as const;
export type YearForm = (typeof YEAR_FORMS)[number];
export const REF_WORDS = ["Ref", "Reference", "Ref no"];
export const DESCRIPTION_WORDS = ["Description", "Proposal", "Savings proposal", "Description of saving", "Title"];
export const WORKSTREAM_WORDS = ["Workstream", "Service area", "Directorate"];
export const REGISTER_AMOUNT_WORDS = ["Saving", "Savings", "Full year saving", "Proposed saving", "Net saving"];
export const RAG_WORDS = ["RAG", "RAG status", "Status", "Delivery status"];
export const EIA_WORDS = ["EIA", "EIA completed", "Equality impact assessment"];
export const CONSULTATION_WORDS = ["Consultation", "Consultation required", "Public consultation"];
export const CHILDREN_WORDS = [
  "Children looked after",
  "CLA",
  "LAC",
  "Number of children looked after",
  "Number of CLA",
];
export const POPULATION_WORDS = [
  "Child population (0-17)",
  "0-17 population",
  "Population aged 0 to 17",
  "Under 18 population",
  "Child population",
];
export const RATE_WORDS = ["Rate per 10,000", "CLA rate per 10,000", "Rate per 10k", "Per 10,000", "CLA per 10k"];
export const WEEKLY_WORDS = ["Weekly unit cost", "Weekly cost", "Average weekly cost"];
export const ANNUAL_WORDS = ["Annual cost", "Annual placement cost", "Cost per year"];
export const CLA_YEAR_WORDS = ["Year", "Financial year", "As at 31 March"];
export const CLA_AREA_WORDS = ["Area", "Local authority", "District", ""];
export const MONITORING_WORDS = [
  "Target",
  "Achieved",
  "Delivered",
  "Forecast",
  "At risk",
  "Unachievable",
  "Slipped",
  "Variance",
];
export const TOTAL_LABELS = [
  "Total",
  "TOTAL",
  "Grand total",
  "Net total",
  "Overall total",
  "Total savings",
  "Total children's services",
];
export const SUBTOTAL_LABELS = ["Sub-total", "Subtotal", "Sub total - {section}", "Total {section}"];

const LINE_LABELS = [
  "Children's social care",
  "Early help",
  "Home to school transport",
  "Special educational needs",
  "Youth offending",
  "Fostering",
  "Residential care",
  "Commissioning",
  "Disabled children",
  "Adoption",
  "Care leavers",
  "School improvement",
  "Safeguarding",
  "Quality assurance",
  "Edge of care",
  "Family support",
  "Short breaks",
  "Admissions",
  "Educational psychology",
  "Music service",
];
const SECTION_NAMES = ["Social care", "Education and skills", "Prevention", "Corporate and support services"];
const DESCRIPTIONS = [
  "Reduce agency social workers",
  "Review home to school transport",
  "Redesign early help offer",
  "Increase in-house foster carers",
  "Reduce residential placements",
  "Restructure business support",
  "Recommission short breaks",
  "Review of SEN assessments",
  "Digital case recording",
  "Consolidate office buildings",
  "Reduce printing and postage",
  "Youth service redesign",
  "Edge of care team",
  "Review care leavers' accommodation",
  "Joint commissioning with health",
  "Income from traded services",
  "Reduce management posts",
  "Review contracts on renewal",
  "Step-down from residential care",
  "Family group conferencing",
];
const REF_PREFIXES = ["EEI", "S", "CH", "CS", "SC", "EH"];
const AREAS = [
  "Basingstoke and Deane",
  "East Hampshire",
  "Eastleigh",
  "Fareham",
  "Gosport",
  "Hart",
  "Havant",
  "New Forest",
  "Rushmoor",
  "Test Valley",
  "Winchester",
];
const NOTES = [
  "Note: figures are subject to consultation.",
  "Source: Children's Services finance, March 2024.",
  "Figures may not add due to rounding.",
  "Savings are shown as full year effects.",
];

// ---------------------------------------------------------------------------------------------
// Money: units, their spellings, magnitudes and number formats.
// ---------------------------------------------------------------------------------------------

type UnitClass = "£" | "£000" | "£m" | "£bn";
interface Money {
  unit: UnitClass;
  /** Decimals shown. */
  d: number;
  /** A budget-sized line in units of the last shown digit. */
  lo: number;
  hi: number;
  fmts: (string | null)[];
}
export const MONEY: Record<string, Money> = {
  "£000": { unit: "£000", d: 0, lo: 150, hi: 45_000, fmts: ["#,##0", null, "0", "#,##0;(#,##0)"] },
  "£": { unit: "£", d: 0, lo: 50_000, hi: 20_000_000, fmts: ["#,##0", null, "#,##0;(#,##0)"] },
  "£000 1dp": { unit: "£000", d: 1, lo: 1_500, hi: 450_000, fmts: ["#,##0.0", "0.0", "#,##0.0;(#,##0.0)", null] },
  "£m": { unit: "£m", d: 1, lo: 80, hi: 900, fmts: ["0.0", "#,##0.0", null] },
  "£m 3dp": { unit: "£m", d: 3, lo: 800, hi: 90_000, fmts: ["#,##0.000;(#,##0.000)", "0.000"] },
  "£bn": { unit: "£bn", d: 3, lo: 200, hi: 2_500, fmts: ["0.000"] },
};
const SPELLINGS: Record<UnitClass, string[]> = {
  "£": ["£", "GBP"],
  "£000": ["£000", "£k", "£'000", "£000s", "£ thousands", "GBP'000"],
  "£m": ["£m", "£ms", "£ million"],
  "£bn": ["£bn"],
};
/** Currency number formats (the unit is £), by decimals. */
const CURRENCY_FORMATS: Record<number, string[]> = {
  0: ["£#,##0", '"£"#,##0', "[$£-809]#,##0", '"£"#,##0;("£"#,##0)'],
  1: ['"£"#,##0.0'],
};

// ---------------------------------------------------------------------------------------------
// Recipes: what fast-check generates.
// ---------------------------------------------------------------------------------------------

export const HEADER_SHAPES = ["one-row", "words+units", "group+words", "group+words+units"] as const;
export type HeaderShape = (typeof HEADER_SHAPES)[number];

export interface LayoutRecipe {
  /** Header bands: an optional group row above the words, an optional units row below them. */
  header: HeaderShape;
  /** Where the unit is when there is no units row. */
  unitAt: "header" | "title" | "format";
  /** `Budget £000` or `Budget (£000)`. */
  unitStyle: "plain" | "paren";
  /** With a group row and units in the header text: the unit is in the group's text. */
  unitInGroup: boolean;
  /** A units row: one merged unit cell over each run of money columns. */
  mergeUnits: boolean;
  groupMerged: boolean;
  /** Headers of columns outside the group in a multi-row header: on the words row, the top row, or merged down. */
  plainAt: "words" | "top" | "merged";
  titles: 0 | 1 | 2;
  titleMerged: boolean;
  /** Blank rows between the title and the header. */
  gap: 1 | 2;
  notes: 0 | 1 | 2;
  top: number;
  left: number;
  /** Blank separator rows inside the body. */
  blanks: 0 | 1 | 2;
  blankBeforeTotal: boolean;
  arithmetic: "exact" | "formulas" | "published";
  money: string;
  spelling: number;
  /** Seeds the figures and the minor choices. */
  seed: number;
}

const layoutArb: fc.Arbitrary<LayoutRecipe> = fc.record({
  header: fc.constantFrom(...HEADER_SHAPES),
  unitAt: fc.constantFrom("header" as const, "title" as const, "format" as const),
  unitStyle: fc.constantFrom("plain" as const, "paren" as const),
  unitInGroup: fc.boolean(),
  mergeUnits: fc.boolean(),
  groupMerged: fc.boolean(),
  plainAt: fc.constantFrom("words" as const, "top" as const, "merged" as const),
  titles: fc.constantFrom(0 as const, 1 as const, 2 as const),
  titleMerged: fc.boolean(),
  gap: fc.constantFrom(1 as const, 2 as const),
  notes: fc.constantFrom(0 as const, 1 as const, 2 as const),
  top: fc.nat(20),
  left: fc.nat(10),
  // Half the renderings without blank separator rows, so they do not hide every other variation.
  blanks: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0 as const) },
    { weight: 2, arbitrary: fc.constant(1 as const) },
    { weight: 1, arbitrary: fc.constant(2 as const) },
  ),
  blankBeforeTotal: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  arithmetic: fc.constantFrom("exact" as const, "formulas" as const, "published" as const),
  // £000 most, £bn least, as councils' tables are.
  money: fc.oneof(
    ...Object.keys(MONEY).map((key) => ({
      weight: key === "£000" ? 3 : key === "£bn" ? 1 : 2,
      arbitrary: fc.constant(key),
    })),
  ),
  spelling: fc.nat(20),
  seed: fc.nat(),
});

/** Body structure shared by the tables with lines: sections, headings, sub-totals, a total row. */
interface BodyRecipe {
  lines: number;
  sections: 1 | 2 | 3;
  headings: boolean;
  subtotals: boolean;
  totalLabel: string;
  subtotalLabel: string;
}
const bodyArb = (minLines: number, maxLines: number): fc.Arbitrary<BodyRecipe> =>
  fc.record({
    lines: fc.integer({ min: minLines, max: maxLines }),
    sections: fc.constantFrom(1 as const, 2 as const, 3 as const),
    headings: fc.boolean(),
    subtotals: fc.boolean(),
    totalLabel: fc.constantFrom(...TOTAL_LABELS),
    subtotalLabel: fc.constantFrom(...SUBTOTAL_LABELS),
  });

export interface SummaryRecipe {
  layout: "summary";
  label: string;
  budget: string;
  saving: string;
  pct: string | null;
  /** A year in the budget and saving headers: `Budget 2024/25`, `Savings 2024/25`. */
  withYear: boolean;
  /** Savings positive, shown as negatives (a % beside them positive), or a signed `Saving / (Growth)`. */
  signs: "positive" | "negative" | "signed";
  /** A blank-headed column left of the labels that holds only the total labels. */
  lead: boolean;
  body: BodyRecipe;
}
export interface PhasingAcrossRecipe {
  layout: "phasing-across";
  label: string;
  yearForm: YearForm;
  years: number;
  totalColumn: boolean;
  totalRow: boolean;
  signs: "positive" | "negative";
  lead: boolean;
  body: BodyRecipe;
}
export interface PhasingDownRecipe {
  layout: "phasing-down";
  yearHeader: string;
  yearForm: YearForm;
  years: number;
  /** Figure columns: one saving column, or a column per workstream. */
  series: number;
  saving: string;
  totalColumn: boolean;
  totalRow: boolean;
  totalLabel: string;
  signs: "positive" | "negative";
}
export interface RegisterRecipe {
  layout: "register";
  ref: string;
  description: string;
  workstream: string | null;
  amount: "one" | "years";
  amountWords: string;
  yearForm: YearForm;
  years: number;
  totalColumn: boolean;
  rag: string | null;
  ragLetters: boolean;
  eia: string | null;
  consultation: string | null;
  attributesFirst: boolean;
  totalLabelAt: "description" | "ref";
  signs: "positive" | "negative";
  body: BodyRecipe;
}
export interface ClaRecipe {
  layout: "cla";
  by: "year" | "area";
  yearHeader: string;
  areaHeader: string;
  yearForm: YearForm;
  children: string;
  population: string;
  rate: string;
  rateDecimals: 0 | 1 | 2;
  weekly: string | null;
  annual: string | null;
  lines: number;
  /** Areas only: a total row (children and population summed, the rate of the totals). */
  totalRow: boolean;
  totalLabel: string;
}
export interface FiguresRecipe {
  layout: "figures";
  label: string;
  set: "monitoring" | "gross-income-net" | "budget-forecast-variance" | "single";
  monitoring: string[];
  single: string;
  lead: boolean;
  body: BodyRecipe;
}
export type TableRecipe =
  SummaryRecipe | PhasingAcrossRecipe | PhasingDownRecipe | RegisterRecipe | ClaRecipe | FiguresRecipe;
export type LayoutName = TableRecipe["layout"];

export interface Recipe {
  table: TableRecipe;
  layout: LayoutRecipe;
  /** Which stated figure to plant a fault at, and which way. */
  plant: number;
  plantUp: boolean;
}

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

export const TABLE_ARBS: Record<LayoutName, fc.Arbitrary<TableRecipe>> = {
  summary: fc.record({
    layout: fc.constant("summary" as const),
    label: fc.constantFrom(...LABEL_WORDS),
    budget: fc.constantFrom(...BUDGET_WORDS),
    saving: fc.constantFrom(...SAVING_WORDS),
    pct: opt(fc.constantFrom(...PCT_WORDS)),
    withYear: fc.boolean(),
    signs: fc.constantFrom("positive" as const, "negative" as const, "signed" as const),
    lead: fc.boolean(),
    body: bodyArb(3, 10),
  }),
  "phasing-across": fc.record({
    layout: fc.constant("phasing-across" as const),
    label: fc.constantFrom(...LABEL_WORDS),
    yearForm: fc.constantFrom(...YEAR_FORMS),
    years: fc.integer({ min: 2, max: 5 }),
    totalColumn: fc.boolean(),
    totalRow: fc.boolean(),
    signs: fc.constantFrom("positive" as const, "negative" as const),
    lead: fc.boolean(),
    body: bodyArb(3, 9),
  }),
  "phasing-down": fc.record({
    layout: fc.constant("phasing-down" as const),
    yearHeader: fc.constantFrom("Year", "Financial year"),
    yearForm: fc.constantFrom(...YEAR_FORMS),
    years: fc.integer({ min: 3, max: 6 }),
    series: fc.integer({ min: 1, max: 4 }),
    saving: fc.constantFrom(...SAVING_WORDS),
    totalColumn: fc.boolean(),
    totalRow: fc.boolean(),
    totalLabel: fc.constantFrom(...TOTAL_LABELS),
    signs: fc.constantFrom("positive" as const, "negative" as const),
  }),
  register: fc.record({
    layout: fc.constant("register" as const),
    ref: fc.constantFrom(...REF_WORDS),
    description: fc.constantFrom(...DESCRIPTION_WORDS),
    workstream: opt(fc.constantFrom(...WORKSTREAM_WORDS)),
    amount: fc.constantFrom("one" as const, "years" as const),
    amountWords: fc.constantFrom(...REGISTER_AMOUNT_WORDS),
    yearForm: fc.constantFrom(...YEAR_FORMS),
    years: fc.integer({ min: 2, max: 4 }),
    totalColumn: fc.boolean(),
    rag: opt(fc.constantFrom(...RAG_WORDS)),
    ragLetters: fc.boolean(),
    eia: opt(fc.constantFrom(...EIA_WORDS)),
    consultation: opt(fc.constantFrom(...CONSULTATION_WORDS)),
    attributesFirst: fc.boolean(),
    totalLabelAt: fc.constantFrom("description" as const, "ref" as const),
    signs: fc.constantFrom("positive" as const, "negative" as const),
    body: bodyArb(4, 14),
  }),
  cla: fc.record({
    layout: fc.constant("cla" as const),
    by: fc.constantFrom("year" as const, "area" as const),
    yearHeader: fc.constantFrom(...CLA_YEAR_WORDS),
    areaHeader: fc.constantFrom(...CLA_AREA_WORDS),
    yearForm: fc.constantFrom(...YEAR_FORMS),
    children: fc.constantFrom(...CHILDREN_WORDS),
    population: fc.constantFrom(...POPULATION_WORDS),
    rate: fc.constantFrom(...RATE_WORDS),
    rateDecimals: fc.constantFrom(1 as const, 0 as const, 2 as const),
    weekly: opt(fc.constantFrom(...WEEKLY_WORDS)),
    annual: opt(fc.constantFrom(...ANNUAL_WORDS)),
    lines: fc.integer({ min: 3, max: 8 }),
    totalRow: fc.boolean(),
    totalLabel: fc.constantFrom("Total", "TOTAL", "Grand total", "Overall total"),
  }),
  figures: fc.record({
    layout: fc.constant("figures" as const),
    label: fc.constantFrom(...LABEL_WORDS),
    set: fc.constantFrom(
      "monitoring" as const,
      "gross-income-net" as const,
      "budget-forecast-variance" as const,
      "single" as const,
    ),
    monitoring: fc.subarray(MONITORING_WORDS, { minLength: 1, maxLength: 4 }),
    single: fc.constantFrom("2024 to 2025 budget", "Income", "Net expenditure", "Gross expenditure"),
    lead: fc.boolean(),
    body: bodyArb(3, 10),
  }),
};

export const recipeArb = (layout: LayoutName): fc.Arbitrary<Recipe> =>
  fc.record({ table: TABLE_ARBS[layout], layout: layoutArb, plant: fc.nat(), plantUp: fc.boolean() });

const PLAIN_BODY: BodyRecipe = {
  lines: 4,
  sections: 1,
  headings: false,
  subtotals: false,
  totalLabel: "Total",
  subtotalLabel: "Sub-total",
};

/** The plainest table of each layout: the first wording of each list, no options. */
export const PLAIN_TABLES: Record<LayoutName, TableRecipe> = {
  summary: {
    layout: "summary",
    label: "Workstream",
    budget: "Budget",
    saving: "Savings",
    pct: "%",
    withYear: false,
    signs: "positive",
    lead: false,
    body: PLAIN_BODY,
  },
  "phasing-across": {
    layout: "phasing-across",
    label: "Workstream",
    yearForm: "2024/25",
    years: 3,
    totalColumn: true,
    totalRow: true,
    signs: "positive",
    lead: false,
    body: PLAIN_BODY,
  },
  "phasing-down": {
    layout: "phasing-down",
    yearHeader: "Year",
    yearForm: "2024/25",
    years: 3,
    series: 2,
    saving: "Savings",
    totalColumn: true,
    totalRow: true,
    totalLabel: "Total",
    signs: "positive",
  },
  register: {
    layout: "register",
    ref: "Ref",
    description: "Description",
    workstream: "Workstream",
    amount: "one",
    amountWords: "Saving",
    yearForm: "2024/25",
    years: 2,
    totalColumn: false,
    rag: "RAG",
    ragLetters: false,
    eia: "EIA",
    consultation: "Consultation",
    attributesFirst: false,
    totalLabelAt: "description",
    signs: "positive",
    body: PLAIN_BODY,
  },
  cla: {
    layout: "cla",
    by: "year",
    yearHeader: "Year",
    areaHeader: "Area",
    yearForm: "2024/25",
    children: "Children looked after",
    population: "Child population (0-17)",
    rate: "Rate per 10,000",
    rateDecimals: 1,
    weekly: null,
    annual: null,
    lines: 4,
    totalRow: false,
    totalLabel: "Total",
  },
  figures: {
    layout: "figures",
    label: "Service",
    set: "monitoring",
    monitoring: ["Target", "Achieved"],
    single: "Income",
    lead: false,
    body: PLAIN_BODY,
  },
};

/** The plainest layout: one header row with the unit in it, near A1, nothing around the table, exact figures in £000. */
export const PLAIN_LAYOUT: LayoutRecipe = {
  header: "one-row",
  unitAt: "header",
  unitStyle: "plain",
  unitInGroup: false,
  mergeUnits: false,
  groupMerged: false,
  plainAt: "words",
  titles: 0,
  titleMerged: false,
  gap: 1,
  notes: 0,
  top: 1,
  left: 1,
  blanks: 0,
  blankBeforeTotal: false,
  arithmetic: "exact",
  money: "£000",
  spelling: 0,
  seed: 7,
};

// ---------------------------------------------------------------------------------------------
// The table model: columns, body rows, and the relations between its figures.
// ---------------------------------------------------------------------------------------------

type Role =
  | "lead"
  | "label"
  | "ref"
  | "description"
  | "workstream"
  | "rag"
  | "eia"
  | "consultation"
  | "budget"
  | "saving"
  | "pct"
  | "year"
  | "total"
  | "amount"
  | "figure"
  | "children"
  | "population"
  | "rate"
  | "weekly"
  | "annual";

interface Col {
  role: Role;
  /** Header words without the unit; "" for an empty header. */
  words: string;
  /** A header cell that is not text (a calendar year typed as a number). */
  headerValue?: number;
  numeric: boolean;
  /** Takes the table's money unit. */
  money: boolean;
  d: number;
  fmt: string | null;
  /** Stored as a fraction, shown as a percentage (`0.0%`). */
  percentFormat: boolean;
  /** Whole counts (children, population, £ a week): never rounded from finer hidden values. */
  whole: boolean;
}

type RowKind = "line" | "heading" | "subtotal" | "total" | "blank";

interface Fig {
  exact: Dec;
  stored: number;
  /** A not-applicable marker shown instead of a zero (`-`). */
  na: string | null;
}

interface Row {
  kind: RowKind;
  section: number;
  cells: CellValue[];
  figs: (Fig | undefined)[];
}

interface Pos {
  r: number;
  c: number;
}

export type Stated = "total row" | "sub-total" | "total column" | "percent" | "rate";

type Relation =
  | { op: "sum"; at: Pos; parts: Pos[]; alts: Pos[][]; what: Stated; formula: "sum" | "cells" }
  | { op: "ratio"; at: Pos; num: Pos; den: Pos; scale: number; negate: boolean; what: "percent" | "rate" }
  | { op: "product"; at: Pos; a: Pos; b: Pos; factor: number }
  | { op: "diff"; at: Pos; a: Pos; b: Pos };

interface Group {
  from: number;
  to: number;
  text: string;
}

interface Model {
  kind: Kind;
  layout: LayoutName;
  cols: Col[];
  rows: Row[];
  relations: Relation[];
  group: Group | null;
  money: Money;
  tags: string[];
  /** Title lines this kind may carry. */
  titles: string[];
}

// ---------------------------------------------------------------------------------------------
// Small PRNG for the figures and minor choices (mulberry32).
// ---------------------------------------------------------------------------------------------

class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = (seed ^ 0x9e3779b9) >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** Spread over orders of magnitude, so lines of one table differ widely. */
  logInt(lo: number, hi: number): number {
    return Math.max(lo, Math.min(hi, Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))))));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffled<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Years.
// ---------------------------------------------------------------------------------------------

const two = (n: number) => String(n % 100).padStart(2, "0");

/** The i-th year (0-based) from `start` in a form; a calendar year is a number, as Excel stores it. */
export function yearLabel(form: YearForm, start: number, i: number): string | number {
  const y = start + i;
  switch (form) {
    case "2024/25":
      return `${y}/${two(y + 1)}`;
    case "2024-25":
      return `${y}-${two(y + 1)}`;
    case "2024/2025":
      return `${y}/${y + 1}`;
    case "24/25":
      return `${two(y)}/${two(y + 1)}`;
    case "FY2024/25":
      return `FY${y}/${two(y + 1)}`;
    case "FY 24-25":
      return `FY ${two(y)}-${two(y + 1)}`;
    case "Year 1":
      return `Year ${i + 1}`;
    case "2024":
      return y;
  }
}

// ---------------------------------------------------------------------------------------------
// Building a model.
// ---------------------------------------------------------------------------------------------

interface Ctx {
  rng: Rng;
  money: Money;
  layout: LayoutRecipe;
  unitAt: "header" | "row" | "title" | "format";
  moneyFmt: string | null;
  tags: string[];
}

function textCol(role: Role, words: string): Col {
  return { role, words, numeric: false, money: false, d: 0, fmt: null, percentFormat: false, whole: false };
}
function moneyCol(ctx: Ctx, role: Role, words: string, headerValue?: number): Col {
  return {
    role,
    words,
    headerValue,
    numeric: true,
    money: true,
    d: ctx.money.d,
    fmt: ctx.moneyFmt,
    percentFormat: false,
    whole: false,
  };
}
function countCol(role: Role, words: string, fmt: string | null): Col {
  return { role, words, numeric: true, money: false, d: 0, fmt, percentFormat: false, whole: true };
}

const PCT_FORMATS: { fmt: string | null; d: number; percentFormat: boolean }[] = [
  { fmt: "0.0", d: 1, percentFormat: false },
  { fmt: "0", d: 0, percentFormat: false },
  { fmt: "0.00", d: 2, percentFormat: false },
  { fmt: null, d: 1, percentFormat: false },
  { fmt: "0.0%", d: 1, percentFormat: true },
  { fmt: "0%", d: 0, percentFormat: true },
];

function ratioCol(ctx: Ctx, role: "pct" | "rate", words: string, d?: number): Col {
  if (role === "pct") {
    const f = ctx.rng.pick(PCT_FORMATS);
    const fmt = f.fmt === null && ctx.layout.arithmetic === "formulas" ? "0.0" : f.fmt;
    ctx.tags.push(`pct-format:${fmt ?? "General"}`);
    return { role, words, numeric: true, money: false, d: f.d, fmt, percentFormat: f.percentFormat, whole: false };
  }
  const places = d ?? 1;
  const general = ctx.layout.arithmetic !== "formulas" && ctx.rng.chance(0.25);
  const fmt = general ? null : places === 0 ? "0" : `0.${"0".repeat(places)}`;
  return { role, words, numeric: true, money: false, d: places, fmt, percentFormat: false, whole: false };
}

/** A magnitude in units of the last shown digit, at least 12 units. */
function draw(ctx: Ctx, lo: number, hi: number): number {
  const a = Math.max(12, Math.round(lo));
  return ctx.rng.logInt(a, Math.max(2 * a, Math.round(hi)));
}

const ZERO = new D(0);
const POW10 = Array.from({ length: 12 }, (_, d) => new D(10).pow(-d));
/** n units of the d-th decimal: units(25, 1) is 2.5. */
const units = (n: number, d: number): Dec => new D(n).times(POW10[d]);

function fig(exact: Dec): Fig {
  return { exact, stored: 0, na: null };
}

/** Row skeleton: sections of lines, optional headings and sub-totals, a total row. */
function skeleton(
  rng: Rng,
  body: BodyRecipe,
  total: boolean,
  width: number,
): { rows: Row[]; sections: number; subtotals: boolean; headings: boolean } {
  const sections = Math.min(body.sections, Math.floor(body.lines / 2));
  const headings = body.headings && (sections > 1 || rng.chance(0.3));
  const subtotals = sections > 1 && body.subtotals;
  const counts: number[] = Array(sections).fill(2);
  for (let extra = body.lines - 2 * sections; extra > 0; extra--) counts[rng.int(0, sections - 1)]++;
  const rows: Row[] = [];
  const empty = (kind: RowKind, section: number): Row => ({
    kind,
    section,
    cells: Array(width).fill(null),
    figs: Array(width).fill(undefined),
  });
  counts.forEach((n, s) => {
    if (headings) rows.push(empty("heading", s));
    for (let i = 0; i < n; i++) rows.push(empty("line", s));
    if (subtotals) rows.push(empty("subtotal", s));
  });
  if (total) rows.push(empty("total", -1));
  return { rows, sections, subtotals, headings };
}

/** Blank separator rows between body rows (never first, never two together); one before the total if asked. */
function addBlanks(rng: Rng, rows: Row[], blanks: number, beforeTotal: boolean, tags: string[]): Row[] {
  const width = rows[0].cells.length;
  const gaps = new Set<number>();
  for (let i = 0; i < blanks * 3 && gaps.size < blanks; i++) {
    const g = rng.int(1, rows.length - 1);
    if (rows[g].kind !== "total" && rows[g - 1].kind !== "heading") gaps.add(g);
  }
  if (beforeTotal && rows[rows.length - 1].kind === "total") gaps.add(rows.length - 1);
  if (gaps.size > 0) tags.push("blank-rows");
  const out: Row[] = [];
  rows.forEach((row, i) => {
    if (gaps.has(i))
      out.push({
        kind: "blank",
        section: row.section,
        cells: Array(width).fill(null),
        figs: Array(width).fill(undefined),
      });
    out.push(row);
  });
  return out;
}

function subtotalText(template: string, section: string): string {
  return template.replace("{section}", section);
}

/**
 * Sum relations of a column for sub-total and total rows: a sub-total sums its section's lines; the
 * total sums every line, or (with sub-totals) the sub-totals, either of which a reader may check.
 */
function columnSums(rows: Row[], c: number, rels: Relation[]): void {
  const lines = (s?: number) =>
    rows.flatMap((row, r) => (row.kind === "line" && (s === undefined || row.section === s) ? [{ r, c }] : []));
  const subs = rows.flatMap((row, r) => (row.kind === "subtotal" ? [{ r, c }] : []));
  rows.forEach((row, r) => {
    if (row.kind === "subtotal")
      rels.push({ op: "sum", at: { r, c }, parts: lines(row.section), alts: [], what: "sub-total", formula: "sum" });
  });
  rows.forEach((row, r) => {
    if (row.kind !== "total") return;
    if (subs.length > 0)
      rels.push({ op: "sum", at: { r, c }, parts: subs, alts: [lines()], what: "total row", formula: "cells" });
    else rels.push({ op: "sum", at: { r, c }, parts: lines(), alts: [], what: "total row", formula: "sum" });
  });
}

/**
 * A total column: each row's sum of the part columns (on sub-total and total rows too). On a
 * sub-total or total row the cell also sums its own column, which a reader may check instead.
 */
function rowSums(rows: Row[], partCols: number[], c: number, rels: Relation[]): void {
  const down: Relation[] = [];
  columnSums(rows, c, down);
  const alts = new Map(down.map((rel) => [rel.at.r, rel.op === "sum" ? [rel.parts, ...rel.alts] : []]));
  rows.forEach((row, r) => {
    if (row.kind === "line" || row.kind === "subtotal" || row.kind === "total")
      rels.push({
        op: "sum",
        at: { r, c },
        parts: partCols.map((k) => ({ r, c: k })),
        alts: alts.get(r) ?? [],
        what: "total column",
        formula: "sum",
      });
  });
}

/** Labels of lines, headings, sub-totals and the total in the columns given. */
function labelRows(
  rows: Row[],
  labels: string[],
  sections: string[],
  body: BodyRecipe,
  lineCol: number,
  totalCol: number,
  headingCol: number,
): void {
  let i = 0;
  for (const row of rows) {
    if (row.kind === "line") row.cells[lineCol] = labels[i++];
    else if (row.kind === "heading") row.cells[headingCol] = sections[row.section];
    else if (row.kind === "subtotal") row.cells[totalCol] = subtotalText(body.subtotalLabel, sections[row.section]);
    else if (row.kind === "total") row.cells[totalCol] = body.totalLabel;
  }
}

function buildSummary(t: SummaryRecipe, ctx: Ctx): Model {
  const { rng } = ctx;
  const year = rng.int(2015, 2027);
  const fy = `${year}/${two(year + 1)}`;
  const cols: Col[] = [];
  if (t.lead) cols.push(textCol("lead", ""));
  const labelC = cols.push(textCol("label", t.label)) - 1;
  const budgetC =
    cols.push(moneyCol(ctx, "budget", t.withYear ? rng.pick([`${t.budget} ${fy}`, `${fy} ${t.budget}`]) : t.budget)) -
    1;
  const savingWords = t.signs === "signed" ? rng.pick(SIGNED_SAVING_WORDS) : t.saving;
  const savingC = cols.push(moneyCol(ctx, "saving", t.withYear ? `${savingWords} ${fy}` : savingWords)) - 1;
  const pctC = t.pct === null ? -1 : cols.push(ratioCol(ctx, "pct", t.pct)) - 1;
  const sk = skeleton(rng, t.body, true, cols.length);
  const rows = addBlanks(rng, sk.rows, ctx.layout.blanks, ctx.layout.blankBeforeTotal, ctx.tags);
  const labels = rng.shuffled(LINE_LABELS);
  const sections = rng.shuffled(SECTION_NAMES);
  labelRows(rows, labels, sections, t.body, labelC, t.lead ? 0 : labelC, labelC);
  const { lo, hi } = ctx.money;
  let growth = 0;
  for (const row of rows) {
    if (row.kind !== "line") continue;
    const b = draw(ctx, lo, hi);
    let s = Math.max(12, Math.round((b * rng.int(20, 450)) / 1000));
    if (t.signs === "negative") s = -s;
    // Growth (a negative saving) on a few lines only, so the total stays a saving.
    if (t.signs === "signed" && growth < 2 && rng.chance(0.25)) {
      s = -Math.max(12, Math.round(s / 4));
      growth++;
    }
    row.figs[budgetC] = fig(units(b, ctx.money.d));
    row.figs[savingC] = fig(units(s, ctx.money.d));
  }
  const rels: Relation[] = [];
  columnSums(rows, budgetC, rels);
  columnSums(rows, savingC, rels);
  if (pctC >= 0)
    rows.forEach((row, r) => {
      if (row.kind === "line" || row.kind === "subtotal" || row.kind === "total")
        rels.push({
          op: "ratio",
          at: { r, c: pctC },
          num: { r, c: savingC },
          den: { r, c: budgetC },
          scale: 100,
          negate: t.signs === "negative",
          what: "percent",
        });
    });
  ctx.tags.push(`signs:${t.signs}`);
  if (t.withYear) ctx.tags.push("year-in-header");
  if (t.lead) ctx.tags.push("total-label-left");
  if (t.label === "") ctx.tags.push("empty-label-header");
  if (t.pct !== null) ctx.tags.push("pct");
  pushBodyTags(ctx, sk);
  return {
    kind: "workstream-summary",
    layout: "summary",
    cols,
    rows,
    relations: rels,
    group: { from: budgetC, to: savingC, text: rng.pick([fy, "Proposals", "Medium term plan"]) },
    money: ctx.money,
    tags: ctx.tags,
    titles: ["Table 1: Savings proposals by workstream", "Children's Services savings proposals", "Appendix 2"],
  };
}

function pushBodyTags(ctx: Ctx, sk: { sections: number; subtotals: boolean; headings: boolean }): void {
  if (sk.headings) ctx.tags.push("section-headings");
  if (sk.subtotals) ctx.tags.push("sub-totals");
}

/** Year figures of a line: mostly non-zero, at most a leading `-` or 0 (the saving starts in year 2). */
function yearFigures(ctx: Ctx, n: number, negative: boolean): { exact: Dec; na: string | null }[] {
  const { rng } = ctx;
  const out: { exact: Dec; na: string | null }[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 && n > 2 && rng.chance(0.15)) {
      out.push({ exact: ZERO, na: rng.chance(0.5) ? "-" : null });
      continue;
    }
    const v = draw(ctx, ctx.money.lo / 6, ctx.money.hi / 6);
    out.push({ exact: units(negative ? -v : v, ctx.money.d), na: null });
  }
  return out;
}

function buildPhasingAcross(t: PhasingAcrossRecipe, ctx: Ctx): Model {
  const { rng } = ctx;
  const start = rng.int(2015, 2027);
  const totalRow = t.totalRow || !t.totalColumn;
  const cols: Col[] = [];
  if (t.lead && totalRow) cols.push(textCol("lead", ""));
  const labelC = cols.push(textCol("label", t.label)) - 1;
  const yearCs: number[] = [];
  for (let i = 0; i < t.years; i++) {
    const y = yearLabel(t.yearForm, start, i);
    yearCs.push(cols.push(moneyCol(ctx, "year", String(y), typeof y === "number" ? y : undefined)) - 1);
  }
  const totalC = t.totalColumn ? cols.push(moneyCol(ctx, "total", "Total")) - 1 : -1;
  const body = { ...t.body };
  const sk = skeleton(rng, body, totalRow, cols.length);
  const rows = addBlanks(rng, sk.rows, ctx.layout.blanks, ctx.layout.blankBeforeTotal, ctx.tags);
  labelRows(
    rows,
    rng.shuffled(LINE_LABELS),
    rng.shuffled(SECTION_NAMES),
    body,
    labelC,
    t.lead && totalRow ? 0 : labelC,
    labelC,
  );
  for (const row of rows) {
    if (row.kind !== "line") continue;
    yearFigures(ctx, t.years, t.signs === "negative").forEach((f, k) => {
      row.figs[yearCs[k]] = { ...fig(f.exact), na: f.na };
    });
  }
  const rels: Relation[] = [];
  for (const c of yearCs) columnSums(rows, c, rels);
  if (totalC >= 0) rowSums(rows, yearCs, totalC, rels);
  ctx.tags.push(`years:${t.yearForm}`, `signs:${t.signs}`);
  if (t.totalColumn) ctx.tags.push("total-column");
  if (totalRow) ctx.tags.push("total-row");
  if (t.lead && totalRow) ctx.tags.push("total-label-left");
  if (t.label === "") ctx.tags.push("empty-label-header");
  pushBodyTags(ctx, sk);
  return {
    kind: "phasing",
    layout: "phasing-across",
    cols,
    rows,
    relations: rels,
    group: {
      from: yearCs[0],
      to: yearCs[yearCs.length - 1],
      text: rng.pick(["Savings by year", "Phasing of savings", "Savings", "Profile of savings"]),
    },
    money: ctx.money,
    tags: ctx.tags,
    titles: ["Phasing of savings", "Table 3: Savings by year", "Children's Services savings proposals"],
  };
}

function buildPhasingDown(t: PhasingDownRecipe, ctx: Ctx): Model {
  const { rng } = ctx;
  const start = rng.int(2015, 2027);
  const totalColumn = t.totalColumn && t.series > 1;
  const totalRow = t.totalRow || !totalColumn;
  const cols: Col[] = [textCol("label", t.yearHeader)];
  const seriesCs: number[] = [];
  const names = rng.shuffled(LINE_LABELS);
  for (let i = 0; i < t.series; i++)
    seriesCs.push(cols.push(moneyCol(ctx, "amount", t.series === 1 ? t.saving : names[i])) - 1);
  const totalC = totalColumn ? cols.push(moneyCol(ctx, "total", "Total")) - 1 : -1;
  const rows: Row[] = [];
  const width = cols.length;
  for (let i = 0; i < t.years; i++)
    rows.push({
      kind: "line",
      section: 0,
      cells: [yearLabel(t.yearForm, start, i), ...Array(width - 1).fill(null)],
      figs: Array(width).fill(undefined),
    });
  if (totalRow)
    rows.push({
      kind: "total",
      section: -1,
      cells: [t.totalLabel, ...Array(width - 1).fill(null)],
      figs: Array(width).fill(undefined),
    });
  for (const row of rows) {
    if (row.kind !== "line") continue;
    for (const c of seriesCs) {
      const v = draw(ctx, ctx.money.lo / 6, ctx.money.hi / 6);
      row.figs[c] = fig(units(t.signs === "negative" ? -v : v, ctx.money.d));
    }
  }
  const rels: Relation[] = [];
  for (const c of seriesCs) columnSums(rows, c, rels);
  if (totalC >= 0) rowSums(rows, seriesCs, totalC, rels);
  ctx.tags.push(`years:${t.yearForm}`, `signs:${t.signs}`, t.series === 1 ? "one-series" : "series-per-workstream");
  if (totalColumn) ctx.tags.push("total-column");
  if (totalRow) ctx.tags.push("total-row");
  const group =
    t.series > 1
      ? {
          from: seriesCs[0],
          to: seriesCs[seriesCs.length - 1],
          text: rng.pick(["Savings by workstream", "Workstream"]),
        }
      : null;
  return {
    kind: "phasing",
    layout: "phasing-down",
    cols,
    rows,
    relations: rels,
    group,
    money: ctx.money,
    tags: ctx.tags,
    titles: ["Phasing of savings", "Savings by financial year"],
  };
}

function buildRegister(t: RegisterRecipe, ctx: Ctx): Model {
  const { rng } = ctx;
  const start = rng.int(2015, 2027);
  const cols: Col[] = [];
  const refC = cols.push(textCol("ref", t.ref)) - 1;
  const descC = cols.push(textCol("description", t.description)) - 1;
  const wsC = t.workstream ? cols.push(textCol("workstream", t.workstream)) - 1 : -1;
  const attrs: Col[] = [];
  if (t.rag) attrs.push(textCol("rag", t.rag));
  if (t.eia) attrs.push(textCol("eia", t.eia));
  if (t.consultation) attrs.push(textCol("consultation", t.consultation));
  if (t.attributesFirst) cols.push(...attrs);
  const amountCs: number[] = [];
  if (t.amount === "one") amountCs.push(cols.push(moneyCol(ctx, "amount", t.amountWords)) - 1);
  else
    for (let i = 0; i < t.years; i++) {
      const y = yearLabel(t.yearForm, start, i);
      amountCs.push(cols.push(moneyCol(ctx, "year", String(y), typeof y === "number" ? y : undefined)) - 1);
    }
  const totalC = t.amount === "years" && t.totalColumn ? cols.push(moneyCol(ctx, "total", "Total")) - 1 : -1;
  if (!t.attributesFirst) cols.push(...attrs);
  const sk = skeleton(rng, t.body, true, cols.length);
  const rows = addBlanks(rng, sk.rows, ctx.layout.blanks, ctx.layout.blankBeforeTotal, ctx.tags);
  const sections = rng.shuffled(SECTION_NAMES);
  const totalLabelC = t.totalLabelAt === "ref" ? refC : descC;
  labelRows(rows, rng.shuffled(DESCRIPTIONS), sections, t.body, descC, totalLabelC, rng.chance(0.7) ? descC : refC);
  const prefix = rng.pick(REF_PREFIXES);
  const width = rng.pick([2, 3]);
  let n = rng.int(1, 40);
  const wsNames = rng.shuffled(LINE_LABELS).slice(0, 3);
  const rag = t.ragLetters ? ["R", "A", "G", "B"] : ["Red", "Amber", "Green", "Blue"];
  for (const row of rows) {
    if (row.kind !== "line") continue;
    n += rng.int(1, 4);
    row.cells[refC] = `${prefix}${String(n).padStart(width, "0")}`;
    if (wsC >= 0) row.cells[wsC] = sections.length && row.section >= 0 ? wsNames[row.section % 3] : wsNames[0];
    cols.forEach((c, k) => {
      if (c.role === "rag") row.cells[k] = rng.pick(rag);
      if (c.role === "eia") row.cells[k] = rng.pick(["Yes", "No", "Completed"]);
      if (c.role === "consultation") row.cells[k] = rng.pick(["Yes", "No"]);
    });
    if (t.amount === "one") {
      const v = draw(ctx, ctx.money.lo / 10, ctx.money.hi / 10);
      row.figs[amountCs[0]] = fig(units(t.signs === "negative" ? -v : v, ctx.money.d));
    } else
      yearFigures(ctx, t.years, t.signs === "negative").forEach((f, k) => {
        row.figs[amountCs[k]] = { ...fig(f.exact), na: f.na };
      });
  }
  const rels: Relation[] = [];
  for (const c of amountCs) columnSums(rows, c, rels);
  if (totalC >= 0) rowSums(rows, amountCs, totalC, rels);
  ctx.tags.push(
    `register:${t.amount === "one" ? "one-amount" : "years"}`,
    `signs:${t.signs}`,
    `total-label-in:${t.totalLabelAt}`,
  );
  if (t.amount === "years") ctx.tags.push(`years:${t.yearForm}`);
  if (totalC >= 0) ctx.tags.push("total-column");
  pushBodyTags(ctx, sk);
  const attrCols = cols.flatMap((c, k) =>
    c.role === "rag" || c.role === "eia" || c.role === "consultation" ? [k] : [],
  );
  const group =
    amountCs.length > 1
      ? {
          from: amountCs[0],
          to: amountCs[amountCs.length - 1],
          text: rng.pick(["Savings by year", "Phasing", "Savings"]),
        }
      : attrCols.length > 1
        ? { from: attrCols[0], to: attrCols[attrCols.length - 1], text: rng.pick(["Assurance", "Governance"]) }
        : null;
  return {
    kind: "register",
    layout: "register",
    cols,
    rows,
    relations: rels,
    group,
    money: ctx.money,
    tags: ctx.tags,
    titles: ["Savings register", "Appendix 3: Savings proposals", "Children's Services savings proposals"],
  };
}

function buildCla(t: ClaRecipe, ctx: Ctx): Model {
  const { rng } = ctx;
  const start = rng.int(2012, 2024);
  const cols: Col[] = [];
  // Column 0: the years or areas.
  cols.push(textCol("label", t.by === "year" ? t.yearHeader : t.areaHeader));
  const countFmt = () => rng.pick(["#,##0", null, "0"]);
  const childrenC = cols.push(countCol("children", t.children, countFmt())) - 1;
  const populationC = cols.push(countCol("population", t.population, countFmt())) - 1;
  const rateC = cols.push(ratioCol(ctx, "rate", t.rate, t.rateDecimals)) - 1;
  const weeklyC = t.weekly ? cols.push({ ...moneyCol(ctx, "weekly", t.weekly), whole: true }) - 1 : -1;
  const annualC = t.annual && weeklyC >= 0 ? cols.push({ ...moneyCol(ctx, "annual", t.annual), whole: true }) - 1 : -1;
  const lines = t.by === "area" ? Math.min(t.lines, AREAS.length) : t.lines;
  // Counts of children looked after are by financial or calendar year, not `Year 1`.
  const yearForm: YearForm = t.yearForm === "Year 1" ? "2024/25" : t.yearForm;
  const totalRow = t.by === "area" && t.totalRow;
  const width = cols.length;
  const rows: Row[] = [];
  const areas = rng.shuffled(AREAS);
  for (let i = 0; i < lines; i++) {
    const label = t.by === "year" ? yearLabel(yearForm, start, i) : areas[i];
    rows.push({
      kind: "line",
      section: 0,
      cells: [label, ...Array(width - 1).fill(null)],
      figs: Array(width).fill(undefined),
    });
  }
  if (totalRow)
    rows.push({
      kind: "total",
      section: -1,
      cells: [t.totalLabel, ...Array(width - 1).fill(null)],
      figs: Array(width).fill(undefined),
    });
  for (const row of rows) {
    if (row.kind !== "line") continue;
    const population = t.by === "year" ? rng.int(240_000, 300_000) : rng.int(18_000, 42_000);
    const rate = rng.int(250, 900) / 10;
    const children = Math.max(12, Math.round((population * rate) / 10_000));
    row.figs[childrenC] = fig(new D(children));
    row.figs[populationC] = fig(new D(population));
    if (weeklyC >= 0) row.figs[weeklyC] = fig(new D(rng.int(600, 1_600)));
  }
  const rels: Relation[] = [];
  if (totalRow) {
    columnSums(rows, childrenC, rels);
    columnSums(rows, populationC, rels);
  }
  rows.forEach((row, r) => {
    if (row.kind === "line" && annualC >= 0)
      rels.push({ op: "product", at: { r, c: annualC }, a: { r, c: weeklyC }, b: { r, c: childrenC }, factor: 52 });
  });
  if (totalRow && annualC >= 0) columnSums(rows, annualC, rels);
  rows.forEach((row, r) => {
    rels.push({
      op: "ratio",
      at: { r, c: rateC },
      num: { r, c: childrenC },
      den: { r, c: populationC },
      scale: 10_000,
      negate: false,
      what: "rate",
    });
  });
  ctx.tags.push(`cla:by-${t.by}`);
  if (t.by === "year") ctx.tags.push(`years:${yearForm}`);
  if (totalRow) ctx.tags.push("total-row");
  if (weeklyC >= 0) ctx.tags.push(annualC >= 0 ? "cla:weekly+annual" : "cla:weekly");
  const group =
    annualC >= 0
      ? { from: weeklyC, to: annualC, text: rng.pick(["Placement costs", "Costs"]) }
      : { from: childrenC, to: rateC, text: rng.pick(["At 31 March", "Latest position"]) };
  return {
    kind: "cla",
    layout: "cla",
    cols,
    rows,
    relations: rels,
    group,
    money: ctx.money,
    tags: ctx.tags,
    titles: ["Children looked after", "Table 4: Children looked after per 10,000 children"],
  };
}

function buildFigures(t: FiguresRecipe, ctx: Ctx): Model {
  const { rng } = ctx;
  const cols: Col[] = [];
  if (t.lead) cols.push(textCol("lead", ""));
  const labelC = cols.push(textCol("label", t.label)) - 1;
  let words: string[];
  /** Derived columns: [target, a, b] with target = a - b. */
  const diffs: [number, number, number][] = [];
  switch (t.set) {
    case "monitoring":
      // Achieved and Delivered mean the same: keep one.
      words = t.monitoring.filter((w, i, all) => !(w === "Delivered" && all.includes("Achieved")));
      break;
    case "gross-income-net":
      words = ["Gross expenditure", "Income", "Net expenditure"];
      break;
    case "budget-forecast-variance":
      words = ["Budget", "Forecast", "Variance"];
      break;
    case "single":
      words = [t.single];
  }
  const figCs = words.map((w) => cols.push(moneyCol(ctx, "figure", w)) - 1);
  if (t.set === "gross-income-net") diffs.push([figCs[2], figCs[0], figCs[1]]);
  if (t.set === "budget-forecast-variance") diffs.push([figCs[2], figCs[1], figCs[0]]);
  if (t.set === "monitoring") {
    const v = words.indexOf("Variance");
    const others = figCs.filter((_, i) => i !== v);
    if (v >= 0 && others.length >= 2) diffs.push([figCs[v], others[1], others[0]]);
  }
  const sk = skeleton(rng, t.body, true, cols.length);
  const rows = addBlanks(rng, sk.rows, ctx.layout.blanks, ctx.layout.blankBeforeTotal, ctx.tags);
  labelRows(rows, rng.shuffled(LINE_LABELS), rng.shuffled(SECTION_NAMES), t.body, labelC, t.lead ? 0 : labelC, labelC);
  const derived = new Set(diffs.map((x) => x[0]));
  for (const row of rows) {
    if (row.kind !== "line") continue;
    const base = draw(ctx, ctx.money.lo, ctx.money.hi);
    figCs.forEach((c, i) => {
      if (derived.has(c)) return;
      let v: number;
      if (words[i] === "Variance") v = (rng.chance(0.5) ? 1 : -1) * draw(ctx, base / 40, base / 8);
      else if (words[i] === "Income") v = draw(ctx, base / 10, base / 2);
      else if (i === 0 || t.set === "monitoring") v = i === 0 ? base : draw(ctx, base / 2, base);
      else v = Math.max(12, Math.round((base * rng.int(85, 115)) / 100));
      row.figs[c] = fig(units(v, ctx.money.d));
    });
  }
  const rels: Relation[] = [];
  rows.forEach((row, r) => {
    if (row.kind === "line")
      for (const [at, a, b] of diffs) rels.push({ op: "diff", at: { r, c: at }, a: { r, c: a }, b: { r, c: b } });
  });
  for (const c of figCs) columnSums(rows, c, rels);
  ctx.tags.push(`figures:${t.set}`);
  if (t.lead) ctx.tags.push("total-label-left");
  if (t.label === "") ctx.tags.push("empty-label-header");
  pushBodyTags(ctx, sk);
  return {
    kind: "figures",
    layout: "figures",
    cols,
    rows,
    relations: rels,
    group:
      figCs.length > 1
        ? {
            from: figCs[0],
            to: figCs[figCs.length - 1],
            text: rng.pick(["Position at month 9", "Quarter 3", "Outturn"]),
          }
        : null,
    money: ctx.money,
    tags: ctx.tags,
    titles: ["Budget monitoring: Children's Services", "Table 5: Savings delivery", "Medium term financial strategy"],
  };
}

// ---------------------------------------------------------------------------------------------
// Figures: inputs, coincidences, relations, rounding.
// ---------------------------------------------------------------------------------------------

const isInput = (model: Model) => {
  const targets = new Set(model.relations.map((r) => `${r.at.r},${r.at.c}`));
  return (r: number, c: number) => !targets.has(`${r},${c}`);
};

/**
 * No line equals the running sum of the lines above it (from the table's top or its section's),
 * and no year equals the sum of the years before it on its row: an engine that finds totals by
 * arithmetic must not be misled by a coincidence.
 */
function deconflict(model: Model): void {
  const input = isInput(model);
  model.cols.forEach((col, c) => {
    if (!col.numeric || col.role === "weekly") return;
    let tableSum = ZERO;
    let sectionSum = ZERO;
    let section = -2;
    let count = 0;
    let sectionCount = 0;
    model.rows.forEach((row, r) => {
      const f = row.figs[c];
      if (row.kind !== "line" || !f || !input(r, c)) return;
      if (row.section !== section) {
        section = row.section;
        sectionSum = ZERO;
        sectionCount = 0;
      }
      const step = units(f.exact.isNegative() ? -1 : 1, col.d);
      while (!f.exact.isZero() && ((count > 0 && f.exact.eq(tableSum)) || (sectionCount > 0 && f.exact.eq(sectionSum))))
        f.exact = f.exact.plus(step);
      tableSum = tableSum.plus(f.exact);
      sectionSum = sectionSum.plus(f.exact);
      count++;
      sectionCount++;
    });
  });
  const yearCols = model.cols.flatMap((c, k) => (c.role === "year" || c.role === "amount" ? [k] : []));
  if (yearCols.length < 2) return;
  model.rows.forEach((row, r) => {
    if (row.kind !== "line") return;
    let sum = ZERO;
    yearCols.forEach((c, i) => {
      const f = row.figs[c];
      if (!f || !input(r, c)) return;
      const step = units(f.exact.isNegative() ? -1 : 1, model.cols[c].d);
      while (i > 0 && !f.exact.isZero() && f.exact.eq(sum)) f.exact = f.exact.plus(step);
      sum = sum.plus(f.exact);
    });
  });
}

/** Hidden exact values behind published figures: within half a unit of the shown figure, never a tie. */
function addHiddenDigits(model: Model, rng: Rng): void {
  const input = isInput(model);
  model.rows.forEach((row, r) =>
    row.figs.forEach((f, c) => {
      const col = model.cols[c];
      if (!f || !input(r, c) || col.whole || f.exact.isZero()) return;
      const noise = rng.int(-49, 49);
      f.exact = f.exact.plus(units(noise, col.d + 2));
    }),
  );
}

const roundTo = (x: Dec, d: number) => x.toDecimalPlaces(Math.max(0, d), D.ROUND_HALF_UP);

function evaluate(model: Model): void {
  const at = (p: Pos) => model.rows[p.r].figs[p.c]!;
  const ensure = (p: Pos) => (model.rows[p.r].figs[p.c] ??= fig(ZERO));
  for (const rel of model.relations) {
    const target = ensure(rel.at);
    switch (rel.op) {
      case "sum":
        target.exact = rel.parts.reduce((s, p) => s.plus(at(p).exact), ZERO);
        break;
      case "ratio": {
        const num = at(rel.num).exact;
        const den = at(rel.den).exact;
        const q = num.div(den).times(rel.scale);
        target.exact = rel.negate ? q.neg() : q;
        break;
      }
      case "product":
        target.exact = at(rel.a).exact.times(at(rel.b).exact).times(rel.factor);
        break;
      case "diff":
        target.exact = at(rel.a).exact.minus(at(rel.b).exact);
        break;
    }
  }
}

/** Stored value of a figure typed at its shown precision (a percent-formatted cell holds the fraction). */
function typed(col: Col, value: Dec): number {
  const shown = roundTo(value, col.d);
  return (col.percentFormat ? shown.div(100) : shown).toNumber();
}

/** Rounding reach of a sum (SPEC §5): the smaller of the hard bound and 4σ of independent roundings. */
export function reach(partDecimals: number[], totalDecimals: number): number {
  const us = [...partDecimals, totalDecimals].map((d) => Math.pow(10, -d));
  const hard = us.reduce((s, u) => s + u / 2, 0);
  const sigma = Math.sqrt(us.reduce((s, u) => s + (u * u) / 12, 0));
  return Math.min(hard, 4 * sigma);
}

/** Published rounding stays well inside reach for every sum a reader may check (else the table is re-rounded exactly). */
function withinReach(model: Model): boolean {
  const stored = (p: Pos) => model.rows[p.r].figs[p.c]!.stored;
  for (const rel of model.relations) {
    if (rel.op !== "sum") continue;
    const d = model.cols[rel.at.c].d;
    for (const parts of [rel.parts, ...rel.alts]) {
      const sum = parts.reduce((s, p) => s.plus(new D(stored(p))), ZERO);
      const gap = sum
        .minus(new D(stored(rel.at)))
        .abs()
        .toNumber();
      const r = reach(
        parts.map((p) => model.cols[p.c].d),
        d,
      );
      if (gap > 0.5 * r + 1e-12) return false;
    }
  }
  return true;
}

function storeTyped(model: Model): void {
  model.rows.forEach((row) =>
    row.figs.forEach((f, c) => {
      if (f) f.stored = typed(model.cols[c], f.exact);
    }),
  );
}

/** Cached results of formulas, as Excel computes them: in binary floating point, unrounded. */
function storeFormulaResults(model: Model, ratioRound: boolean): void {
  const input = isInput(model);
  model.rows.forEach((row, r) =>
    row.figs.forEach((f, c) => {
      if (f && input(r, c)) f.stored = typed(model.cols[c], f.exact);
    }),
  );
  const stored = (p: Pos) => model.rows[p.r].figs[p.c]!.stored;
  for (const rel of model.relations) {
    const target = model.rows[rel.at.r].figs[rel.at.c]!;
    const col = model.cols[rel.at.c];
    switch (rel.op) {
      case "sum":
        target.stored = rel.parts.reduce((s, p) => s + stored(p), 0);
        break;
      case "ratio": {
        let q = (stored(rel.num) / stored(rel.den)) * (col.percentFormat ? 1 : rel.scale);
        if (rel.negate) q = -q;
        if (ratioRound) q = roundTo(new D(q), col.percentFormat ? col.d + 2 : col.d).toNumber();
        target.stored = q;
        break;
      }
      case "product":
        target.stored = stored(rel.a) * rel.factor * stored(rel.b);
        break;
      case "diff":
        target.stored = stored(rel.a) - stored(rel.b);
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering onto a sheet.
// ---------------------------------------------------------------------------------------------

export interface SheetCell {
  row: number;
  col: number;
}

/** What a stated figure should be: a sum of cells (any one of the lists a reader may add up), or a ratio. */
export type Check =
  { op: "sum"; parts: SheetCell[][] } | { op: "ratio"; num: SheetCell; den: SheetCell; scale: number; negate: boolean };

export interface StatedCell extends SheetCell {
  address: string;
  what: Stated;
  /** Decimals shown (of the percentage, for a percent-formatted cell). */
  decimals: number;
  percentFormat: boolean;
  check: Check;
}

export interface Rendering {
  kind: Kind;
  layout: LayoutName;
  /** The header shape as rendered (a group row needs two or more columns to group). */
  header: HeaderShape;
  unitAt: "header" | "row" | "title" | "format" | "none";
  arithmetic: "exact" | "formulas" | "published";
  sheet: SheetGrid;
  range: CellRange;
  stated: StatedCell[];
  tags: string[];
}

class SheetBuilder {
  values: CellValue[][] = [];
  formulas: (string | null)[][] = [];
  formats: (string | null)[][] = [];
  merges: CellRange[] = [];
  put(r: number, c: number, v: CellValue, fmt: string | null = null, formula: string | null = null): void {
    (this.values[r] ??= [])[c] = v;
    if (fmt) (this.formats[r] ??= [])[c] = fmt;
    if (formula) (this.formulas[r] ??= [])[c] = formula;
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
  sheet(name: string): SheetGrid {
    const rows = this.values.length;
    const dense = <T>(xs: T[][], fill: T) =>
      Array.from({ length: rows }, (_, r) => Array.from(xs[r] ?? [], (v) => (v === undefined ? fill : v)));
    return {
      name,
      values: dense(this.values, null),
      formulas: dense(this.formulas, null),
      numberFormats: dense(this.formats, null),
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      merges: this.merges,
    };
  }
}

function unitText(spelling: string, style: "plain" | "paren"): string {
  return style === "paren" && !spelling.startsWith("(") ? `(${spelling})` : spelling;
}

/** Builds the table a recipe describes and renders it onto a sheet named `Sheet1`. */
export function render(recipe: Recipe): Rendering {
  const { layout } = recipe;
  const rng = new Rng(layout.seed);
  const hasUnitsRow = layout.header === "words+units" || layout.header === "group+words+units";
  const unitAt = hasUnitsRow ? "row" : layout.unitAt;
  // Placement costs of a children-looked-after table are whole pounds.
  let money = recipe.table.layout === "cla" ? MONEY["£"] : MONEY[layout.money];
  let moneyFmt: string | null;
  if (unitAt === "format") {
    const d = money.unit === "£" ? money.d : rng.chance(0.8) ? 0 : 1;
    money = { ...MONEY["£"], d, lo: MONEY["£"].lo * Math.pow(10, d), hi: MONEY["£"].hi * Math.pow(10, d) };
    moneyFmt = rng.pick(CURRENCY_FORMATS[d]);
  } else {
    moneyFmt = rng.pick(money.fmts);
    // A General column of formula results would show every binary digit: give it a format.
    if (moneyFmt === null && money.d > 0 && layout.arithmetic === "formulas")
      moneyFmt = money.d === 1 ? "0.0" : "0.000";
  }
  const tags: string[] = [];
  const ctx: Ctx = { rng, money, layout, unitAt, moneyFmt, tags };
  const t = recipe.table;
  const model =
    t.layout === "summary"
      ? buildSummary(t, ctx)
      : t.layout === "phasing-across"
        ? buildPhasingAcross(t, ctx)
        : t.layout === "phasing-down"
          ? buildPhasingDown(t, ctx)
          : t.layout === "register"
            ? buildRegister(t, ctx)
            : t.layout === "cla"
              ? buildCla(t, ctx)
              : buildFigures(t, ctx);

  // Figures.
  deconflict(model);
  let arithmetic = layout.arithmetic;
  const ratioRound = rng.chance(0.3);
  if (arithmetic === "published") {
    const plain = model.rows.map((row) => row.figs.map((f) => f?.exact));
    addHiddenDigits(model, rng);
    evaluate(model);
    storeTyped(model);
    if (!withinReach(model)) {
      // Too many roundings leaned one way: publish this one exactly instead.
      arithmetic = "exact";
      model.rows.forEach((row, r) => row.figs.forEach((f, c) => f && plain[r][c] && (f.exact = plain[r][c]!)));
    }
  }
  if (arithmetic !== "published") {
    evaluate(model);
    if (arithmetic === "formulas") storeFormulaResults(model, ratioRound);
    else storeTyped(model);
  }

  // Which columns carry the unit, and the header shape this table can take.
  const moneyCols = model.cols.flatMap((c, k) => (c.money ? [k] : []));
  const effectiveUnitAt = moneyCols.length === 0 ? "none" : unitAt;
  const spelling = SPELLINGS[money.unit][layout.spelling % SPELLINGS[money.unit].length];
  const group = model.group && model.group.to > model.group.from ? model.group : null;
  // A group row needs two or more columns to group; a units row needs a money column.
  let shape: HeaderShape = layout.header;
  if (!group && shape === "group+words") shape = "one-row";
  if (!group && shape === "group+words+units") shape = "words+units";
  if (moneyCols.length === 0 && shape === "words+units") shape = "one-row";
  if (moneyCols.length === 0 && shape === "group+words+units") shape = "group+words";
  const hasGroup = shape === "group+words" || shape === "group+words+units";
  const unitsRow = shape === "words+units" || shape === "group+words+units";
  const groupAllMoney = group !== null && model.cols.slice(group.from, group.to + 1).every((c) => c.money);
  const unitInGroup = hasGroup && effectiveUnitAt === "header" && layout.unitInGroup && groupAllMoney;

  // Rows above the table: titles, a unit line, a gap.
  const titleLines: string[] = [];
  const titleCount = Math.max(layout.titles, effectiveUnitAt === "title" ? 1 : 0);
  for (let i = 0; i < titleCount; i++) titleLines.push(rng.pick(model.titles));
  if (effectiveUnitAt === "title")
    titleLines[titleLines.length - 1] = rng.pick([
      `All figures ${spelling}`,
      `Figures in ${spelling}`,
      unitText(spelling, "paren"),
    ]);
  if (titleLines.length === 2 && titleLines[0] === titleLines[1]) titleLines.pop();
  const headerRows = 1 + (hasGroup ? 1 : 0) + (unitsRow ? 1 : 0);
  const left = layout.left;
  const width = model.cols.length;
  const top = layout.top + (titleLines.length > 0 ? titleLines.length + layout.gap : 0);
  const groupRow = hasGroup ? top : -1;
  const wordsRow = top + (hasGroup ? 1 : 0);
  const unitRow = unitsRow ? wordsRow + 1 : -1;
  const bodyTop = top + headerRows;
  const sb = new SheetBuilder();

  titleLines.forEach((text, i) => {
    sb.put(layout.top + i, left, text);
    if (layout.titleMerged) sb.merge(layout.top + i, left, layout.top + i, left + width - 1);
  });

  // Header.
  const withUnit = (words: string) => (words === "" ? "" : `${words} ${unitText(spelling, layout.unitStyle)}`);
  // Which columns have a cell on the units row: money columns, and most % columns ("%").
  const unitCells = model.cols.map((col) => unitsRow && (col.money || (col.role === "pct" && rng.chance(0.7))));
  model.cols.forEach((col, k) => {
    const c = left + k;
    const inGroup = hasGroup && group !== null && k >= group.from && k <= group.to;
    const unitCell = unitCells[k];
    let text: CellValue = col.headerValue ?? col.words;
    // A unit in the group's text covers the grouped columns only.
    if (col.money && effectiveUnitAt === "header" && !(unitInGroup && inGroup)) text = withUnit(String(text));
    if (text === "") return;
    if (inGroup || !hasGroup) {
      // Words on the words row; a non-money column of a words+units header may be merged down over the units row.
      sb.put(wordsRow, c, text, typeof text === "number" ? rng.pick([null, "0"]) : null);
      if (!hasGroup && unitsRow && !unitCell && layout.plainAt === "merged") sb.merge(wordsRow, c, unitRow, c);
      return;
    }
    const bottom = unitsRow && !unitCell ? unitRow : wordsRow;
    if (layout.plainAt === "words") sb.put(wordsRow, c, text);
    else {
      sb.put(groupRow, c, text);
      if (layout.plainAt === "merged") sb.merge(groupRow, c, bottom, c);
    }
  });
  if (hasGroup && group) {
    const text = unitInGroup ? withUnit(group.text) : group.text;
    sb.put(groupRow, left + group.from, text);
    if (layout.groupMerged) sb.merge(groupRow, left + group.from, groupRow, left + group.to);
  }
  let mergedUnits = false;
  if (unitsRow) {
    // Money columns get the unit (runs of them one merged cell, if asked); a % column its sign.
    const u = unitText(spelling, layout.unitStyle);
    let k = 0;
    while (k < width) {
      const col = model.cols[k];
      if (col.money) {
        let end = k;
        while (end + 1 < width && model.cols[end + 1].money) end++;
        if (layout.mergeUnits && end > k) {
          sb.put(unitRow, left + k, u);
          sb.merge(unitRow, left + k, unitRow, left + end);
          mergedUnits = true;
        } else for (let j = k; j <= end; j++) sb.put(unitRow, left + j, u);
        k = end + 1;
        continue;
      }
      if (col.role === "pct" && unitCells[k]) sb.put(unitRow, left + k, "%");
      k++;
    }
  }

  // Body.
  const address = (p: Pos) => toA1(bodyTop + p.r, left + p.c);
  const formulaOf = (rel: Relation): string => {
    switch (rel.op) {
      case "sum":
        if (rel.formula === "cells") return "=" + rel.parts.map(address).join("+");
        return `=SUM(${address(rel.parts[0])}:${address(rel.parts[rel.parts.length - 1])})`;
      case "ratio": {
        const col = model.cols[rel.at.c];
        const scale = col.percentFormat ? "" : `*${rel.scale}`;
        const expr = `${rel.negate ? "-" : ""}${address(rel.num)}/${address(rel.den)}${scale}`;
        return ratioRound ? `=ROUND(${expr},${col.percentFormat ? col.d + 2 : col.d})` : `=${expr}`;
      }
      case "product":
        return `=${address(rel.a)}*${rel.factor}*${address(rel.b)}`;
      case "diff":
        return `=${address(rel.a)}-${address(rel.b)}`;
    }
  };
  const relationAt = new Map(model.relations.map((rel) => [`${rel.at.r},${rel.at.c}`, rel]));
  model.rows.forEach((row, r) => {
    row.cells.forEach((v, k) => {
      if (v !== null && v !== undefined) sb.put(bodyTop + r, left + k, v);
    });
    row.figs.forEach((f, k) => {
      if (!f) return;
      const col = model.cols[k];
      if (f.na !== null) return void sb.put(bodyTop + r, left + k, f.na);
      const rel = relationAt.get(`${r},${k}`);
      const formula = arithmetic === "formulas" && rel ? formulaOf(rel) : null;
      sb.put(bodyTop + r, left + k, f.stored, col.fmt, formula);
    });
  });
  const bottom = bodyTop + model.rows.length - 1;

  // Notes under the table, after a blank row; with notes, sometimes a footnote marked on a line's label.
  const notes = rng.shuffled(NOTES).slice(0, layout.notes);
  const lineLabels = model.rows.flatMap((row, r) => {
    const k =
      row.kind === "line"
        ? row.cells.findIndex(
            (v, c) => typeof v === "string" && (model.cols[c].role === "label" || model.cols[c].role === "description"),
          )
        : -1;
    return k >= 0 ? [{ r, k }] : [];
  });
  if (notes.length > 0 && lineLabels.length > 0 && rng.chance(0.3)) {
    const { r, k } = rng.pick(lineLabels);
    sb.put(bodyTop + r, left + k, `${model.rows[r].cells[k]}*`);
    notes.unshift("* Subject to consultation.");
    tags.push("footnote");
  }
  notes.forEach((text, i) => sb.put(bottom + 2 + i, left, text));

  const onSheet = (p: Pos): SheetCell => ({ row: bodyTop + p.r, col: left + p.c });
  const stated: StatedCell[] = model.relations.flatMap((rel) =>
    rel.op === "sum" || rel.op === "ratio"
      ? [
          {
            ...onSheet(rel.at),
            address: address(rel.at),
            what: rel.what,
            decimals: model.cols[rel.at.c].d,
            percentFormat: model.cols[rel.at.c].percentFormat,
            check:
              rel.op === "sum"
                ? { op: "sum" as const, parts: [rel.parts, ...rel.alts].map((ps) => ps.map(onSheet)) }
                : {
                    op: "ratio" as const,
                    num: onSheet(rel.num),
                    den: onSheet(rel.den),
                    scale: rel.scale,
                    negate: rel.negate,
                  },
          },
        ]
      : [],
  );
  const allTags = [
    ...tags,
    `arithmetic:${arithmetic}`,
    `unit-at:${effectiveUnitAt}`,
    `money:${money.unit}/${money.d}dp`,
    ...(effectiveUnitAt === "none" ? [] : [`unit:${spelling}`]),
    ...(layout.titles > 0 || titleLines.length > 0 ? ["title"] : []),
    ...(notes.length > 0 ? ["notes"] : []),
    ...(unitInGroup ? ["unit-in-group"] : []),
    ...(mergedUnits ? ["merged-units"] : []),
    ...(hasGroup && layout.groupMerged ? ["merged-group"] : []),
    ...(hasGroup || unitsRow ? [`plain-header-at:${layout.plainAt}`] : []),
  ];
  return {
    kind: model.kind,
    layout: model.layout,
    header: shape,
    unitAt: effectiveUnitAt,
    arithmetic,
    sheet: sb.sheet("Sheet1"),
    range: { top, left, bottom, right: left + width - 1 },
    stated,
    tags: allTags,
  };
}

// ---------------------------------------------------------------------------------------------
// Planting a fault.
// ---------------------------------------------------------------------------------------------

export interface Planted {
  sheet: SheetGrid;
  cell: StatedCell;
  from: number;
  to: number;
}

/**
 * The same rendering with one stated figure overtyped far beyond rounding: by 17% of its
 * magnitude plus 7 units of its last shown digit, typed at its shown precision (a formula there
 * is replaced by the typed number, as an overtyped total is).
 */
export function plant(r: Rendering, pick: number, up: boolean): Planted {
  const cell = r.stated[pick % r.stated.length];
  const stored = r.sheet.values[cell.row][cell.col] as number;
  const shown = new D(stored).times(cell.percentFormat ? 100 : 1);
  const step = shown.abs().times(0.17).plus(POW10[cell.decimals].times(7));
  // Away from zero, or towards it only while the figure keeps its sign and most of its size.
  const sign = shown.isNegative() ? -1 : 1;
  const down = !up && shown.abs().gte(step.times(2));
  const moved = roundTo(shown.plus(step.times(down ? -sign : sign)), cell.decimals);
  const to = (cell.percentFormat ? moved.div(100) : moved).toNumber();
  const values = r.sheet.values.map((row) => [...row]);
  const formulas = r.sheet.formulas.map((row) => [...row]);
  values[cell.row][cell.col] = to;
  if (formulas[cell.row]) formulas[cell.row][cell.col] = null;
  // Excel recalculates the formulas that depend on the overtyped cell (a grand total of sub-totals,
  // the % of a total row) before the file is saved: recompute every other formula, in order.
  const at = (c: SheetCell) => {
    const v = values[c.row][c.col];
    return typeof v === "number" ? v : 0;
  };
  for (const s of r.stated) {
    const formula = formulas[s.row]?.[s.col];
    if (!formula) continue;
    if (s.check.op === "sum") values[s.row][s.col] = s.check.parts[0].reduce((sum, p) => sum + at(p), 0);
    else {
      const { num, den, scale, negate } = s.check;
      let q = (at(num) / at(den)) * (s.percentFormat ? 1 : scale);
      if (negate) q = -q;
      if (formula.startsWith("=ROUND("))
        q = roundTo(new D(q), s.percentFormat ? s.decimals + 2 : s.decimals).toNumber();
      values[s.row][s.col] = q;
    }
  }
  return { sheet: { ...r.sheet, values, formulas }, cell, from: stored, to };
}

// ---------------------------------------------------------------------------------------------
// The grid as text, for failure messages.
// ---------------------------------------------------------------------------------------------

const MAX_WIDTH = 22;

function show(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "number") return String(Number.isInteger(v) ? v : Number(v.toPrecision(12)));
  return JSON.stringify(v).slice(1, -1);
}

/** The sheet as a text grid (formula cells marked `=`), with its merges and number formats. */
export function gridText(sheet: SheetGrid, mark?: { row: number; col: number }): string {
  let cols = 0;
  let first = -1;
  sheet.values.forEach((row, r) => {
    if (row.some((v) => v !== null && v !== undefined)) {
      if (first < 0) first = r;
      cols = Math.max(cols, row.length);
    }
  });
  let leftCol = cols;
  for (const row of sheet.values) row.forEach((v, c) => v !== null && v !== undefined && c < leftCol && (leftCol = c));
  if (first < 0) return "(empty sheet)";
  const cell = (r: number, c: number) => {
    let t = show(sheet.values[r]?.[c] ?? null);
    if (sheet.formulas[r]?.[c]) t = `=${t}`;
    if (mark && mark.row === r && mark.col === c) t = `>${t}<`;
    return t.length > MAX_WIDTH ? t.slice(0, MAX_WIDTH - 1) + "…" : t;
  };
  const widths: number[] = [];
  for (let c = leftCol; c < cols; c++) {
    let w = columnLetters(c).length;
    for (let r = first; r < sheet.values.length; r++) w = Math.max(w, cell(r, c).length);
    widths.push(w);
  }
  const line = (label: string, texts: string[]) =>
    `${label.padStart(4)} | ${texts.map((t, i) => t.padEnd(widths[i])).join(" | ")}`.trimEnd();
  const out = [
    line(
      "",
      widths.map((_, i) => columnLetters(leftCol + i)),
    ),
  ];
  for (let r = first; r < sheet.values.length; r++)
    out.push(
      line(
        String(r + 1),
        widths.map((_, i) => cell(r, leftCol + i)),
      ),
    );
  if (sheet.merges.length) out.push(`merged: ${sheet.merges.map(rangeToA1).join(", ")}`);
  const formats = new Map<string, string[]>();
  sheet.numberFormats.forEach((row, r) =>
    row.forEach((f, c) => {
      if (!f) return;
      const list = formats.get(f) ?? [];
      list.push(toA1(r, c));
      formats.set(f, list);
    }),
  );
  for (const [f, cells] of formats)
    out.push(
      `format ${JSON.stringify(f)}: ${cells.length > 6 ? `${cells.slice(0, 3).join(" ")} … ${cells.slice(-2).join(" ")} (${cells.length} cells)` : cells.join(" ")}`,
    );
  return out.join("\n");
}
