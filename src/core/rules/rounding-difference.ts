/**
 * `rounding-difference` (info): a total, or a stated % or rate, differs from what its figures
 * give, but by no more than rounding of the shown figures explains (SPEC §5; the bounds are
 * worked out in ../validate/bounds.ts). Published tables do this, so it is never an error.
 *
 * It has no check of its own: the rules that compare a stated figure with a computed one
 * (pct-mismatch, subtotal-mismatch, total-mismatch, cla-rate-mismatch) hand every difference
 * to `reportDifference`, which files it as their mismatch or as a rounding difference.
 */
import { RuleId } from "../findings";
import { Outcome } from "../validate/bounds";
import { Table } from "../validate/tables";
import { RuleContext } from "./context";

export function reportDifference(
  ctx: RuleContext,
  mismatch: RuleId,
  outcome: Exclude<Outcome, "equal">,
  table: Table,
  row: number,
  col: number,
  comparison: string,
): void {
  if (outcome === "mismatch")
    ctx.report(
      mismatch,
      table,
      table.sheetIndex,
      row,
      col,
      `${comparison}, more than rounding of the shown figures explains.`,
    );
  else
    ctx.report(
      "rounding-difference",
      table,
      table.sheetIndex,
      row,
      col,
      `${comparison}, which rounding of the shown figures explains.`,
    );
}
