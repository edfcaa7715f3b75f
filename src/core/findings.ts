/**
 * Findings and the rule ids of SPEC §5. The ids and severities are part of the public interface
 * (JSON output, report sheets, users' scripts): keep them stable.
 */
export type Severity = "error" | "warning" | "info";

export const RULE_SEVERITY = {
  "pct-mismatch": "error",
  "subtotal-mismatch": "error",
  "total-mismatch": "error",
  "rounding-difference": "info",
  "fy-duplicate": "error",
  "fy-gap": "warning",
  "ref-duplicate": "error",
  "target-shortfall": "error",
  "saving-exceeds-budget": "error",
  "cla-rate-mismatch": "error",
  "cell-error": "error",
  "missing-value": "error",
  "number-as-text": "warning",
  "footnote-undefined": "warning",
  "unit-missing": "warning",
  "hidden-row": "warning",
  "high-saving-share": "warning",
  "label-duplicate": "warning",
  "rag-invalid": "warning",
  "eia-missing": "warning",
  "hardcoded-total": "info",
  "target-met": "info",
  "no-template": "info",
  "figures-unchecked": "warning",
  "fy-invalid": "warning",
  "unit-unrecognised": "warning",
  "settings-invalid": "warning",
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULE_SEVERITY;
export const RULE_IDS = Object.keys(RULE_SEVERITY) as RuleId[];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding is about (the sheet's first cell for sheet-wide ones). */
  cell: string;
  /** One sentence with the stated and the computed figures. */
  message: string;
  /** The table it belongs to, e.g. `Workstream summary A3:D12`; empty for sheet-wide findings. */
  table: string;
  /** Accepted by the user in the workbook's settings (SPEC §8): still listed, blocking nothing. */
  accepted?: Acceptance;
}

/** Why and by whom a finding was accepted. */
export interface Acceptance {
  reason: string;
  by: string;
  at: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** Counts of the findings still open: accepted ones are listed apart and counted by nobody. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.accepted) counts[f.severity]++;
  return counts;
}

/** "1 error", "2 errors": counts in the words of verdicts and reports. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Ready for committee: no finding of severity `error` but accepted ones. */
export function isReady(findings: readonly Finding[]): boolean {
  return findings.every((f) => f.severity !== "error" || f.accepted !== undefined);
}
