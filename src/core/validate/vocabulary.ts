/**
 * The words councils head their tables and label their rows with (SPEC §4), as data. Recognition
 * reads a header cell as tokens (header-text.ts) and finds the concept whose phrase matches the
 * most of them; to teach it a new wording, add a phrase here: no code changes.
 *
 * Phrases are written as people write them; they are tokenised the same way as header cells
 * (lower case, `&` as `and`, `%` as `percent`, plurals and possessives folded: `Savings` and
 * `saving`, `children's` and `children`, `efficiencies` and `efficiency` are one token).
 */

/** What a header says its column holds. */
export type Concept =
  | "percent"
  | "rate"
  | "population"
  | "children"
  | "weekly-cost"
  | "annual-cost"
  | "ref"
  | "rag"
  | "eia"
  | "consultation"
  | "monitoring"
  | "saving"
  | "budget"
  | "figure"
  | "total"
  | "year-label"
  | "workstream"
  | "label";

export interface ConceptWords {
  concept: Concept;
  /** Wins over any other concept in the same cell (`% of net budget` is a percentage). */
  dominant?: boolean;
  phrases: string[];
}

/**
 * In priority order: when two concepts match equally many tokens of a cell, the earlier wins
 * (`Total budget` is a budget, `Savings target` a monitoring target).
 */
export const VOCABULARY: readonly ConceptWords[] = [
  { concept: "percent", dominant: true, phrases: ["%", "percent", "per cent", "pct", "percentage"] },
  {
    concept: "rate",
    dominant: true,
    phrases: [
      "rate per 10,000",
      "per 10,000",
      "per 10000",
      "per 10k",
      "rate per 10k",
      "per ten thousand",
      "cla rate",
      "lac rate",
      "rate",
    ],
  },
  {
    concept: "population",
    phrases: [
      "population",
      "child population",
      "aged 0 to 17",
      "aged 0-17",
      "0-17",
      "0 to 17",
      "under 18",
      "under 18s",
      "children aged 0 to 17",
      "children aged 0-17",
    ],
  },
  {
    concept: "children",
    phrases: [
      "children looked after",
      "looked after children",
      "child looked after",
      "cla",
      "lac",
      "number of children",
      "number of cla",
      "number of lac",
      "children in care",
      "children",
    ],
  },
  {
    concept: "weekly-cost",
    phrases: [
      "weekly cost",
      "weekly unit cost",
      "unit cost per week",
      "cost per week",
      "weekly placement cost",
      "average weekly cost",
      "per week",
    ],
  },
  {
    concept: "annual-cost",
    phrases: [
      "annual cost",
      "annual placement cost",
      "cost per year",
      "yearly cost",
      "total annual cost",
      "cost per annum",
    ],
  },
  {
    concept: "ref",
    phrases: [
      "ref",
      "reference",
      "ref no",
      "ref number",
      "reference number",
      "saving ref",
      "saving reference",
      "proposal ref",
      "id",
    ],
  },
  { concept: "rag", phrases: ["rag", "rag status", "rag rating", "delivery status", "status", "red amber green"] },
  {
    concept: "eia",
    phrases: [
      "eia",
      "equality impact assessment",
      "equality impact",
      "eqia",
      "eia completed",
      "eia required",
      "eia status",
    ],
  },
  {
    concept: "consultation",
    phrases: ["consultation", "consultation required", "public consultation", "consultation needed"],
  },
  {
    concept: "monitoring",
    phrases: [
      "target",
      "saving target",
      "achieved",
      "delivered",
      "forecast",
      "projected",
      "projection",
      "outturn",
      "actual",
      "at risk",
      "unachievable",
      "slipped",
      "slippage",
      "variance",
      "projected variance",
    ],
  },
  {
    concept: "saving",
    phrases: [
      "saving",
      "reduction",
      "efficiency",
      "cut",
      "saving requirement",
      "overall saving requirement",
      "full year saving",
      "full year effect",
      "full year saving proposal",
      "net saving",
      "total saving",
      "proposed saving",
      "saving proposal",
      "saving amount",
      "saving growth",
    ],
  },
  {
    concept: "budget",
    phrases: [
      "budget",
      "net budget",
      "gross budget",
      "base budget",
      "current budget",
      "original budget",
      "revised budget",
      "approved budget",
      "total budget",
      "estimate",
      "net expenditure",
      "gross expenditure",
      "expenditure",
      "spend",
      "net spend",
    ],
  },
  {
    concept: "figure",
    phrases: ["value", "amount", "figure", "income", "funding", "grant", "cost", "change", "movement", "balance", "£"],
  },
  { concept: "total", phrases: ["total", "totals", "grand total", "sub total", "subtotal"] },
  { concept: "year-label", phrases: ["year", "financial year", "fy"] },
  { concept: "workstream", phrases: ["workstream"] },
  {
    concept: "label",
    phrases: [
      "service",
      "service area",
      "directorate",
      "department",
      "portfolio",
      "division",
      "programme",
      "project",
      "proposal",
      "description",
      "title",
      "item",
      "area",
      "area of spend",
      "measure",
      "indicator",
      "key performance indicator",
      "detail",
      "name",
      "source of finance",
      "transformation project descriptor",
      "project descriptor",
    ],
  },
];

/** Concepts of columns that hold text, not figures, in a register. */
export const TEXT_CONCEPTS: ReadonlySet<Concept> = new Set([
  "ref",
  "rag",
  "eia",
  "consultation",
  "workstream",
  "label",
  "year-label",
]);

/**
 * Row labels that make a row a total or sub-total whatever its figures (SPEC §4), matched at the
 * start of the label. A label that goes on for many words after them is a line about a total
 * (`Total number of carers who were…`), not a total row: see MAX_TOTAL_LABEL_WORDS.
 */
export const SUBTOTAL_LABELS: readonly string[] = ["sub total", "subtotal"];
export const TOTAL_LABELS: readonly string[] = [
  "total",
  "grand total",
  "net total",
  "overall total",
  "balanced budget",
];
/** Words after a total phrase beyond which a label is a line, not a total: `Total sources of finance` is 3. */
export const MAX_TOTAL_LABEL_WORDS = 6;
/** A total phrase followed by these counts things: `Total number of carers…` is a line. */
export const NOT_TOTAL_AFTER: readonly string[] = ["number of", "no of"];

/** Labels of a savings target (a labelled amount compared with the proposals' total). */
export const TARGET_LABELS: readonly string[] = [
  "saving target",
  "target",
  "saving needed",
  "saving required",
  "total saving target",
];

/** Lines under a table that start notes rather than continuing it. */
export const NOTE_LABELS: readonly string[] = ["note", "notes", "source", "sources", "footnote"];

/** Words written where a figure will go: the cell is a figure still missing, not a label. */
export const PLACEHOLDER_WORDS: readonly string[] = [
  "tbc",
  "tbd",
  "to be confirmed",
  "to be determined",
  "pending",
  "awaited",
  "unknown",
  "?",
];
