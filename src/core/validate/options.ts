import type { Settings } from "../settings/settings";

export interface ValidateOptions {
  /** A saving above this fraction of its budget is a `high-saving-share` warning (default 0.5). */
  highSavingShare?: number;
  /** The settings in force (SPEC §8): a `--config` file's, or the workbook's own (decodeSettings). */
  settings?: Settings | null;
  /** Why the workbook's settings sheet was ignored (decodeSettings): a `settings-invalid` finding. */
  settingsProblem?: string | null;
}

export const DEFAULT_OPTIONS: Required<ValidateOptions> = {
  highSavingShare: 0.5,
  settings: null,
  settingsProblem: null,
};
