/**
 * The file host's side of the settings (SPEC §8): reading the very hidden settings sheet of a
 * workbook, and writing settings into a copy through the faithful writer (every other part kept,
 * written safely). The core decodes, checks and applies them.
 */
import { SETTINGS_SHEET } from "../../core/annotation/names";
import { CellValue } from "../../core/grid";
import { encodeSettings } from "../../core/settings/sheet";
import { Settings } from "../../core/settings/settings";
import { recordSheetXml } from "./addin-sheets";
import { checkOutputPath, writeFileSafely } from "./safe-write";
import { readSheet } from "./sheet-reader";
import { openWorkbook, WorkbookPackage } from "./workbook-file";
import { WorkbookEdit } from "./workbook-edit";

/** The values of the workbook's settings sheet, or null when it has none (or it is no worksheet). */
export function readSettingsRows(file: WorkbookPackage): CellValue[][] | null {
  const sheet = new WorkbookEdit(file).sheetNamedLike(SETTINGS_SHEET);
  if (!sheet || sheet.kind !== "worksheet" || sheet.part === null) return null;
  return readSheet(file.context, sheet.name, sheet.part).values;
}

/** Writes a copy of `input` carrying `settings` in its very hidden settings sheet (replacing any there). */
export function writeSettingsCopy(input: string, settings: Settings, output: string, force = false): void {
  checkOutputPath(input, output, force);
  const file = openWorkbook(input);
  const edit = new WorkbookEdit(file);
  // The settings sheet holds its JSON in chunks down column A, as the annotation record does.
  const xml = recordSheetXml(encodeSettings(settings));
  const existing = edit.sheetNamedLike(SETTINGS_SHEET);
  if (existing && existing.kind === "worksheet" && existing.part !== null) edit.replaceSheet(existing, xml);
  else {
    if (existing) edit.removeSheet(existing);
    edit.addSheet(SETTINGS_SHEET, xml, "veryHidden");
  }
  writeFileSafely(output, (write) => edit.finish().writeTo(file.pkg, write));
}
