/**
 * `unit-missing` (warning): a money column with no unit: none in its header text, none in a
 * units row under the header, none in a title just above the table. Also a target with no unit.
 */
import { MONEY_ROLES } from "../validate/tables";
import { Rule } from "./context";

export const unitMissing: Rule = {
  id: "unit-missing",
  check(ctx) {
    for (const table of ctx.tables) {
      if (table.kind === "target") {
        if (!table.unit)
          ctx.report(
            "unit-missing",
            table,
            table.sheetIndex,
            table.row,
            table.amount.col,
            "The savings target states no unit (£, £000 or £m).",
          );
        continue;
      }
      for (const column of table.columns) {
        if (!MONEY_ROLES.has(column.role) || column.unit) continue;
        const header = column.header === "" ? "This money column" : `"${column.header}"`;
        ctx.report(
          "unit-missing",
          table,
          table.sheetIndex,
          column.headerRow,
          column.col,
          `${header} states no unit (£, £000 or £m) in its header or a units row.`,
        );
      }
    }
  },
};
