/**
 * Where the marks of a record are in the file now (the core's search, core/annotation/locate.ts,
 * given this file's notes and fills): notes of ours from every sheet's comments, fills from the
 * cell formats of the cells the search asks about. The cells probed on the way are kept, so that
 * no sheet is streamed twice for the same cells.
 */
import { NOTE_PREFIX } from "../../core/annotation/names";
import { fillCandidates, placeByFills, placeByNotes } from "../../core/annotation/locate";
import { markKey } from "../../core/annotation/plan";
import { RecordedCell } from "../../core/annotation/record";
import { fillColour } from "./cell-fills";
import { CellFormatNow } from "./sheet-patcher";
import { WorkbookEdit } from "./workbook-edit";

export interface MarkSearch {
  /** The recorded marks that were found, each with the sheet and cell it is at now. */
  placed: RecordedCell[];
  missing: RecordedCell[];
  /** The formats of every cell read (the found marks and `alsoRead`), by markKey. */
  formats: Map<string, CellFormatNow>;
}

/** Finds `recorded` marks; `alsoRead` cells (the findings) are probed in the same pass. */
export function locateMarks(
  edit: WorkbookEdit,
  recorded: RecordedCell[],
  alsoRead: { sheet: string; cell: string }[],
): MarkSearch {
  const sheets = new Set<string>();
  const notes = new Map<string, string>();
  for (const sheet of edit.keptWorksheets()) {
    sheets.add(sheet.name);
    for (const [cell, text] of edit.notesOf(sheet))
      if (text.startsWith(NOTE_PREFIX)) notes.set(markKey(sheet.name, cell), text);
  }
  const search = placeByNotes(recorded, { sheets, notes });
  const wanted = new Map<string, Set<string>>();
  const want = (sheet: string, cell: string) =>
    (wanted.get(sheet) ?? wanted.set(sheet, new Set()).get(sheet)!).add(cell);
  for (const { sheet, cell } of [...search.placed, ...fillCandidates(search), ...alsoRead]) want(sheet, cell);
  const formats = new Map<string, CellFormatNow>();
  for (const [name, cells] of wanted) {
    const sheet = edit.worksheet(name);
    if (!sheet) continue;
    for (const [cell, format] of edit.probe(sheet, cells).formats) formats.set(markKey(name, cell), format);
  }
  const styles = edit.file.styles;
  const { placed, missing } = placeByFills(search, (sheet, cell) => {
    const format = formats.get(markKey(sheet, cell));
    return format === undefined ? undefined : fillColour(styles.fillOf(format.style));
  });
  return { placed: placed.map(({ mark, sheet, cell }) => ({ ...mark, sheet, cell })), missing, formats };
}
