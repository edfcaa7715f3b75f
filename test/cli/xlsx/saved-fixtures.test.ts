/**
 * Workbooks as other programs save them (test/fixtures/saved/, made once by
 * scripts/make-saved-fixtures.py): openpyxl with notes (one on an empty cell), a chart, an image,
 * validation, conditional formatting, names, protection and a table; and the same resaved by
 * LibreOffice Calc. Each against its plain twin from the same program (fidelity-checks.ts); the
 * exceljs host refused the first and could not annotate the second.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { checkFidelity } from "./fidelity-checks";
import { readParts } from "./package-parts";

const SAVED = resolve(__dirname, "../../fixtures/saved");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "saved-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(["openpyxl", "libreoffice"])("saved by %s", (program) => {
  const input = () => join(SAVED, `${program}-features.xlsx`);
  checkFidelity(
    input,
    () => join(SAVED, `${program}-plain.xlsx`),
    () => dir,
  );

  test("its note on an empty cell is in the file, and so kept", () => {
    const comments = [...readParts(input())]
      .find(([name]) => /comment/.test(name) && name.endsWith(".xml"))![1]
      .toString();
    expect(comments).toContain('ref="F20"');
  });
});
