/**
 * The validation engine: finds the tables of every sheet (SPEC §4), runs every rule (SPEC §5)
 * and returns the findings in a stable order (sheet, row, column, rule).
 */
import { countBySeverity, Finding, RuleId, SeverityCounts } from "../findings";
import { parseA1, rangeToA1, toA1, WorkbookGrid } from "../grid";
import { isAddinSheet } from "../annotation/names";
import { RULES, RuleContext } from "../rules";
import {
  declaredTables,
  highSavingShareThreshold,
  markAccepted,
  ruleSeverity,
  SettingsProblem,
  settingsVocabulary,
  skipsSheet,
} from "../settings/apply";
import { Settings } from "../settings/settings";
import { Coverage, measureCoverage } from "./coverage";
import { detectTables } from "./detect";
import { DEFAULT_OPTIONS, ValidateOptions } from "./options";
import { Table, TableKind } from "./tables";
import { decideVerdict, Verdict } from "./verdict";

export type { ValidateOptions } from "./options";
export type { Coverage } from "./coverage";
export type { Verdict } from "./verdict";

export interface TableSummary {
  sheet: string;
  kind: TableKind;
  /** A1 range of the table. */
  range: string;
  /** The label findings carry in `Finding.table`. */
  name: string;
  /** Declared by the user (SPEC §8) rather than found. */
  declared: boolean;
}

export interface ValidationResult {
  verdict: Verdict;
  /** Ready for committee: the verdict is `ready`. */
  ready: boolean;
  counts: SeverityCounts;
  /** Figures on the checked sheets, and how many of them a recognised table holds. */
  coverage: Coverage;
  findings: Finding[];
  tables: TableSummary[];
  /** The settings in force (SPEC §8), or null when there were none. */
  settings: Settings | null;
  /** Sheets the settings skipped: not read, not counted. */
  skipped: string[];
}

interface Placed {
  finding: Finding;
  sheetIndex: number;
  row: number;
  col: number;
}

/** `onTables` is given the recognised tables themselves (comparing drafts reads their figures). */
export function validateWorkbook(
  input: WorkbookGrid,
  options: ValidateOptions = {},
  onTables?: (tables: readonly Table[]) => void,
): ValidationResult {
  const settings = options.settings ?? null;
  // The add-in's own sheets are not the user's figures; sheets the settings skip are not read.
  const own = input.sheets.filter((s) => !isAddinSheet(s.name));
  const workbook = { sheets: own.filter((s) => !skipsSheet(settings, s.name)) };
  const skipped = own.filter((s) => skipsSheet(settings, s.name)).map((s) => s.name);
  const vocabulary = settingsVocabulary(settings);
  const declared = declaredTables(workbook.sheets, settings, vocabulary);
  // Declared tables win: detection works around them.
  const tables: Table[] = [...declared.tables];
  workbook.sheets.forEach((sheet, index) => {
    const reserved = declared.tables.filter((t) => t.sheetIndex === index).map((t) => t.range);
    tables.push(...detectTables(sheet, index, vocabulary, reserved));
  });
  tables.sort((a, b) => a.sheetIndex - b.sheetIndex || a.range.top - b.range.top || a.range.left - b.range.left);
  const coverage = measureCoverage(workbook, tables);
  const settingsProblems: SettingsProblem[] = [...declared.problems];
  if (options.settingsProblem && workbook.sheets.length > 0)
    settingsProblems.unshift({ sheetIndex: 0, message: options.settingsProblem });
  const placed: Placed[] = [];
  const merged = { ...DEFAULT_OPTIONS, ...options };
  const ctx: RuleContext = {
    workbook,
    tables,
    coverage,
    settingsProblems,
    options: { ...merged, highSavingShare: highSavingShareThreshold(settings, merged.highSavingShare) },
    report(rule: RuleId, table: Table | null, sheetIndex: number, row: number, col: number, message: string) {
      const severity = ruleSeverity(settings, rule);
      if (severity === "off") return;
      const finding: Finding = {
        rule,
        severity,
        sheet: workbook.sheets[sheetIndex].name,
        cell: toA1(row, col),
        message,
        table: table ? table.name : "",
      };
      placed.push({ finding, sheetIndex, row, col });
    },
  };
  for (const rule of RULES) rule.check(ctx);
  placed.sort(
    (a, b) =>
      a.sheetIndex - b.sheetIndex ||
      a.row - b.row ||
      a.col - b.col ||
      (a.finding.rule < b.finding.rule ? -1 : a.finding.rule > b.finding.rule ? 1 : 0),
  );
  const findings = placed.map((p) => p.finding);
  markAccepted(findings, settings, (sheet, cell) => {
    const at = parseA1(cell)!;
    return workbook.sheets.find((s) => s.name === sheet)?.values[at.row]?.[at.col];
  });
  const counts = countBySeverity(findings);
  const verdict = decideVerdict(tables.length, counts);
  const isDeclared = new Set(declared.tables);
  onTables?.(tables);
  return {
    verdict,
    ready: verdict === "ready",
    counts,
    coverage,
    findings,
    tables: tables.map((t) => ({
      sheet: t.sheet.name,
      kind: t.kind,
      range: rangeToA1(t.range),
      name: t.name,
      declared: isDeclared.has(t),
    })),
    settings,
    skipped,
  };
}
