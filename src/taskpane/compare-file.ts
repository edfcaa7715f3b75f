/**
 * Compare with a file…: a workbook the user picks, read in the pane with the command line's own
 * reader (the same checks of hostile files, the same grids) and checked as the open workbook is.
 * The pane loads this module only when it is needed (a dynamic import, a chunk of its own), so
 * that its first bundle does not carry the file reader.
 */
import { Draft, readDraft } from "../core/compare/draft";
import { readWorkbookBytes } from "../cli/xlsx/workbook-file";

/** The draft a picked file holds; an unreadable file throws an Error with a one-line reason. */
export async function draftOfFile(file: Blob & { name: string }): Promise<Draft> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readDraft(readWorkbookBytes(bytes, file.name)).draft;
}
