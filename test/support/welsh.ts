/**
 * A savings table headed in Welsh, which the vocabulary does not know: recognition reads it as a
 * plain table of figures. Declared as a workstream summary (SPEC §8), its stated 19.9% is found
 * wrong (2.0 / 13.4 is 14.9%). Shared by the engine's, the command line's and the pane's tests.
 */
import { Settings } from "../../src/core/settings/settings";

export const WELSH_SHEET = "Arbedion";

export const WELSH_ROWS = (pct = 19.9) => [
  ["Ffrwd waith", "Cyllideb", "Arbedion", "Canran"],
  ["", "£m", "£m", ""],
  ["Gwasanaethau teulu", 13.4, 2.0, pct],
  ["Gofal preswyl", 20.0, 3.0, 15.0],
];

export const WELSH_DECLARED: Settings = {
  version: 1,
  tables: [
    {
      sheet: WELSH_SHEET,
      range: "A1:D4",
      kind: "workstream-summary",
      columns: { A: "label", B: "budget", C: "saving", D: "percent" },
      unit: "£m",
    },
  ],
};
