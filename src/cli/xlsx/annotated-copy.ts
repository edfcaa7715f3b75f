/**
 * The file host's annotating and clearing (SPEC §6): the core plans, this applies the plan to the
 * package. An annotated copy is the input's package plus notes, fills, the report sheet and the
 * very hidden record; clearing takes exactly those away again. Marks are looked for where the
 * user may have moved them (core/annotation/locate.ts), and a mark that cannot be found is said,
 * never passed over. The input file is never written; the copy is written safely (safe-write.ts).
 */
import { basename } from "path";
import { RECORD_SHEET } from "../../core/annotation/names";
import { AnnotationPlan, ExistingMarks, markKey, planAnnotation } from "../../core/annotation/plan";
import {
  AnnotationRecord,
  ClearPlan,
  decodeRecord,
  encodeRecord,
  planClear,
  RecordedCell,
} from "../../core/annotation/record";
import { ValidationResult } from "../../core/validate";
import { UsageError } from "../command";
import { recordSheetXml, reportPrintNames, reportSheetXml } from "./addin-sheets";
import { decodePriorFormat, encodePriorFormat, fillColour, restoredFormat, solidFill } from "./cell-fills";
import { locateMarks } from "./mark-search";
import { checkOutputPath, writeFileSafely } from "./safe-write";
import { CellFormatNow, cellOfKey } from "./sheet-patcher";
import { readSheet } from "./sheet-reader";
import { StyleCounts } from "./styles-part";
import { openWorkbook, WorkbookFile } from "./workbook-file";
import { WorkbookEdit } from "./workbook-edit";

/**
 * The most cells an annotated copy marks: each is a note, a drawing shape, a report line and a
 * record entry. A million-row register (seven columns) with 50,000 marks annotates in 1.5 GB of
 * memory; with 100,000, in 2 GB (measured): more marks would pass it. Far above any council's
 * workbook, and more notes than Excel shows well.
 */
export const MAX_MARKED_CELLS = 50_000;

/** Marks of an earlier annotation (re-annotating) or of the record (clearing) that were not found. */
export interface MarksNotFound {
  notFound: RecordedCell[];
}

/**
 * Writes an annotated copy of `input` (as read for validating, so the file is not read again)
 * with the findings `result` to `output`. An earlier annotation is cleared first; its marks that
 * cannot be found any more are returned.
 */
export function writeAnnotatedCopy(
  input: WorkbookFile,
  output: string,
  result: ValidationResult,
  checkedAt: Date,
  force = false,
): MarksNotFound {
  return writePlannedCopy(
    input,
    output,
    result.findings,
    (n) => `this check found ${n} cells with findings`,
    force,
    (marks) => planAnnotation(input.grid, result, marks, checkedAt, basename(input.path)),
  );
}

/**
 * Writes a copy of `input` marked as `plan` decides (given what the cells to mark, `cells`, and
 * the marks of an earlier annotation hold now): an earlier annotation is cleared first; its
 * marks that cannot be found any more are returned. `found` words the refusal of too many marks.
 */
export function writePlannedCopy(
  input: WorkbookFile,
  output: string,
  cells: { sheet: string; cell: string }[],
  found: (count: string) => string,
  force: boolean,
  plan: (marks: ExistingMarks) => AnnotationPlan,
): MarksNotFound {
  checkOutputPath(input.path, output, force);
  const marked = new Set(cells.map((f) => markKey(f.sheet, f.cell))).size;
  if (marked > MAX_MARKED_CELLS)
    throw new UsageError(
      `an annotated copy marks at most ${MAX_MARKED_CELLS.toLocaleString("en-GB")} cells, and ${found(marked.toLocaleString("en-GB"))}: see them with --json, or annotate part of the workbook`,
    );
  const edit = new WorkbookEdit(input);
  const earlier = readRecord(edit);
  const search = earlier ? locateMarks(edit, earlier.cells, cells) : null;
  const previous = earlier && search ? { ...earlier, cells: search.placed } : null;
  const marks = readMarks(edit, [...cells, ...(previous?.cells ?? [])], search);
  const planned = plan({ ...marks, record: previous });
  refuseNameClash(edit, [planned.report.name, RECORD_SHEET], earlier);
  const restored = planned.clear
    ? queueClear(edit, planned.clear, previous!.cells, marks.formats)
    : new Map<string, number>();
  const styles = input.styles;
  for (const mark of planned.cells) {
    const sheet = edit.worksheet(mark.sheet)!;
    const key = markKey(mark.sheet, mark.cell);
    const base = restored.get(key) ?? marks.formats.get(key)!.style;
    edit.restyle(sheet, mark.cell, { style: styles.withFill(base, solidFill(mark.fill)) });
    if (mark.note !== null) edit.addNote(sheet, mark.cell, mark.note);
  }
  const record: AnnotationRecord = { ...planned.record, styleCounts: earlier?.styleCounts ?? styles.originalCounts };
  const print = reportPrintNames(planned.report);
  edit.addSheet(planned.report.name, reportSheetXml(planned.report, styles), "visible", [
    { name: "_xlnm.Print_Area", formula: print.area },
    { name: "_xlnm.Print_Titles", formula: print.titles },
  ]);
  edit.addSheet(RECORD_SHEET, recordSheetXml(encodeRecord(record)), "veryHidden");
  writeFileSafely(output, (write) => edit.finish().writeTo(input.pkg, write));
  return { notFound: search?.missing ?? [] };
}

/**
 * Writes a copy of an annotated workbook with what annotating added taken away: notes, fills,
 * the report and the record. When some marks cannot be found, the rest is cleared, the record of
 * those is kept (and the report with it) and they are returned.
 */
export function clearAnnotatedCopy(
  inputPath: string,
  output: string,
  force = false,
): MarksNotFound & { cleared: number } {
  checkOutputPath(inputPath, output, force);
  const input = openWorkbook(inputPath);
  const edit = new WorkbookEdit(input);
  const record = readRecord(edit);
  if (!record)
    throw new UsageError(
      `${inputPath} carries no annotation record (no ${RECORD_SHEET} sheet): it was not annotated by savings-check, or was cleared already`,
    );
  const search = locateMarks(edit, record.cells, []);
  const marks = readMarks(edit, search.placed, search);
  const plan = planClear({ ...record, cells: search.placed }, marks);
  const complete = search.missing.length === 0;
  queueClear(edit, complete ? plan : { ...plan, sheetsToDelete: [] }, search.placed, marks.formats);
  if (!complete) {
    const recordSheet = edit.sheetNamedLike(RECORD_SHEET)!;
    edit.replaceSheet(recordSheet, recordSheetXml(encodeRecord({ ...record, cells: search.missing })));
  } else if (record.styleCounts) trimStyles(edit, record.styleCounts as StyleCounts, marks.formats);
  writeFileSafely(output, (write) => edit.finish().writeTo(input.pkg, write));
  return { cleared: search.placed.length, notFound: search.missing };
}

/** The record on the record sheet, or null when there is none; a damaged record is a UsageError. */
function readRecord(edit: WorkbookEdit): AnnotationRecord | null {
  const sheet = edit.sheetNamedLike(RECORD_SHEET);
  if (!sheet) return null;
  if (sheet.kind !== "worksheet" || sheet.part === null)
    throw new UsageError(`The ${RECORD_SHEET} sheet is damaged: it is not a worksheet.`);
  const values = readSheet(edit.file.context, sheet.name, sheet.part).values;
  try {
    return decodeRecord(values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A sheet the copy is to add that the user already has (not one an earlier annotation added, which goes). */
function refuseNameClash(edit: WorkbookEdit, names: string[], earlier: AnnotationRecord | null): void {
  for (const name of names) {
    if (earlier && (name === earlier.reportSheet || name === RECORD_SHEET)) continue;
    const clash = edit.sheetNamedLike(name);
    if (clash)
      throw new UsageError(
        `the workbook already has a sheet named '${clash.name}' that savings-check did not add: rename it first`,
      );
  }
}

interface MarksNow extends ExistingMarks {
  fillDetails: Map<string, string>;
  /** The cell format each read cell wears now, by markKey. */
  formats: Map<string, CellFormatNow>;
}

/**
 * The notes and fills `cells` hold now, with the exact prior format of each in `fillDetails`.
 * Sheets the search already probed are not read again.
 */
function readMarks(
  edit: WorkbookEdit,
  cells: { sheet: string; cell: string }[],
  search: { formats: Map<string, CellFormatNow> } | null,
): MarksNow {
  const marks: MarksNow = {
    notes: new Map(),
    fills: new Map(),
    fillDetails: new Map(),
    formats: new Map(search?.formats ?? []),
  };
  const bySheet = new Map<string, Set<string>>();
  for (const { sheet, cell } of cells)
    if (!marks.formats.has(markKey(sheet, cell)))
      (bySheet.get(sheet) ?? bySheet.set(sheet, new Set()).get(sheet)!).add(cell);
  for (const [name, wanted] of bySheet) {
    const sheet = edit.worksheet(name);
    if (!sheet) continue;
    for (const [cell, format] of edit.probe(sheet, wanted).formats) marks.formats.set(markKey(name, cell), format);
  }
  const styles = edit.file.styles;
  for (const { sheet: name, cell } of cells) {
    const key = markKey(name, cell);
    const format = marks.formats.get(key);
    const sheet = edit.worksheet(name);
    if (!format || !sheet) continue;
    const note = edit.notesOf(sheet).get(cell);
    // Any note the user has, even an empty one, is theirs to keep.
    if (note !== undefined) marks.notes.set(key, note || " ");
    const fill = styles.fillOf(format.style);
    marks.fills.set(key, fillColour(fill));
    marks.fillDetails.set(
      key,
      encodePriorFormat(
        format.exists
          ? { xf: format.style, fill, ...(format.bare ? { bare: true as const } : {}) }
          : { xf: null, fill, inherited: format.style },
      ),
    );
  }
  return marks;
}

/**
 * Queues a clear plan (made from what the cells hold now): notes deleted, each fill given back as
 * the exact old cell format where nothing else changed, the add-in's sheets removed. Returns the
 * format each restored cell gets, by markKey.
 */
function queueClear(
  edit: WorkbookEdit,
  plan: ClearPlan,
  recorded: RecordedCell[],
  formats: Map<string, CellFormatNow>,
): Map<string, number> {
  const byKey = new Map(recorded.map((c) => [markKey(c.sheet, c.cell), c]));
  for (const { sheet, cell } of plan.notesToDelete) edit.removeNote(edit.worksheet(sheet)!, cell);
  const restored = new Map<string, number>();
  for (const { sheet, cell, fill, detail } of plan.fills) {
    const key = markKey(sheet, cell);
    const now = formats.get(key);
    const mark = byKey.get(key);
    if (!now || !mark) continue;
    const style = restoredFormat(edit.file.styles, now.style, mark.fill, fill, detail);
    const prior = decodePriorFormat(detail);
    restored.set(key, style);
    edit.restyle(edit.worksheet(sheet)!, cell, { style, dropIfEmpty: prior?.xf === null, bare: prior?.bare });
  }
  for (const name of plan.sheetsToDelete) {
    const sheet = edit.sheetNamedLike(name);
    if (sheet) edit.removeSheet(sheet);
  }
  return restored;
}

/**
 * Takes off the styles part what annotating appended (after `since`, the counts before it) that
 * no cell of the cleared workbook uses: every kept sheet's formats, with the restyles applied.
 */
function trimStyles(edit: WorkbookEdit, since: StyleCounts, formats: Map<string, CellFormatNow>): void {
  const used = new Set<number>();
  for (const sheet of edit.keptWorksheets()) {
    const { probe } = edit.probe(sheet, []);
    const use = new Map(probe.styleUse);
    for (const [key, restyle] of edit.restylesOf(sheet)) {
      const now = formats.get(markKey(sheet.name, cellOfKey(key)));
      if (now?.exists) use.set(now.style, (use.get(now.style) ?? 0) - 1);
      use.set(restyle.style, (use.get(restyle.style) ?? 0) + 1);
    }
    for (const [style, count] of use) if (count > 0) used.add(style);
  }
  edit.file.styles.trim(since, used);
}
