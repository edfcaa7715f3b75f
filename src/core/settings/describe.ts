/**
 * The settings in force, in words and as data, for every report (command line, JSON, report
 * sheet, pane): what a committee clerk needs to see of what was declared, changed or skipped.
 */
import { RULE_SEVERITY, RuleId } from "../findings";
import { RuleSeverity, settingThreshold, Settings, THRESHOLD_RULES } from "./settings";
import { changedSeverities } from "./apply";

export interface SettingsInForce {
  tables: { sheet: string; range: string; kind: string }[];
  /** Rules whose severity the settings change, with the severity they take. */
  severities: Partial<Record<RuleId, RuleSeverity>>;
  thresholds: Partial<Record<RuleId, number>>;
  skipSheets: string[];
  words: Record<string, string[]>;
  /** Accepted findings the settings hold (those still matching are listed with the findings). */
  acceptedOnRecord: number;
}

export function settingsInForce(settings: Settings | null): SettingsInForce {
  const thresholds: Partial<Record<RuleId, number>> = {};
  for (const rule of THRESHOLD_RULES) {
    const t = settingThreshold(settings?.rules?.[rule]);
    if (t !== undefined) thresholds[rule] = t;
  }
  return {
    tables: (settings?.tables ?? []).map(({ sheet, range, kind }) => ({ sheet, range, kind })),
    severities: changedSeverities(settings),
    thresholds,
    skipSheets: settings?.skipSheets ?? [],
    words: { ...(settings?.words ?? {}) },
    acceptedOnRecord: settings?.accepted?.length ?? 0,
  };
}

/** One line per setting: `Declared table: 'Savings'!A3:D9 (workstream-summary)`; none for no settings. */
export function settingsLines(settings: Settings | null): string[] {
  const s = settingsInForce(settings);
  const lines = s.tables.map((t) => `Declared table: '${t.sheet}'!${t.range} (${t.kind})`);
  for (const [rule, severity] of Object.entries(s.severities))
    lines.push(`Rule ${rule}: ${severity} (normally ${RULE_SEVERITY[rule as RuleId]})`);
  for (const [rule, t] of Object.entries(s.thresholds))
    lines.push(`Rule ${rule}: threshold ${Math.round(t * 1000) / 10}%`);
  for (const sheet of s.skipSheets) lines.push(`Sheet skipped: '${sheet}'`);
  for (const [concept, words] of Object.entries(s.words)) lines.push(`Words for ${concept}: ${words.join(", ")}`);
  if (s.acceptedOnRecord > 0) lines.push(`Accepted findings on record: ${s.acceptedOnRecord}`);
  return lines;
}
