/**
 * The settings JSON checked by hand (SPEC §8), so that every problem names its key:
 * `settings.rules.pct-mismatch: must be one of error, warning, info, off`. Extra keys are refused.
 * schema/settings.schema.json states the same shape for editors; the tests hold the two together.
 */
import { RULE_IDS, RuleId } from "../findings";
import { parseA1, parseRangeA1, rangesOverlap } from "../grid";
import { SETTINGS_MESSAGES as M } from "../messages";
import { UNITS } from "../units";
import { VOCABULARY } from "../validate/vocabulary";
import {
  DECLARED_ROLES,
  DeclaredRole,
  DeclaredTable,
  SETTINGS_VERSION,
  Settings,
  TABLE_KINDS,
  TEXT_ROLES,
  THRESHOLD_RULES,
} from "./settings";

/** `$schema` lets an editor find schema/settings.schema.json; it means nothing to the check. */
const TOP_KEYS = ["$schema", "version", "tables", "words", "rules", "skipSheets", "accepted"];
const TABLE_KEYS = ["sheet", "range", "kind", "columns", "unit"];
const RULE_KEYS = ["severity", "threshold"];
const ACCEPTED_KEYS = ["rule", "sheet", "cell", "value", "reason", "by", "at"];
const SEVERITIES = ["error", "warning", "info", "off"];
const CONCEPTS = VOCABULARY.map((c) => c.concept);
/** `year:2024/25`: a financial year's column. */
export const YEAR_ROLE = /^year:(\d{4})\/(\d{2})$/;
const COLUMN = /^[A-Z]{1,3}$/;

export interface CheckedSettings {
  /** The settings, when there is no problem at all. */
  settings: Settings | null;
  problems: string[];
}

/** Checks settings read from JSON; any problem makes the whole of them unusable. */
export function checkSettings(value: unknown): CheckedSettings {
  const problems: string[] = [];
  const at = "settings";
  if (!isObject(value)) return { settings: null, problems: [M.notObject(at)] };
  if (typeof value.version === "number" && value.version > SETTINGS_VERSION)
    return { settings: null, problems: [M.newerVersion(value.version, SETTINGS_VERSION)] };
  if (value.version !== SETTINGS_VERSION) problems.push(M.version(value.version, SETTINGS_VERSION));
  onlyKeys(value, at, TOP_KEYS, problems);
  if (value.$schema !== undefined) text(value.$schema, `${at}.$schema`, problems, false);
  if (value.tables !== undefined) {
    eachOf(value.tables, `${at}.tables`, problems, (t, key) => checkTable(t, key, problems));
    if (problems.length === 0) checkOverlaps(value.tables as DeclaredTable[], `${at}.tables`, problems);
  }
  if (value.words !== undefined) checkWords(value.words, `${at}.words`, problems);
  if (value.rules !== undefined) checkRules(value.rules, `${at}.rules`, problems);
  if (value.skipSheets !== undefined)
    eachOf(value.skipSheets, `${at}.skipSheets`, problems, (s, key) => text(s, key, problems, true));
  if (value.accepted !== undefined)
    eachOf(value.accepted, `${at}.accepted`, problems, (a, key) => checkAccepted(a, key, problems));
  return { settings: problems.length === 0 ? (value as unknown as Settings) : null, problems };
}

/** Settings from the text of a JSON file or of the settings sheet. */
export function parseSettings(json: string): CheckedSettings {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { settings: null, problems: [M.notJson((error as Error).message)] };
  }
  return checkSettings(value);
}

function checkTable(t: unknown, at: string, problems: string[]): void {
  if (!isObject(t)) return void problems.push(M.notObject(at));
  onlyKeys(t, at, TABLE_KEYS, problems);
  for (const key of ["sheet", "range", "kind", "columns"])
    if (t[key] === undefined) problems.push(M.required(`${at}.${key}`));
  if (t.sheet !== undefined) text(t.sheet, `${at}.sheet`, problems, true);
  const range = typeof t.range === "string" ? parseRangeA1(t.range) : null;
  if (t.range !== undefined && !range) problems.push(M.notRange(`${at}.range`, String(t.range)));
  if (t.kind !== undefined) oneOf(t.kind, `${at}.kind`, TABLE_KINDS, problems);
  if (t.unit !== undefined) oneOf(t.unit, `${at}.unit`, UNITS, problems);
  if (t.columns === undefined) return;
  if (!isObject(t.columns)) return void problems.push(M.notObject(`${at}.columns`));
  let figures = 0;
  for (const [letters, role] of Object.entries(t.columns)) {
    const key = `${at}.columns.${letters}`;
    const col = COLUMN.test(letters) ? parseA1(`${letters}1`) : null;
    if (!col) problems.push(M.notColumn(key));
    else if (range && (col.col < range.left || col.col > range.right))
      problems.push(M.columnOutside(key, t.range as string));
    if (!isRole(role)) problems.push(M.role(key, DECLARED_ROLES));
    else if (!TEXT_ROLES.has(role)) figures++;
  }
  if (figures === 0 && Object.keys(t.columns).length > 0) problems.push(M.noFigureColumn(`${at}.columns`));
}

export function isRole(role: unknown): role is DeclaredRole {
  if (typeof role !== "string") return false;
  const year = YEAR_ROLE.exec(role);
  if (year) return (Number(year[1]) + 1) % 100 === Number(year[2]);
  return (DECLARED_ROLES as readonly string[]).includes(role);
}

/** Two declared tables never share a cell: each cell is read as part of one table. */
function checkOverlaps(tables: DeclaredTable[], at: string, problems: string[]): void {
  const ranges = tables.map((t) => parseRangeA1(t.range)!);
  tables.forEach((t, i) => {
    for (let k = 0; k < i; k++) {
      if (rangesOverlap(ranges[i], ranges[k]) && t.sheet.toLowerCase() === tables[k].sheet.toLowerCase())
        problems.push(M.tablesOverlap(`${at}[${i}].range`, `${at}[${k}]`));
    }
  });
}

function checkWords(words: unknown, at: string, problems: string[]): void {
  if (!isObject(words)) return void problems.push(M.notObject(at));
  for (const [concept, list] of Object.entries(words)) {
    const key = `${at}.${concept}`;
    if (!CONCEPTS.includes(concept as never)) problems.push(M.oneOf(key, CONCEPTS));
    eachOf(list, key, problems, (w, k) => text(w, k, problems, true));
  }
}

function checkRules(rules: unknown, at: string, problems: string[]): void {
  if (!isObject(rules)) return void problems.push(M.notObject(at));
  for (const [rule, setting] of Object.entries(rules)) {
    const key = `${at}.${rule}`;
    if (!RULE_IDS.includes(rule as RuleId)) {
      problems.push(M.unknownRule(key, RULE_IDS));
      continue;
    }
    if (typeof setting === "string" || !isObject(setting)) {
      oneOf(setting, key, SEVERITIES, problems);
      continue;
    }
    onlyKeys(setting, key, RULE_KEYS, problems);
    if (setting.severity !== undefined) oneOf(setting.severity, `${key}.severity`, SEVERITIES, problems);
    if (setting.threshold === undefined) continue;
    if (!THRESHOLD_RULES.has(rule as RuleId)) problems.push(M.noThreshold(`${key}.threshold`, [...THRESHOLD_RULES]));
    else if (typeof setting.threshold !== "number" || !(setting.threshold > 0 && setting.threshold <= 1))
      problems.push(M.threshold(`${key}.threshold`));
  }
}

function checkAccepted(a: unknown, at: string, problems: string[]): void {
  if (!isObject(a)) return void problems.push(M.notObject(at));
  onlyKeys(a, at, ACCEPTED_KEYS, problems);
  for (const key of ACCEPTED_KEYS) if (a[key] === undefined) problems.push(M.required(`${at}.${key}`));
  if (a.rule !== undefined) oneOf(a.rule, `${at}.rule`, RULE_IDS, problems);
  if (a.sheet !== undefined) text(a.sheet, `${at}.sheet`, problems, true);
  if (a.cell !== undefined && text(a.cell, `${at}.cell`, problems, true) && parseA1(a.cell as string) === null)
    problems.push(M.notCell(`${at}.cell`, a.cell as string));
  if (a.reason !== undefined) text(a.reason, `${at}.reason`, problems, true);
  for (const key of ["value", "by", "at"]) if (a[key] !== undefined) text(a[key], `${at}.${key}`, problems, false);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, at: string, allowed: readonly string[], problems: string[]): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) problems.push(M.unknownKey(`${at}.${key}`, allowed));
}

function eachOf(list: unknown, at: string, problems: string[], check: (item: unknown, key: string) => void): void {
  if (!Array.isArray(list)) return void problems.push(M.notArray(at));
  list.forEach((item, i) => check(item, `${at}[${i}]`));
}

function text(value: unknown, at: string, problems: string[], required: boolean): boolean {
  if (typeof value !== "string") problems.push(M.notText(at));
  else if (required && value.trim() === "") problems.push(M.blank(at));
  else return true;
  return false;
}

function oneOf(value: unknown, at: string, allowed: readonly string[], problems: string[]): void {
  if (typeof value !== "string" || !allowed.includes(value)) problems.push(M.oneOf(at, allowed));
}
