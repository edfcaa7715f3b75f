/**
 * `missing-value` (error): a line has a label but no budget or saving (its cell is empty, or holds
 * words such as `tbc` rather than a figure; an NA marker such as `n/a` is a deliberate answer, not
 * a missing one). In a register, phasing, CLA or other table: a labelled line with no figure at
 * all. In any table: a figure typed so that it cannot be read (`0.062)`), which no total counts.
 */
import { toA1 } from "../grid";
import { textAt } from "../validate/reader";
import { LinesTable, TableRow } from "../validate/tables";
import { linesTables, Rule, RuleContext } from "./context";
import { isMalformedFigure } from "../validate/cell-class";

function lineLabel(table: LinesTable, row: TableRow): string | null {
  if (row.label !== null) return row.label;
  const ref = table.textColumns.ref;
  return ref !== undefined ? textAt(table.sheet, row.row, ref) : null;
}

export const missingValue: Rule = {
  id: "missing-value",
  check(ctx) {
    for (const table of linesTables(ctx)) {
      if (table.columns.length === 0) continue;
      for (const row of table.rows) {
        if (row.kind !== "line") continue;
        const label = lineLabel(table, row);
        if (label === null) continue;
        if (table.kind === "workstream-summary") {
          table.columns.forEach((column, k) => {
            const a = row.figures[k];
            if ((column.role !== "budget" && column.role !== "saving") || (a.kind !== "blank" && a.kind !== "word"))
              return unreadable(ctx, table, row, label, k);
            const why = a.kind === "blank" ? "is empty" : `says "${a.text}", not a figure`;
            ctx.report(
              "missing-value",
              table,
              table.sheetIndex,
              a.row,
              a.col,
              `${label} has no ${column.role} (${column.header} at ${toA1(a.row, a.col)} ${why}).`,
            );
          });
        } else if (row.figures.every((a) => a.kind === "blank" || a.kind === "word")) {
          const a = row.figures[0];
          ctx.report(
            "missing-value",
            table,
            table.sheetIndex,
            a.row,
            a.col,
            `${label} has no figures: every figure cell of the line is empty or words.`,
          );
        } else reportUnreadable(ctx, table, row, label);
      }
    }
  },
};

/** The figures of a line that are numbers gone wrong (`0.062)`): no total can count them. */
function reportUnreadable(ctx: RuleContext, table: LinesTable, row: TableRow, label: string): void {
  row.figures.forEach((_, k) => unreadable(ctx, table, row, label, k));
}

function unreadable(ctx: RuleContext, table: LinesTable, row: TableRow, label: string, k: number): void {
  const a = row.figures[k];
  if (a.kind !== "word" || a.text === null || !isMalformedFigure(a.text)) return;
  const where =
    table.columns[k].header === "" ? toA1(a.row, a.col) : `${table.columns[k].header} at ${toA1(a.row, a.col)}`;
  ctx.report(
    "missing-value",
    table,
    table.sheetIndex,
    a.row,
    a.col,
    `${label} has no readable figure (${where} says "${a.text}", which is not a figure: a bracket or separator out of place?).`,
  );
}
