/**
 * `footnote-undefined` (warning): a footnote marker (typed after a figure or label, or written
 * into a number format such as `#,##0"*"`) with no footnote line under the table.
 */
import { labelMarkers } from "../validate/reader";
import { LinesTable } from "../validate/tables";
import { linesTables, Rule, RuleContext } from "./context";

export const footnoteUndefined: Rule = {
  id: "footnote-undefined",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      for (const row of table.rows) {
        if (row.label !== null) {
          const markers = labelMarkers(row.label);
          if (markers) flag(ctx, table, markers, row.row, row.labelCol);
        }
        for (const a of row.figures) if (a.markers) flag(ctx, table, a.markers, a.row, a.col);
      }
    }
  },
};

function flag(ctx: RuleContext, table: LinesTable, markers: string[], row: number, col: number): void {
  for (const [k, marker] of markers.entries()) {
    // A marker typed twice in one cell (`*¹*`) is one finding.
    if (table.footnotes.has(marker) || markers.indexOf(marker) < k) continue;
    ctx.report(
      "footnote-undefined",
      table,
      table.sheetIndex,
      row,
      col,
      `Footnote marker ${marker} has no footnote starting with ${marker} under the table.`,
    );
  }
}
