/** A validation result made from findings alone, for tests of what hosts do with one. */
import { countBySeverity, Finding } from "../../src/core/findings";
import { ValidationResult } from "../../src/core/validate";

export function resultOf(findings: Finding[]): ValidationResult {
  const counts = countBySeverity(findings);
  const verdict = counts.error === 0 ? "ready" : "not-ready";
  return {
    verdict,
    ready: verdict === "ready",
    counts,
    coverage: { figures: 0, checked: 0, sheets: [], blocks: [] },
    findings,
    tables: [],
    settings: null,
    skipped: [],
  };
}
