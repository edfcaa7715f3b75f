/**
 * One draft of a savings workbook as comparing needs it: its verdict and findings, and a snapshot
 * of the figures of its recognised tables. Plain JSON, so that the pane can keep the last marked
 * draft inside the workbook's record.
 */
import { Finding, SeverityCounts } from "../findings";
import { WorkbookGrid } from "../grid";
import { validateWorkbook, ValidateOptions, ValidationResult, Verdict } from "../validate";
import { snapshotTables, TableSnapshot } from "./snapshot";

export interface Draft {
  verdict: Verdict;
  counts: SeverityCounts;
  findings: Finding[];
  tables: TableSnapshot[];
}

/** Validates a workbook once and keeps what a comparison needs, with the validation result. */
export function readDraft(
  workbook: WorkbookGrid,
  options?: ValidateOptions,
): { draft: Draft; result: ValidationResult } {
  let tables: TableSnapshot[] = [];
  const result = validateWorkbook(workbook, options, (found) => (tables = snapshotTables(found)));
  return { draft: draftOf(result, tables), result };
}

export function draftOf(result: ValidationResult, tables: TableSnapshot[]): Draft {
  return { verdict: result.verdict, counts: result.counts, findings: result.findings, tables };
}
