/**
 * The options `validate` and `compare` share: `--json`, `--annotate <out.xlsx>`, `--force`,
 * `--config <file.json>` (SPEC §7); the rest are files.
 */
import { UsageError } from "./command";
import { FORCE_OPTION } from "./xlsx/safe-write";

export interface ReportOptions {
  files: string[];
  json: boolean;
  annotate: string | null;
  /** Replace an existing annotated copy. */
  force: boolean;
  /** A settings file that wins over the workbook's own (SPEC §8). */
  config: string | null;
}

export function parseReportOptions(args: string[]): ReportOptions {
  const options: ReportOptions = { files: [], json: false, annotate: null, force: false, config: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") options.json = true;
    else if (arg === FORCE_OPTION) options.force = true;
    else if (arg === "--annotate") {
      const out = args[++i];
      if (out === undefined || out.startsWith("--"))
        throw new UsageError("--annotate needs an output path: --annotate <out.xlsx>");
      options.annotate = out;
    } else if (arg === "--config") {
      const file = args[++i];
      if (file === undefined || file.startsWith("--"))
        throw new UsageError("--config needs a settings file: --config <file.json>");
      options.config = file;
    } else if (arg.startsWith("--"))
      throw new UsageError(
        `unknown option '${arg}' (options: --json, --config <file.json>, --annotate <out.xlsx>, ${FORCE_OPTION})`,
      );
    else options.files.push(arg);
  }
  return options;
}
