/**
 * Header matching (SPEC §4): case-, space- and punctuation-insensitive, with the synonyms councils
 * use. A header is reduced to a key of letters and digits (`%` reads as `pct`, a unit such as
 * `£000` or `(£m)` is dropped, since units are read separately), then looked up in one Map.
 */

export type HeaderRole =
  | "label"
  | "budget"
  | "saving"
  | "pct"
  | "ref"
  | "description"
  | "workstream"
  | "rag"
  | "eia"
  | "consultation"
  | "total"
  | "year-label"
  | "children"
  | "population"
  | "rate"
  | "weekly-cost"
  | "annual-cost";

const SYNONYMS: Record<HeaderRole, string[]> = {
  // `Workstream` is the summary's label column, and an attribute column in a register.
  label: ["service", "project", "transformationprojectdescriptor", "area", "serviceArea", "projectdescriptor"],
  workstream: ["workstream", "workstreams"],
  budget: ["totalbudget", "budget", "currentbudget", "basebudget", "netbudget", "grossbudget", "budgettotal"],
  saving: [
    "fullyearsavingsproposals",
    "fullyearsavingsproposal",
    "fullyearsavings",
    "fullyearsaving",
    "savings",
    "saving",
    "savingsrequirement",
    "overallsavingsrequirement",
    "savingsproposals",
    "proposedsavings",
    "savingsamount",
    "amount",
    "value",
  ],
  pct: [
    "savingsproposalsaspctofbudget",
    "pctofbudget",
    "savingsaspctofbudget",
    "savingspct",
    "pct",
    "pctsaving",
    "savingaspctofbudget",
  ],
  ref: ["ref", "reference", "refno", "savingsref", "savingsreference", "savingref", "referencenumber", "refnumber"],
  description: [
    "description",
    "savingsdescription",
    "proposal",
    "savingsproposal",
    "title",
    "savingdescription",
    "proposaldescription",
    "detail",
    "details",
  ],
  rag: ["rag", "ragstatus", "status", "deliverystatus", "ragrating"],
  eia: ["eia", "eiacompleted", "eiadone", "equalityimpactassessment", "eiastatus", "eiarequired"],
  consultation: ["consultation", "consultationrequired", "publicconsultation", "consultationneeded"],
  total: ["total", "totals", "totalsaving", "totalsavings", "grandtotal"],
  "year-label": ["year", "financialyear", "fy", "years"],
  children: [
    "childrenlookedafter",
    "cla",
    "numberofchildrenlookedafter",
    "claNumber",
    "numberofcla",
    "children",
    "claNo",
    "lookedafterchildren",
    "numberoflookedafterchildren",
  ],
  population: [
    "childpopulation",
    "childpopulation017",
    "population",
    "population017",
    "populationaged017",
    "childpopulationaged017",
    "under18population",
    "populationunder18",
    "childrenaged017",
  ],
  rate: [
    "rateper10000",
    "claRatePer10000",
    "ratepertenthousand",
    "per10000",
    "rate",
    "clarate",
    "rateper10000children",
    "per10000children",
  ],
  "weekly-cost": [
    "weeklyunitcost",
    "weeklycost",
    "unitcostperweek",
    "costperweek",
    "weeklyplacementcost",
    "averageweeklycost",
  ],
  "annual-cost": ["annualcost", "annualplacementcost", "costperyear", "yearlycost", "totalannualcost"],
};

const ROLE_BY_KEY = new Map<string, HeaderRole>();
for (const [role, keys] of Object.entries(SYNONYMS) as [HeaderRole, string[]][]) {
  for (const key of keys) ROLE_BY_KEY.set(key.toLowerCase(), role);
}

/** Longest header text worth matching: titles and notes are longer and never headers. */
const MAX_HEADER_LENGTH = 80;

/** A unit written into header text, dropped before matching: `£000`, `(£m)`, `£'000s`, `£k`. */
const UNIT_IN_HEADER = /\(?\s*£\s*'?\s*(?:000s?|k\b|m(?:illions?|n)?\b)?\s*\)?/gi;

/** `Savings Proposals as % of Budget` -> `savingsproposalsaspctofbudget`. */
export function headerKey(text: string): string {
  let t = text.toLowerCase();
  if (t.includes("£")) t = t.replace(UNIT_IN_HEADER, " ");
  if (t.includes("%")) t = t.replace(/%/g, "pct");
  return t.replace(/[^a-z0-9]+/g, "");
}

/** The role a header cell plays, or null. */
export function headerRole(text: string): HeaderRole | null {
  if (text.length > MAX_HEADER_LENGTH) return null;
  return ROLE_BY_KEY.get(headerKey(text)) ?? null;
}

const TARGET_KEYS = new Set([
  "savingstarget",
  "target",
  "savingsneeded",
  "savingsrequired",
  "savingtarget",
  "totalsavingstarget",
]);

/** A cell labelling a savings target: `Savings target`, `Target:`, `Savings required (£m)`. */
export function isTargetLabel(text: string): boolean {
  return text.length <= MAX_HEADER_LENGTH && TARGET_KEYS.has(headerKey(text));
}
