/**
 * What settings change in a check (SPEC §8): the sheets read, the vocabulary, the declared
 * tables, each rule's severity and threshold, and which findings are accepted. validateWorkbook
 * calls these; hosts only load and save the settings.
 */
import { Decimal } from "../decimal";
import { Finding, RULE_SEVERITY, RuleId } from "../findings";
import { CellValue, parseA1, parseRangeA1, SheetGrid, WorkbookGrid } from "../grid";
import { isCellError } from "../excel-errors";
import { SETTINGS_MESSAGES as M } from "../messages";
import { compileVocabulary, DEFAULT_VOCABULARY, Vocabulary } from "../validate/header-text";
import { buildDeclaredTable, DeclaredLayout } from "../validate/table-build";
import { Table, TargetTable, tableName } from "../validate/tables";
import { targetTable } from "../validate/target";
import { DeclaredRole, RuleSeverity, settingSeverity, settingThreshold, Settings } from "./settings";

/** A problem with the settings, reported as a `settings-invalid` finding on the sheet it concerns. */
export interface SettingsProblem {
  sheetIndex: number;
  message: string;
}

/** Sheets the settings skip, compared as Excel compares sheet names (any case). */
export function skipsSheet(settings: Settings | null, name: string): boolean {
  const key = name.toLowerCase();
  return (settings?.skipSheets ?? []).some((s) => s.toLowerCase() === key);
}

export function settingsVocabulary(settings: Settings | null): Vocabulary {
  return settings?.words ? compileVocabulary(settings.words) : DEFAULT_VOCABULARY;
}

/** The severity a rule's findings take, or "off". */
export function ruleSeverity(settings: Settings | null, rule: RuleId): RuleSeverity {
  return settingSeverity(settings?.rules?.[rule]) ?? RULE_SEVERITY[rule];
}

export function highSavingShareThreshold(settings: Settings | null, fallback: number): number {
  return settingThreshold(settings?.rules?.["high-saving-share"]) ?? fallback;
}

/**
 * The settings for a check of some sheets only (the pane's *Active sheet only*): tables declared
 * on the other sheets are left out rather than reported as declared on sheets that are not there.
 */
export function settingsForSheets(settings: Settings | null, workbook: WorkbookGrid): Settings | null {
  if (!settings?.tables) return settings;
  const names = new Set(workbook.sheets.map((s) => s.name.toLowerCase()));
  return { ...settings, tables: settings.tables.filter((t) => names.has(t.sheet.toLowerCase())) };
}

/** The declared tables of the sheets read, each read as a found table is; a table that cannot be read is a problem. */
export function declaredTables(
  sheets: readonly SheetGrid[],
  settings: Settings | null,
  vocabulary: Vocabulary,
): { tables: Table[]; problems: SettingsProblem[] } {
  const tables: Table[] = [];
  const problems: SettingsProblem[] = [];
  (settings?.tables ?? []).forEach((declared, i) => {
    const key = `settings.tables[${i}]`;
    if (skipsSheet(settings, declared.sheet)) return;
    const sheetIndex = sheets.findIndex((s) => s.name.toLowerCase() === declared.sheet.toLowerCase());
    if (sheetIndex < 0) {
      if (sheets.length > 0) problems.push({ sheetIndex: 0, message: M.declaredSheetMissing(key, declared.sheet) });
      return;
    }
    const range = parseRangeA1(declared.range)!;
    const columns = new Map<number, DeclaredRole>();
    for (const [letters, role] of Object.entries(declared.columns)) columns.set(parseA1(`${letters}1`)!.col, role);
    const layout = { range, columns, unit: declared.unit ?? null };
    const table =
      declared.kind === "target"
        ? declaredTarget(sheets[sheetIndex], sheetIndex, layout)
        : buildDeclaredTable(sheets[sheetIndex], sheetIndex, { ...layout, kind: declared.kind }, vocabulary);
    if (table) tables.push(table);
    else problems.push({ sheetIndex, message: M.declaredNoTable(key) });
  });
  return { tables, problems };
}

/** A declared target: its label column's first label, and the amount beside it. */
function declaredTarget(
  sheet: SheetGrid,
  sheetIndex: number,
  layout: Omit<DeclaredLayout, "kind">,
): TargetTable | null {
  const { range } = layout;
  const labelCol = [...layout.columns].find(([, role]) => role === "label")?.[0] ?? range.left;
  for (let r = range.top; r <= range.bottom; r++) {
    if (typeof sheet.values[r]?.[labelCol] !== "string") continue;
    const target = targetTable(sheet, sheetIndex, r, labelCol, range.right);
    if (!target) continue;
    return { ...target, unit: layout.unit ?? target.unit, range, name: tableName("target", range) };
  }
  return null;
}

/** A cell's value as an accepted finding keeps it: an exact decimal for a number, else its text. */
export function cellValueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return new Decimal(value).toFixed();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isCellError(value)) return value.error;
  return value;
}

/** Whether a cell still holds the value a finding was accepted at (numbers compared exactly). */
function sameValue(accepted: string, now: CellValue | undefined): boolean {
  if (typeof now === "number") {
    try {
      return new Decimal(accepted).eq(new Decimal(now));
    } catch {
      return false;
    }
  }
  return accepted === cellValueText(now);
}

/**
 * Marks the findings the settings accept: the same rule, sheet and cell, with the cell still
 * holding the value it was accepted at. A changed value brings the finding back.
 */
export function markAccepted(
  findings: Finding[],
  settings: Settings | null,
  valueAt: (sheet: string, cell: string) => CellValue | undefined,
): void {
  const accepted = settings?.accepted ?? [];
  if (accepted.length === 0) return;
  for (const f of findings) {
    const a = accepted.find(
      (x) =>
        x.rule === f.rule &&
        x.sheet.toLowerCase() === f.sheet.toLowerCase() &&
        x.cell.replace(/\$/g, "").toUpperCase() === f.cell &&
        sameValue(x.value, valueAt(f.sheet, f.cell)),
    );
    if (a) f.accepted = { reason: a.reason, by: a.by, at: a.at };
  }
}

/** Severities the settings change from the defaults, for reports: `{"hardcoded-total": "off"}`. */
export function changedSeverities(settings: Settings | null): Partial<Record<RuleId, RuleSeverity>> {
  const changed: Partial<Record<RuleId, RuleSeverity>> = {};
  for (const rule of Object.keys(settings?.rules ?? {}) as RuleId[]) {
    const severity = ruleSeverity(settings, rule);
    if (severity !== RULE_SEVERITY[rule]) changed[rule] = severity;
  }
  return changed;
}
