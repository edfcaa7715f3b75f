/**
 * The verdict (SPEC §5): ready for committee when at least one table was understood and no
 * finding is an error; not checked when no table was understood at all; and how much was
 * checked, in the words the command line, the task pane and the report sheet all use.
 */
import { plural, SeverityCounts } from "../findings";
import { Coverage } from "./coverage";

export type Verdict = "ready" | "not-ready" | "not-checked";

export function decideVerdict(tables: number, counts: SeverityCounts): Verdict {
  if (tables === 0) return "not-checked";
  return counts.error === 0 ? "ready" : "not-ready";
}

/** `412 of 430 figures checked (18 on 'Notes' not in a recognised table)`. */
export function coverageText(coverage: Coverage): string {
  const unchecked = coverage.sheets
    .map((s) => ({ name: s.name, count: s.figures - s.checked }))
    .filter((s) => s.count > 0);
  const where =
    unchecked.length === 0
      ? ""
      : ` (${unchecked.map((s) => `${s.count} on '${s.name}'`).join(", ")} not in a recognised table)`;
  return `${coverage.checked} of ${plural(coverage.figures, "figure")} checked${where}`;
}

/** The verdict in words: `Ready for committee: 412 of 430 figures checked`, `Not ready for committee: 9 errors`. */
export function verdictText(verdict: Verdict, counts: SeverityCounts): string {
  if (verdict === "ready") return "Ready for committee";
  if (verdict === "not-checked") return "Not checked: no table of figures was recognised";
  return `Not ready for committee: ${plural(counts.error, "error")}`;
}
