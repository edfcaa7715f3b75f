/**
 * `settings-invalid` (warning): the workbook's settings sheet is damaged or newer than this
 * savings-check, or a declared table cannot be read. What cannot be used is ignored, never fatal.
 */
import { Rule } from "./context";

export const settingsInvalid: Rule = {
  id: "settings-invalid",
  check(ctx) {
    for (const p of ctx.settingsProblems) ctx.report("settings-invalid", null, p.sheetIndex, 0, 0, p.message);
  },
};
