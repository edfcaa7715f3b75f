/**
 * The workbook's settings (SPEC §8) in the very hidden settings sheet: loaded before a check,
 * saved after every change, and the user's selection for *Declare table*. The core decodes,
 * checks and applies them; this only moves them in and out of Excel.
 */
/* global Excel */
import { SETTINGS_SHEET } from "../../core/annotation/names";
import { decodeSettings, encodeSettings, SheetSettings } from "../../core/settings/sheet";
import { Settings } from "../../core/settings/settings";
import { cellValue } from "./read";
import { TEXT_FORMAT } from "./request";

/** The settings sheet's settings; none when it is missing, a problem when it is damaged. Two syncs. */
export async function loadSettings(): Promise<SheetSettings> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    if (sheet.isNullObject) return decodeSettings(null);
    const used = sheet.getUsedRangeOrNullObject(true).load("values");
    await context.sync();
    return decodeSettings(used.isNullObject ? [] : used.values.map((row) => row.map(cellValue)));
  });
}

/** Writes the settings over the sheet's old ones (added very hidden the first time). Up to three syncs. */
export async function saveSettings(settings: Settings): Promise<void> {
  const rows = encodeSettings(settings);
  await Excel.run(async (context) => {
    let sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    let oldRows = 0;
    if (sheet.isNullObject) {
      sheet = context.workbook.worksheets.add(SETTINGS_SHEET);
      sheet.visibility = Excel.SheetVisibility.veryHidden;
    } else {
      const used = sheet.getUsedRangeOrNullObject(true).load("rowCount,rowIndex");
      await context.sync();
      oldRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    }
    // Old chunks below the new ones are blanked: a shorter text must not end in a stale part.
    const total = Math.max(rows.length, oldRows);
    const range = sheet.getRangeByIndexes(0, 0, total, 1);
    range.numberFormat = Array.from({ length: total }, () => [TEXT_FORMAT]);
    range.values = Array.from({ length: total }, (_, i) => [rows[i]?.[0] ?? ""]);
    await context.sync();
  });
}

/** The user's selection: its sheet and A1 range (`Savings`, `A3:D9`). One sync. */
export async function selectedRange(): Promise<{ sheet: string; range: string }> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange().load("address");
    await context.sync();
    const bang = range.address.lastIndexOf("!");
    const sheet = range.address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    return { sheet, range: range.address.slice(bang + 1).replace(/\$/g, "") };
  });
}
