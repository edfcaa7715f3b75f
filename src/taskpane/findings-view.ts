/**
 * What the pane shows of a validation result, as plain data: the verdict line and the findings
 * grouped by table and severity. Kept apart from the components so that it is unit-tested in Node.
 */
import { Finding, plural, Severity, SeverityCounts } from "../core/findings";

/** Most serious first: the order of groups, filters and badges. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A badge on one finding. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };
/** A heading or filter over many. */
export const SEVERITY_HEADING: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

export interface FindingGroup {
  /** Stable key: sheet and table. */
  key: string;
  sheet: string;
  /** The table's label, or a description of the sheet for sheet-wide findings. */
  title: string;
  /** Counts of the open findings; accepted ones (SPEC §8) are counted apart. */
  counts: SeverityCounts;
  accepted: number;
  bySeverity: { severity: Severity; findings: Finding[] }[];
}

/**
 * Findings of the shown severities, grouped by (sheet, table) in the order the engine reports
 * them (sheet, row, column), and within a group by severity, most serious first.
 */
export function groupFindings(findings: readonly Finding[], shown: ReadonlySet<Severity>): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    if (!shown.has(finding.severity)) continue;
    const key = `${finding.sheet}\u0000${finding.table}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        sheet: finding.sheet,
        title: finding.table || "Whole sheet",
        counts: { error: 0, warning: 0, info: 0 },
        accepted: 0,
        bySeverity: SEVERITIES.map((severity) => ({ severity, findings: [] })),
      };
      groups.set(key, group);
    }
    if (finding.accepted) group.accepted++;
    else group.counts[finding.severity]++;
    group.bySeverity[SEVERITIES.indexOf(finding.severity)].findings.push(finding);
  }
  return [...groups.values()].map((g) => ({ ...g, bySeverity: g.bySeverity.filter((s) => s.findings.length > 0) }));
}

/** A group's counts as words, most serious first, leaving out zeros: "2 errors, 1 info". */
export function countsText(counts: SeverityCounts): string {
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => (s === "info" ? `${counts.info} info` : plural(counts[s], s)))
    .join(", ");
}

/** The message of anything thrown, for a MessageBar: never a stack trace. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return message.trim() || "Excel did not say why.";
}
