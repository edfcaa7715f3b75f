/**
 * The validation engine: finds the tables of every sheet (SPEC §4), runs every rule (SPEC §5)
 * and returns the findings in a stable order (sheet, row, column, rule).
 */
import { countBySeverity, Finding, RULE_SEVERITY, RuleId, SeverityCounts } from "../findings";
import { rangeToA1, toA1, WorkbookGrid } from "../grid";
import { isAddinSheet } from "../annotation/names";
import { RULES, RuleContext } from "../rules";
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
  // The add-in's own report and record sheets are not the user's figures.
  const workbook = { sheets: input.sheets.filter((s) => !isAddinSheet(s.name)) };
  const tables: Table[] = [];
  workbook.sheets.forEach((sheet, index) => tables.push(...detectTables(sheet, index)));
  const coverage = measureCoverage(workbook, tables);
  const placed: Placed[] = [];
  const ctx: RuleContext = {
    workbook,
    tables,
    coverage,
    options: { ...DEFAULT_OPTIONS, ...options },
    report(rule: RuleId, table: Table | null, sheetIndex: number, row: number, col: number, message: string) {
      const finding: Finding = {
        rule,
        severity: RULE_SEVERITY[rule],
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
  const counts = countBySeverity(findings);
  const verdict = decideVerdict(tables.length, counts);
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
      declared: false,
    })),
  };
}
