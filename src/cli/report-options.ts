/** The options `validate` and `compare` share: `--json`, `--annotate <out.xlsx>`, `--force`; the rest are files. */
import { UsageError } from "./command";
import { FORCE_OPTION } from "./xlsx/safe-write";

export interface ReportOptions {
  files: string[];
  json: boolean;
  annotate: string | null;
  /** Replace an existing annotated copy. */
  force: boolean;
}

export function parseReportOptions(args: string[]): ReportOptions {
  const options: ReportOptions = { files: [], json: false, annotate: null, force: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") options.json = true;
    else if (arg === FORCE_OPTION) options.force = true;
    else if (arg === "--annotate") {
      const out = args[++i];
      if (out === undefined || out.startsWith("--"))
        throw new UsageError("--annotate needs an output path: --annotate <out.xlsx>");
      options.annotate = out;
    } else if (arg.startsWith("--"))
      throw new UsageError(`unknown option '${arg}' (options: --json, --annotate <out.xlsx>, ${FORCE_OPTION})`);
    else options.files.push(arg);
  }
  return options;
}
