/**
 * `savings-check validate <file.xlsx> [--json] [--annotate <out.xlsx>]` (SPEC §7): reads the file,
 * runs the validation engine, prints a summary and the findings grouped by table (or the JSON of
 * SPEC §7), optionally writes an annotated copy. Exit 0 ready for committee, 1 errors found,
 * 2 unreadable file or wrong arguments. The input is never written.
 */
import { Finding, plural, SeverityCounts } from "../core/findings";
import { settingsInForce, settingsLines } from "../core/settings/describe";
import { decodeSettings } from "../core/settings/sheet";
import { Settings } from "../core/settings/settings";
import { ValidateOptions, validateWorkbook, ValidationResult } from "../core/validate";
import { coverageText, verdictText } from "../core/validate/verdict";
import { Command, EXIT_FAILED, EXIT_OK, Output, UsageError } from "./command";
import { writeAnnotatedCopy } from "./xlsx/annotated-copy";
import { describeMarks, sheetReference as sheetName } from "./cell-references";
import { escapeControlCharacters } from "./terminal-text";
import { readConfigFile } from "./settings-file";
import { parseReportOptions } from "./report-options";
import { checkOutputPath } from "./xlsx/safe-write";
import { readSettingsRows } from "./xlsx/settings-sheet";
import { readWorkbookFile, WorkbookFile } from "./xlsx/workbook-file";

export interface ValidateRequest {
  input: string;
  json: boolean;
  annotate: string | null;
  /** Replace an existing annotated copy. */
  force: boolean;
  /** Settings from `--config`: they win over the workbook's own. */
  config: Settings | null;
  configPath: string | null;
}

export const validateCommand: Command = {
  usage: "validate <file.xlsx> [--json] [--config <file.json>] [--annotate <out.xlsx> [--force]]",
  summary: "check a workbook for committee; exit 0 ready, 1 errors found, 2 unreadable",
  async run(args, output) {
    return runValidate(parseValidateArgs(args), output);
  },
};

function parseValidateArgs(args: string[]): ValidateRequest {
  const { files, json, annotate, force, config: configPath } = parseReportOptions(args);
  if (files.length === 0) throw new UsageError(`which workbook? usage: savings-check ${validateCommand.usage}`);
  if (files.length > 1) throw new UsageError(`one workbook at a time: unexpected '${files[1]}'`);
  const input = files[0];
  if (annotate !== null) checkOutputPath(input, annotate, force);
  const config = configPath === null ? null : readConfigFile(configPath);
  return { input, json, annotate, force, config, configPath };
}

/** The settings to check a workbook with (SPEC §8): the `--config` file's, else the workbook's own. */
export function settingsOptions(input: WorkbookFile, config: Settings | null): ValidateOptions {
  const own = config ? null : decodeSettings(readSettingsRows(input));
  return { settings: config ?? own?.settings, settingsProblem: own?.problem };
}

/** Validates (and annotates) as asked, prints the result, and returns the exit status. */
export async function runValidate(request: ValidateRequest, output: Output): Promise<number> {
  const progress = startProgress(request.input);
  let result: ValidationResult;
  try {
    const input = readWorkbookFile(request.input);
    progress.step("checking");
    result = validateWorkbook(input.grid, settingsOptions(input, request.config));
    if (request.annotate !== null) {
      progress.step("annotating");
      const { notFound } = writeAnnotatedCopy(input, request.annotate, result, new Date(), request.force);
      reportMarksNotFound("validate", notFound, output);
    }
  } finally {
    progress.done();
  }
  const source = request.config ? "config" : result.settings ? "workbook" : "none";
  if (request.json) output.out(JSON.stringify(jsonReport(request.input, result, source)));
  else {
    output.out(humanReport(request.input, result, request.configPath));
    if (request.annotate !== null) output.out(`\nAnnotated copy: ${request.annotate}`);
  }
  return result.ready ? EXIT_OK : EXIT_FAILED;
}

/**
 * The JSON of SPEC §7, keys in its order; then the accepted findings apart, with their reasons,
 * and the settings in force (SPEC §8) with where they came from.
 */
function jsonReport(file: string, result: ValidationResult, source: "config" | "workbook" | "none") {
  return {
    file,
    verdict: result.verdict,
    ready: result.ready,
    counts: { error: result.counts.error, warning: result.counts.warning, info: result.counts.info },
    coverage: { figures: result.coverage.figures, checked: result.coverage.checked },
    tables: result.tables.map(({ sheet, kind, range, name, declared }) => ({ sheet, kind, range, name, declared })),
    findings: result.findings.map((f) => ({ ...findingJson(f), accepted: f.accepted !== undefined, ...f.accepted })),
    accepted: result.findings.filter((f) => f.accepted).map((f) => ({ ...findingJson(f), ...f.accepted })),
    settings: { source, ...settingsInForce(result.settings), skipped: result.skipped },
  };
}

/** Marks of an earlier annotation that re-annotating could not find, said on stderr (validate and compare). */
export function reportMarksNotFound(
  command: string,
  notFound: { sheet: string; cell: string }[],
  output: Output,
): void {
  if (notFound.length > 0)
    output.err(
      escapeControlCharacters(
        `savings-check ${command}: ${describeMarks(notFound)} of the earlier annotation could not be found and were left as they are`,
      ),
    );
}

/** A finding in the JSON of SPEC §7 (`compare --json` lists them too). */
export function findingJson({ rule, severity, sheet, cell, message, table }: Finding) {
  return { rule, severity, sheet, cell, message, table };
}

/** A finding as one line of the human output: cell, severity, rule, message. */
export function findingLine(f: Finding): string {
  return `  ${`${sheetName(f.sheet)}!${f.cell}`.padEnd(24)} ${f.severity.padEnd(7)} ${f.rule.padEnd(21)} ${f.message}`;
}

/**
 * The verdict with how much was checked, the counts, the tables found, the settings in force,
 * then the findings grouped by table, and the accepted ones apart with their reasons.
 */
function humanReport(file: string, result: ValidationResult, configPath: string | null): string {
  const lines = [
    `${file}: ${verdictText(result.verdict, result.counts)}; ${coverageText(result.coverage)}`,
    `Findings: ${countsText(result.counts)}`,
  ];
  if (result.tables.length === 0) lines.push("Tables found: none");
  else {
    lines.push(`Tables found (${result.tables.length}):`);
    for (const t of result.tables) lines.push(`  ${t.name} on ${sheetName(t.sheet)}${t.declared ? " (declared)" : ""}`);
  }
  const settings = settingsLines(result.settings);
  if (settings.length > 0) {
    lines.push(`Settings in force (${configPath === null ? "the workbook's own" : `from ${configPath}`}):`);
    for (const line of settings) lines.push(`  ${line}`);
  }
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.accepted) continue;
    const key = f.table === "" ? `Sheet ${sheetName(f.sheet)}` : `${f.table} on ${sheetName(f.sheet)}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  for (const [title, findings] of groups) {
    lines.push("", title);
    for (const f of findings) lines.push(findingLine(f));
  }
  const accepted = result.findings.filter((f) => f.accepted);
  if (accepted.length > 0) {
    lines.push("", `Accepted (${accepted.length}, not counted above):`);
    for (const f of accepted) {
      const a = f.accepted!;
      const who = [a.by, a.at].filter((x) => x !== "").join(", ");
      lines.push(findingLine(f), `  ${"".padEnd(24)} accepted: ${a.reason}${who ? ` (${who})` : ""}`);
    }
  }
  return lines.map(escapeControlCharacters).join("\n");
}

function countsText(counts: SeverityCounts): string {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info`;
}

/** A line on a terminal's stderr, shown only once the work has taken more than a second. */
export function startProgress(file: string) {
  const tty = process.stderr.isTTY === true;
  let stage = "reading";
  let shown = false;
  const show = () => {
    shown = true;
    process.stderr.write(`\r\x1b[Ksavings-check: ${stage} ${file}…`);
  };
  const timer = tty ? setTimeout(show, 1000) : null;
  return {
    step(next: string) {
      stage = next;
      if (shown) show();
    },
    done() {
      if (timer) clearTimeout(timer);
      if (shown) process.stderr.write("\r\x1b[K");
    },
  };
}
