/**
 * `unit-missing` (warning): a money column with no unit: none in its header text, none in a
 * units row under the header, none in a title just above the table. Also a target with no unit.
 */
import { MONEY_ROLES } from "../validate/tables";
import { Concept } from "../validate/vocabulary";

/** What a table of figures headed with these words holds is money. */
const MONEY_CONCEPTS: ReadonlySet<Concept | null> = new Set<Concept | null>(["budget", "saving", "monitoring"]);
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
        // A column in another currency is unit-unrecognised's finding.
        const money = MONEY_ROLES.has(column.role) || (column.role === "figure" && MONEY_CONCEPTS.has(column.concept!));
        if (!money || column.unit || column.foreignUnit) continue;
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
