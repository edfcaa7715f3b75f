/**
 * Changes the pane makes to the settings, each giving new settings (never changing the old):
 * declare a table, accept a finding, set a rule's severity or threshold, skip sheets, add words.
 */
import { Finding, RuleId } from "../findings";
import { CellValue, parseRangeA1, rangesOverlap } from "../grid";
import { Concept } from "../validate/vocabulary";
import { cellValueText } from "./apply";
import { DeclaredTable, RuleSetting, RuleSeverity, Settings, settingSeverity, settingThreshold } from "./settings";

/** Declares a table; one declared before over any of its cells is replaced. */
export function withDeclaredTable(settings: Settings, table: DeclaredTable): Settings {
  const range = parseRangeA1(table.range)!;
  const others = (settings.tables ?? []).filter((t) => {
    return !(t.sheet === table.sheet && rangesOverlap(parseRangeA1(t.range)!, range));
  });
  return { ...settings, tables: [...others, table] };
}

export function withoutDeclaredTable(settings: Settings, index: number): Settings {
  return { ...settings, tables: (settings.tables ?? []).filter((_, i) => i !== index) };
}

/** Accepts a finding at the value its cell holds now, with a reason (required) and who, when. */
export function withAccepted(
  settings: Settings,
  finding: Finding,
  value: CellValue | undefined,
  reason: string,
  by: string,
  at: Date,
): Settings {
  const same = (a: { rule: string; sheet: string; cell: string }) =>
    a.rule === finding.rule && a.sheet === finding.sheet && a.cell === finding.cell;
  const accepted = (settings.accepted ?? []).filter((a) => !same(a));
  accepted.push({
    rule: finding.rule,
    sheet: finding.sheet,
    cell: finding.cell,
    value: cellValueText(value),
    reason: reason.trim(),
    by: by.trim(),
    at: at.toISOString().slice(0, 10),
  });
  return { ...settings, accepted };
}

export function withoutAccepted(settings: Settings, index: number): Settings {
  return { ...settings, accepted: (settings.accepted ?? []).filter((_, i) => i !== index) };
}

/** A rule's severity (undefined: back to its default), keeping any threshold. */
export function withSeverity(settings: Settings, rule: RuleId, severity: RuleSeverity | undefined): Settings {
  return withRule(settings, rule, severity, settingThreshold(settings.rules?.[rule]));
}

/** A rule's threshold (undefined: back to its default), keeping any severity. */
export function withThreshold(settings: Settings, rule: RuleId, threshold: number | undefined): Settings {
  return withRule(settings, rule, settingSeverity(settings.rules?.[rule]), threshold);
}

function withRule(
  settings: Settings,
  rule: RuleId,
  severity: RuleSeverity | undefined,
  threshold: number | undefined,
): Settings {
  const rules = { ...settings.rules };
  const setting: RuleSetting | undefined =
    threshold !== undefined ? { ...(severity ? { severity } : {}), threshold } : severity;
  if (setting === undefined) delete rules[rule];
  else rules[rule] = setting;
  return { ...settings, rules };
}

export function withSkipSheets(settings: Settings, sheets: string[]): Settings {
  return { ...settings, skipSheets: sheets };
}

/** A concept's extra words, from text as typed (`arbedion, cynilion`); none removes them. */
export function withWords(settings: Settings, concept: Concept, text: string): Settings {
  const words = text
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "");
  const all = { ...settings.words };
  if (words.length === 0) delete all[concept];
  else all[concept] = words;
  return { ...settings, words: all };
}
