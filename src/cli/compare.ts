/**
 * `savings-check compare <old.xlsx> <new.xlsx> [--json] [--annotate <out.xlsx> [--force]]`
 * (SPEC §9): what changed between two drafts, in the domain's words, grouped by table (or as
 * JSON, README "What changed since the last draft"); `--annotate` writes a copy of the new draft
 * with a note on each changed cell and a `Changes since draft` sheet. Exit 0 when nothing changed,
 * 1 when something did, 2 when a file cannot be read or the arguments are wrong. Neither input is
 * ever written.
 */
import { basename } from "path";
import { plural } from "../core/findings";
import { changedCells, planChangesAnnotation } from "../core/compare/annotate";
import { Change, compareDrafts, Comparison, groupChanges, verdictChangeText } from "../core/compare/compare";
import { readDraft } from "../core/compare/draft";
import { sheetReference } from "./cell-references";
import { Command, EXIT_FAILED, EXIT_OK, Output, UsageError } from "./command";
import { escapeControlCharacters } from "./terminal-text";
import { parseReportOptions } from "./report-options";
import { Settings } from "../core/settings/settings";
import { readConfigFile } from "./settings-file";
import { findingJson, findingLine, reportMarksNotFound, settingsOptions, startProgress } from "./validate";
import { writePlannedCopy } from "./xlsx/annotated-copy";
import { checkOutputPath, FORCE_OPTION } from "./xlsx/safe-write";
import { readWorkbookFile } from "./xlsx/workbook-file";

export interface CompareRequest {
  before: string;
  after: string;
  json: boolean;
  annotate: string | null;
  force: boolean;
  /** Settings from `--config`: they win over each draft's own (SPEC §7, §8). */
  config: Settings | null;
}

const USAGE = `compare <old.xlsx> <new.xlsx> [--json] [--config <file.json>] [--annotate <out> [${FORCE_OPTION}]]`;

export const compareCommand: Command = {
  usage: USAGE,
  summary: "what changed between two drafts; exit 0 nothing changed, 1 changes, 2 unreadable",
  async run(args, output) {
    return runCompare(parseCompareArgs(args), output);
  },
};

function parseCompareArgs(args: string[]): CompareRequest {
  const { files, json, annotate, force, config } = parseReportOptions(args);
  if (files.length !== 2)
    throw new UsageError(
      `${files.length < 2 ? "needs" : "takes"} two workbooks, the earlier draft and the new one (usage: savings-check ${USAGE})`,
    );
  const [before, after] = files;
  if (annotate !== null) {
    checkOutputPath(after, annotate, force);
    checkOutputPath(before, annotate, force);
  }
  return { before, after, json, annotate, force, config: config === null ? null : readConfigFile(config) };
}

export async function runCompare(request: CompareRequest, output: Output): Promise<number> {
  const progress = startProgress(`${request.before} and ${request.after}`);
  let comparison: Comparison;
  try {
    const earlier = readWorkbookFile(request.before);
    const before = readDraft(earlier.grid, settingsOptions(earlier, request.config)).draft;
    const file = readWorkbookFile(request.after);
    progress.step("comparing");
    const after = readDraft(file.grid, settingsOptions(file, request.config)).draft;
    comparison = compareDrafts(before, after);
    if (request.annotate !== null) {
      progress.step("annotating");
      const { notFound } = writePlannedCopy(
        file,
        request.annotate,
        changedCells(comparison),
        (n) => `the comparison found ${n} changed cells`,
        request.force,
        (marks) => planChangesAnnotation(file.grid, comparison, after, basename(request.before), marks, new Date()),
      );
      reportMarksNotFound("compare", notFound, output);
    }
  } finally {
    progress.done();
  }
  if (request.json) output.out(JSON.stringify(jsonReport(request, comparison)));
  else {
    output.out(humanReport(request, comparison));
    if (request.annotate !== null) output.out(`\nAnnotated copy of ${request.after}: ${request.annotate}`);
  }
  return comparison.changes.length > 0 ? EXIT_FAILED : EXIT_OK;
}

/** The JSON schema of README "What changed since the last draft": keys in this order, always all present. */
function jsonReport(request: CompareRequest, c: Comparison) {
  const verdict = (v: Comparison["then"]) => ({
    verdict: v.verdict,
    ready: v.verdict === "ready",
    counts: { error: v.counts.error, warning: v.counts.warning, info: v.counts.info },
  });
  return {
    old: request.before,
    new: request.after,
    changed: c.changes.length > 0,
    verdict: { then: verdict(c.then), now: verdict(c.now) },
    changes: c.changes.map((ch: Change) => ({
      kind: ch.kind,
      table: ch.table,
      sheet: ch.sheet,
      cell: ch.cell,
      oldSheet: ch.oldSheet,
      oldCell: ch.oldCell,
      line: ch.line,
      column: ch.column,
      old: ch.old,
      new: ch.new,
      difference: ch.difference,
      unit: ch.unit,
      message: ch.message,
    })),
    findingsFixed: c.findingsFixed.map(findingJson),
    findingsNew: c.findingsNew.map(findingJson),
  };
}

/** The count and the verdicts, then the changes grouped by table, then the findings fixed and new. */
function humanReport(request: CompareRequest, c: Comparison): string {
  const lines = [
    c.changes.length === 0
      ? `${request.after}: no changes since ${request.before} (formatting aside)`
      : `${request.after}: ${plural(c.changes.length, "change")} since ${request.before}`,
    verdictChangeText(c),
  ];
  for (const group of groupChanges(c.changes)) {
    lines.push("", `${group.table} on ${sheetReference(group.sheet)}`);
    for (const ch of group.changes) {
      const where =
        ch.cell !== null
          ? `${sheetReference(ch.sheet)}!${ch.cell}`
          : `(was ${sheetReference(ch.oldSheet ?? ch.sheet)}!${ch.oldCell})`;
      lines.push(`  ${where.padEnd(24)} ${ch.message}`);
    }
  }
  for (const [title, findings] of [
    ["Findings fixed", c.findingsFixed],
    ["New findings", c.findingsNew],
  ] as const) {
    if (findings.length === 0) continue;
    lines.push("", `${title} (${findings.length}):`);
    for (const f of findings) lines.push(findingLine(f));
  }
  return lines.map(escapeControlCharacters).join("\n");
}
