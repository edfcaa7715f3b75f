/**
 * `savings-check settings <file.xlsx> [--json]` prints the settings a workbook carries (SPEC §8);
 * `savings-check settings <file.xlsx> --set <config.json> <out.xlsx> [--force]` writes them into
 * a copy, through the faithful writer. The input is never written.
 */
import { SETTINGS_SHEET } from "../core/annotation/names";
import { settingsLines } from "../core/settings/describe";
import { decodeSettings } from "../core/settings/sheet";
import { Command, EXIT_FAILED, EXIT_OK, UsageError } from "./command";
import { readConfigFile } from "./settings-file";
import { escapeControlCharacters } from "./terminal-text";
import { FORCE_OPTION } from "./xlsx/safe-write";
import { readSettingsRows, writeSettingsCopy } from "./xlsx/settings-sheet";
import { openWorkbook } from "./xlsx/workbook-file";

const USAGE = `settings <file.xlsx> [--json] | settings <file.xlsx> --set <config.json> <out.xlsx> [${FORCE_OPTION}]`;

export const settingsCommand: Command = {
  usage: USAGE,
  summary: "print the settings a workbook carries, or write settings into a copy",
  async run(args, output) {
    let json = false;
    let force = false;
    let set: string | null = null;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === "--json") json = true;
      else if (arg === FORCE_OPTION) force = true;
      else if (arg === "--set") {
        set = args[++i] ?? null;
        if (set === null || set.startsWith("--"))
          throw new UsageError("--set needs a settings file: --set <config.json>");
      } else if (arg.startsWith("--")) throw new UsageError(`unknown option '${arg}' (usage: savings-check ${USAGE})`);
      else files.push(arg);
    }
    if (set !== null) {
      if (files.length !== 2)
        throw new UsageError(`--set needs the workbook and the copy to write (usage: savings-check ${USAGE})`);
      const settings = readConfigFile(set);
      writeSettingsCopy(files[0], settings, files[1], force);
      output.out(escapeControlCharacters(`Settings from ${set} written into ${files[1]}`));
      return EXIT_OK;
    }
    if (files.length !== 1) throw new UsageError(`one workbook at a time (usage: savings-check ${USAGE})`);
    const { settings, problem } = decodeSettings(readSettingsRows(openWorkbook(files[0])));
    if (problem !== null) {
      output.err(escapeControlCharacters(`savings-check settings: ${problem}`));
      return EXIT_FAILED;
    }
    if (json) output.out(JSON.stringify(settings ?? null, null, 2));
    else if (settings === null)
      output.out(escapeControlCharacters(`${files[0]} carries no settings (no ${SETTINGS_SHEET} sheet)`));
    else {
      const lines = [
        `${files[0]}: settings version ${settings.version}`,
        ...settingsLines(settings).map((l) => `  ${l}`),
      ];
      for (const a of settings.accepted ?? [])
        lines.push(`  Accepted ${a.rule} at '${a.sheet}'!${a.cell} (value ${a.value}): ${a.reason}`);
      output.out(lines.map(escapeControlCharacters).join("\n"));
    }
    return EXIT_OK;
  },
};
