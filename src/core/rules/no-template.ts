/** `no-template` (info): a sheet with no recognisable table of the savings template. */
import { Rule } from "./context";

export const noTemplate: Rule = {
  id: "no-template",
  check(ctx) {
    const withTables = new Set(ctx.tables.map((t) => t.sheetIndex));
    ctx.workbook.sheets.forEach((sheet, index) => {
      if (withTables.has(index)) return;
      ctx.report(
        "no-template",
        null,
        index,
        0,
        0,
        `No savings template table (workstream summary, phasing, register, target or children looked after) found on sheet "${sheet.name}".`,
      );
    });
  },
};
