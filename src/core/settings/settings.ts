/**
 * A council's own layout (SPEC §8): declared tables, extra header words, rule settings, skipped
 * sheets and accepted findings. The same JSON lives in the workbook's very hidden settings sheet
 * (sheet.ts) and in a `--config` file; check.ts validates it, schema/settings.schema.json states it.
 */
import { RuleId, Severity } from "../findings";
import { Unit } from "../units";
import { TableKind } from "../validate/tables";
import { Concept } from "../validate/vocabulary";

/** The settings version this savings-check writes and reads; a newer one is reported and ignored. */
export const SETTINGS_VERSION = 1;

export const TABLE_KINDS: readonly TableKind[] = [
  "workstream-summary",
  "phasing",
  "register",
  "target",
  "cla",
  "figures",
];

/** What a declared column holds (SPEC §8); a year column is `year:2024/25`. */
export type DeclaredRole =
  | "label"
  | "budget"
  | "saving"
  | "percent"
  | `year:${string}`
  | "ref"
  | "workstream"
  | "rag"
  | "eia"
  | "consultation"
  | "children"
  | "population"
  | "rate"
  | "weekly-cost"
  | "annual-cost"
  | "figure"
  | "total";

/** Every role but the years, which are `year:` and a financial year. */
export const DECLARED_ROLES: readonly DeclaredRole[] = [
  "label",
  "budget",
  "saving",
  "percent",
  "ref",
  "workstream",
  "rag",
  "eia",
  "consultation",
  "children",
  "population",
  "rate",
  "weekly-cost",
  "annual-cost",
  "figure",
  "total",
];

/** Roles of columns that hold text: the rest hold figures. */
export const TEXT_ROLES: ReadonlySet<DeclaredRole> = new Set([
  "label",
  "ref",
  "workstream",
  "rag",
  "eia",
  "consultation",
]);

export interface DeclaredTable {
  sheet: string;
  /** A1 range, `A3:D9`. */
  range: string;
  kind: TableKind;
  /** Role of each column by its letters: `{"A": "label", "B": "budget"}`. */
  columns: Record<string, DeclaredRole>;
  /** Unit of the money columns, when the table does not say it. */
  unit?: Unit;
}

export type RuleSeverity = Severity | "off";

/** A rule's setting: its severity, or (for `high-saving-share`) its severity and threshold. */
export type RuleSetting = RuleSeverity | { severity?: RuleSeverity; threshold?: number };

export interface AcceptedFinding {
  rule: RuleId;
  sheet: string;
  cell: string;
  /** The cell's value when it was accepted (an exact decimal for a number): a change brings the finding back. */
  value: string;
  reason: string;
  /** Who accepted it (Office's user where known), else "". */
  by: string;
  /** When: an ISO 8601 date or time. */
  at: string;
}

export interface Settings {
  /** Where an editor finds the schema; ignored by the check. */
  $schema?: string;
  version: typeof SETTINGS_VERSION;
  tables?: DeclaredTable[];
  words?: Partial<Record<Concept, string[]>>;
  rules?: Partial<Record<RuleId, RuleSetting>>;
  skipSheets?: string[];
  accepted?: AcceptedFinding[];
}

/** Rules that take a threshold besides a severity. */
export const THRESHOLD_RULES: ReadonlySet<RuleId> = new Set(["high-saving-share"]);

/** The severity a rule's setting gives, or undefined when it leaves the default. */
export function settingSeverity(setting: RuleSetting | undefined): RuleSeverity | undefined {
  return typeof setting === "object" ? setting.severity : setting;
}

/** The threshold a rule's setting gives, or undefined. */
export function settingThreshold(setting: RuleSetting | undefined): number | undefined {
  return typeof setting === "object" ? setting.threshold : undefined;
}

export function emptySettings(): Settings {
  return { version: SETTINGS_VERSION };
}
