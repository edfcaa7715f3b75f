/**
 * The file host's annotating and clearing (SPEC §6): reads the input .xlsx, works on it in memory
 * (annotation-book.ts) and writes a copy. The input file is never written.
 */
import { realpathSync, writeFileSync } from "fs";
import { resolve } from "path";
import ExcelJS from "exceljs";
import { ValidationResult } from "../../core/validate";
import { UsageError } from "../command";
import { annotateBook, clearBook } from "./annotation-book";
import { loadWorkbook, WorkbookFile } from "./read";
import { RECORD_SHEET } from "../../core/annotation/names";

/**
 * Writes an annotated copy of `input` (as read for validating, so the file is not read again; its
 * book is changed in memory) with the findings `result` to `outputPath`.
 */
export async function writeAnnotatedCopy(
  input: WorkbookFile,
  outputPath: string,
  result: ValidationResult,
  checkedAt: Date,
): Promise<void> {
  refuseToOverwrite(input.path, outputPath);
  annotateBook(input.book, input.grid, result, checkedAt);
  await writeBook(input.book, outputPath);
}

/** Writes a copy of an annotated workbook with exactly what annotating added removed. */
export async function clearAnnotatedCopy(inputPath: string, outputPath: string): Promise<{ cleared: number }> {
  refuseToOverwrite(inputPath, outputPath);
  const book = await loadWorkbook(inputPath);
  const cleared = clearBook(book);
  if (cleared === null)
    throw new UsageError(
      `${inputPath} carries no annotation record (no ${RECORD_SHEET} sheet): it was not annotated by savings-check, or was cleared already`,
    );
  await writeBook(book, outputPath);
  return { cleared };
}

/** Same file, also through symbolic links, and also when the output does not exist yet. */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

function refuseToOverwrite(inputPath: string, outputPath: string): void {
  if (samePath(inputPath, outputPath))
    throw new UsageError(`${outputPath} is the input file: the input is never written, choose another output path`);
}

async function writeBook(book: ExcelJS.Workbook, path: string): Promise<void> {
  const bytes = await book.xlsx.writeBuffer();
  try {
    writeFileSync(path, Buffer.from(bytes as ArrayBuffer));
  } catch (error) {
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
}
