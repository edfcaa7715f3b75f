export interface ValidateOptions {
  /** A saving above this fraction of its budget is a `high-saving-share` warning (default 0.5). */
  highSavingShare?: number;
}

export const DEFAULT_OPTIONS: Required<ValidateOptions> = { highSavingShare: 0.5 };
