/** `subtotal-mismatch` (error): a sub-total differs from the sum of its rows beyond rounding. */
import { rowGroups } from "../validate/tables";
import { linesTables, Rule } from "./context";
import { checkRowGroups } from "./total-mismatch";

export const subtotalMismatch: Rule = {
  id: "subtotal-mismatch",
  check(ctx) {
    for (const table of linesTables(ctx))
      checkRowGroups(ctx, table, rowGroups(table).subtotals, "subtotal-mismatch", "Sub-total", "line", "above");
  },
};
