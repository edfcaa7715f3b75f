/**
 * The settings inside the workbook: their JSON in labelled chunks down column A of the very
 * hidden SETTINGS_SHEET, as the annotation record is kept. Both hosts write and read the same.
 * A damaged or newer sheet is never fatal: it is ignored, and what is wrong becomes a finding.
 */
import { encodeChunks, joinChunks } from "../annotation/chunks";
import { SETTINGS_SHEET } from "../annotation/names";
import { CellValue } from "../grid";
import { SETTINGS_MESSAGES } from "../messages";
import { parseSettings } from "./check";
import { Settings } from "./settings";

const CHUNK_LABEL = "SavingsCheckSettings";

export interface SheetSettings {
  /** The settings the sheet holds; null when there is no sheet or it is damaged. */
  settings: Settings | null;
  /** Why a damaged sheet was ignored, in a sentence for the `settings-invalid` finding; else null. */
  problem: string | null;
}

/** The settings as rows of column A of the settings sheet. */
export function encodeSettings(settings: Settings): string[][] {
  return encodeChunks(CHUNK_LABEL, JSON.stringify(settings));
}

/** Reads the settings sheet's values (null: the workbook has none). */
export function decodeSettings(values: CellValue[][] | null): SheetSettings {
  if (values === null) return { settings: null, problem: null };
  let json: string;
  try {
    json = joinChunks(CHUNK_LABEL, SETTINGS_SHEET, values);
  } catch (error) {
    return {
      settings: null,
      problem: SETTINGS_MESSAGES.damagedSheet(SETTINGS_SHEET, (error as Error).message.replace(/\.$/, "")),
    };
  }
  const { settings, problems } = parseSettings(json);
  return settings
    ? { settings, problem: null }
    : { settings: null, problem: SETTINGS_MESSAGES.damagedSheet(SETTINGS_SHEET, problems.join("; ")) };
}
