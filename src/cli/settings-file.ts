/** A `--config <file.json>` (SPEC §8): read, checked, and refused with a message naming the bad key. */
import { readFileSync } from "fs";
import { parseSettings } from "../core/settings/check";
import { Settings } from "../core/settings/settings";
import { UsageError } from "./command";

export function readConfigFile(path: string): Settings {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the settings file ${path}${code ? ` (${code})` : ""}`);
  }
  // A BOM (Notepad's UTF-8) is no part of the JSON.
  const { settings, problems } = parseSettings(text.replace(/^\uFEFF/, ""));
  if (!settings) throw new UsageError(`${path}: ${problems.join("; ")}`);
  return settings;
}
