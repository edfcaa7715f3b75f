/**
 * The file host's annotate and clear on the two fixtures, with notes and fills of the user's own
 * and a planted fault: the annotated copy carries prefixed notes, severity fills, the linked report
 * and the very hidden record; clearing it gives back the input's values, formulas, fills and notes;
 * the input's bytes never change.
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join, relative, resolve } from "path";
import { NOTE_PREFIX, RECORD_SHEET, REPORT_SHEET, SEVERITY_FILL } from "../../../src/core/annotation/names";
import { decodeRecord } from "../../../src/core/annotation/record";
import { Finding } from "../../../src/core/findings";
import { validateWorkbook } from "../../../src/core/validate";
import { UsageError } from "../../../src/cli/command";
import { clearAnnotatedCopy, writeAnnotatedCopy } from "../../../src/cli/xlsx/annotated-copy";
import { readWorkbookFile, readWorkbookGrid } from "../../../src/cli/xlsx/workbook-file";
import { snapshot } from "./annotate-support";
import { buildFeatureWorkbook, plainWorkbook } from "./feature-workbooks";
import { readParts, rewriteParts } from "./package-parts";

const FIXTURES = resolve(__dirname, "../../fixtures");
const CHECKED = new Date("2026-11-23T10:00:00Z");
const USER_NOTE = "Agreed with the head of finance";
const PATTERN_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "darkTrellis",
  fgColor: { argb: "FF00B050" },
  bgColor: { argb: "FFFFFF00" },
};
const THEME_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { theme: 4, tint: 0.6 },
} as ExcelJS.Fill;

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "annotate-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = async (path: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
};
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const noteText = (cell: ExcelJS.Cell) => {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  return note === undefined ? undefined : typeof note === "string" ? note : note.texts?.map((t) => t.text).join("");
};

/** The fixture with a planted fault and, on finding cells, a user's note, a patterned fill and a theme fill. */
async function prepareInput(fixture: string, name: string): Promise<{ path: string; findings: Finding[] }> {
  const book = await load(join(FIXTURES, fixture));
  const sheet = book.worksheets[0];
  // Plant a fault: a stated % its own figures contradict (the first numeric cell in the % column).
  let planted = false;
  sheet.eachRow((row) => {
    const cell = row.getCell(4);
    if (!planted && typeof cell.value === "number" && row.number > 5) {
      cell.value = cell.value + 9;
      planted = true;
    }
  });
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  const findings = validateWorkbook(await readWorkbookGrid(path)).findings;
  const cells = [...new Set(findings.map((f) => f.cell))];
  expect(cells.length).toBeGreaterThanOrEqual(3);
  const again = await load(path);
  const s = again.getWorksheet(findings[0].sheet)!;
  s.getCell(cells[0]).note = USER_NOTE;
  // exceljs shares style objects between cells: give each its own.
  const fill = (address: string, f: ExcelJS.Fill) =>
    (s.getCell(address).style = { ...s.getCell(address).style, fill: f });
  fill(cells[1], PATTERN_FILL);
  fill(cells[2], THEME_FILL);
  fill("H30", { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } });
  // A note on an empty cell: Excel writes the cell element, which exceljs only does for a styled cell.
  s.getCell("H31").note = "A note on an empty cell";
  s.getCell("H31").style = { protection: { locked: true } };
  await again.xlsx.writeFile(path);
  return { path, findings };
}

describe.each([
  ["hampshire-tt2017-workstreams.xlsx", "tt2017"],
  ["hampshire-tt2019-table1.xlsx", "tt2019"],
])("annotate and clear %s", (fixture, tag) => {
  let input: string;
  let findings: Finding[];
  let inputHash: string;
  const annotated = () => join(dir, `${tag}-annotated.xlsx`);
  const cleared = () => join(dir, `${tag}-cleared.xlsx`);

  beforeAll(async () => {
    ({ path: input, findings } = await prepareInput(fixture, `${tag}-input.xlsx`));
    inputHash = sha(input);
    const read = readWorkbookFile(input);
    writeAnnotatedCopy(read, annotated(), validateWorkbook(read.grid), CHECKED);
  });

  test("the annotated copy has prefixed notes, severity fills, the user's note kept, and the same values and formulas", async () => {
    expect(findings.some((f) => f.severity === "error")).toBe(true);
    const before = await load(input);
    const after = await load(annotated());
    const sheetName = findings[0].sheet;
    const [userCell] = [...new Set(findings.map((f) => f.cell))];
    for (const f of findings) {
      const cell = after.getWorksheet(f.sheet)!.getCell(f.cell);
      const worst = findings.filter((g) => g.cell === f.cell && g.sheet === f.sheet).map((g) => g.severity);
      const severity = worst.includes("error") ? "error" : worst.includes("warning") ? "warning" : "info";
      expect(cell.fill).toEqual({
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FF" + SEVERITY_FILL[severity].slice(1) },
        bgColor: { indexed: 64 },
      });
      if (f.cell === userCell) expect(noteText(cell)).toBe(USER_NOTE);
      else {
        expect(noteText(cell)!.startsWith(NOTE_PREFIX)).toBe(true);
        expect(noteText(cell)).toContain(f.message);
      }
    }
    const strip = (s: ReturnType<typeof snapshot>) =>
      Object.fromEntries(Object.entries(s[`${sheetName} (visible)`]).map(([a, c]) => [a, c.content]));
    expect(strip(snapshot(after))).toEqual(strip(snapshot(before)));
  });

  test("the report sheet lists every finding with a link to its cell; the record sheet is very hidden", async () => {
    const after = await load(annotated());
    expect(after.worksheets.map((s) => s.name)).toEqual([findings[0].sheet, REPORT_SHEET, RECORD_SHEET]);
    const report = after.getWorksheet(REPORT_SHEET)!;
    expect(report.getCell("A1").value).toBe(`Savings check report: ${tag}-input.xlsx`);
    expect(report.getCell("B2").value).toMatch(/^Not ready for committee: \d+ errors?$/);
    expect(report.getCell("B3").value).toMatch(/^\d+ of \d+ figures? checked/);
    expect(report.getCell("B7").value).toBe(CHECKED.toISOString());
    expect(report.getCell("B8").value).toMatch(/^[0-9a-f]{64}$/);
    let header = 0;
    report.eachRow((row, n) => (header = row.getCell(1).value === "Severity" ? n : header));
    expect(header).toBeGreaterThan(8);
    findings.forEach((f, i) => {
      const cell = report.getRow(header + 1 + i);
      expect([1, 2, 3, 5, 6].map((c) => cell.getCell(c).value)).toEqual([
        f.severity,
        f.rule,
        f.sheet,
        f.message,
        f.table,
      ]);
      expect(cell.getCell(4).formula).toBe(`HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`);
      expect(cell.getCell(4).result).toBe(f.cell);
    });
    // Laid out for the papers, as the plan says: landscape A4, one page wide, the header on every page.
    expect(report.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: `A1:F${header + findings.length}`,
      printTitlesRow: `${header}:${header}`,
    });
    expect(report.columns.map((c) => c.width)).toEqual([14, 20, 14, 8, 56, 26]);
    expect(report.getRow(header + 1).getCell(5).alignment).toEqual({ vertical: "top", wrapText: true });
    expect(report.model.merges).toContain("A1:F1");
    const record = after.getWorksheet(RECORD_SHEET)!;
    expect(record.state).toBe("veryHidden");
    const decoded = decodeRecord([[record.getCell("A1").value as string]]);
    expect(decoded.cells).toHaveLength(new Set(findings.map((f) => f.cell)).size);
    expect(decoded.cells.find((c) => c.note === null)).toBeDefined();
    // The exact prior format of every cell, and the colour the task pane can restore where there is one.
    expect(decoded.cells.every((c) => c.priorFillDetail !== undefined)).toBe(true);
    expect(decoded.cells.map((c) => c.priorFill)).toContain("#00B050");
  });

  test("the annotated copy validates exactly as the input did", async () => {
    const grid = await readWorkbookGrid(annotated());
    expect(validateWorkbook(grid).findings).toEqual(findings);
  });

  test("clearing gives back the input's values, formulas, fills and notes, and drops both sheets", async () => {
    const result = clearAnnotatedCopy(annotated(), cleared());
    expect(result.cleared).toBe(new Set(findings.map((f) => f.cell)).size);
    const before = snapshot(await load(input));
    expect(before[`${findings[0].sheet} (visible)`].H31.note).toBe("A note on an empty cell");
    expect(snapshot(await load(cleared()))).toEqual(before);
  });

  test("the print area and print titles are defined names of the report's position; re-annotating and clearing leave the workbook part as it was", () => {
    const names = (path: string) =>
      readParts(path)
        .get("xl/workbook.xml")!
        .toString("utf8")
        .match(/<definedNames>.*<\/definedNames>|<definedName [^>]*>[^<]*<\/definedName>/g) ?? [];
    const position = readWorkbookFile(input).grid.sheets.length; // the report goes after the user's sheets
    const printNames = [
      `<definedName name="_xlnm.Print_Area" localSheetId="${position}">'${REPORT_SHEET}'!$A$1:$F$`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="${position}">'${REPORT_SHEET}'!$`,
    ];
    expect(names(input)).toEqual([]);
    const [added] = names(annotated());
    for (const name of printNames) expect(added).toContain(name);
    const twice = join(dir, `${tag}-names-twice.xlsx`);
    const read = readWorkbookFile(annotated());
    writeAnnotatedCopy(read, twice, validateWorkbook(read.grid), new Date("2026-11-24T09:00:00Z"));
    expect(names(twice)).toEqual([added]); // the earlier names go with the earlier report
    const back = join(dir, `${tag}-names-cleared.xlsx`);
    clearAnnotatedCopy(twice, back);
    expect(readParts(back).get("xl/workbook.xml")).toEqual(readParts(input).get("xl/workbook.xml"));
  });

  test("re-annotating an annotated copy records nothing twice: one clear restores the input", async () => {
    const twice = join(dir, `${tag}-twice.xlsx`);
    const read = readWorkbookFile(annotated());
    writeAnnotatedCopy(read, twice, validateWorkbook(read.grid), new Date("2026-11-24T09:00:00Z"));
    expect(snapshot(await load(twice))[`${findings[0].sheet} (visible)`]).toEqual(
      snapshot(await load(annotated()))[`${findings[0].sheet} (visible)`],
    );
    const back = join(dir, `${tag}-twice-cleared.xlsx`);
    clearAnnotatedCopy(twice, back);
    expect(snapshot(await load(back))).toEqual(snapshot(await load(input)));
  });

  test("clearing leaves a note the user rewrote and a fill the user changed after annotating", async () => {
    const book = await load(annotated());
    const sheet = book.getWorksheet(findings[0].sheet)!;
    const [, second, third] = [...new Set(findings.map((f) => f.cell))];
    const red: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    sheet.getCell(second).note = "Jo: agreed with finance";
    sheet.getCell(third).style = { ...sheet.getCell(third).style, fill: red };
    sheet.getCell("H31").style = { protection: { locked: true } }; // Excel keeps the element of a cell with a note
    const edited = join(dir, `${tag}-edited.xlsx`);
    await book.xlsx.writeFile(edited);
    const back = join(dir, `${tag}-edited-cleared.xlsx`);
    clearAnnotatedCopy(edited, back);
    const after = snapshot(await load(back))[`${findings[0].sheet} (visible)`];
    const before = snapshot(await load(input))[`${findings[0].sheet} (visible)`];
    expect(after[second].note).toBe("Jo: agreed with finance");
    expect(after[second].fill).toBe(before[second].fill);
    expect(JSON.parse(after[third].fill!)).toEqual(red);
    expect(after[third].note).toBe(before[third]?.note ?? null);
    const others = (s: typeof after) => Object.entries(s).filter(([a]) => a !== second && a !== third);
    expect(others(after)).toEqual(others(before));
  });

  test("the input file's bytes never change", () => {
    expect(sha(input)).toBe(inputHash);
  });
});

describe("refusals", () => {
  let input: string;
  beforeAll(() => {
    input = join(dir, "plain.xlsx");
    copyFileSync(join(FIXTURES, "hampshire-tt2017-workstreams.xlsx"), input);
  });

  test("never writes over the input, by any name for it", async () => {
    const before = sha(input);
    const read = readWorkbookFile(input);
    const result = validateWorkbook(read.grid);
    const link = join(dir, "link.xlsx");
    symlinkSync(input, link);
    for (const out of [input, relative(process.cwd(), input), link]) {
      expect(() => writeAnnotatedCopy(read, out, result, CHECKED)).toThrow(
        new UsageError(`${out} is the input file: the input is never written, choose another output path`),
      );
      expect(() => clearAnnotatedCopy(input, out)).toThrow(UsageError);
    }
    expect(sha(input)).toBe(before);
  });

  test("clearing a workbook that was never annotated says so", async () => {
    expect(() => clearAnnotatedCopy(input, join(dir, "out.xlsx"))).toThrow(
      new UsageError(
        `${input} carries no annotation record (no ${RECORD_SHEET} sheet): it was not annotated by savings-check, or was cleared already`,
      ),
    );
  });

  test("a sheet of the user's that happens to be named like the report is never overwritten", async () => {
    const book = await load(input);
    book.addWorksheet(REPORT_SHEET).getCell("A1").value = "my own notes";
    const path = join(dir, "named.xlsx");
    await book.xlsx.writeFile(path);
    const read = readWorkbookFile(path);
    expect(() => writeAnnotatedCopy(read, join(dir, "named-out.xlsx"), validateWorkbook(read.grid), CHECKED)).toThrow(
      /already has a sheet named 'Savings check'/,
    );
  });
});

test("a workbook without a styles part gets one for the marks' fills, and reads the same", () => {
  const plain = join(dir, "no-styles-source.xlsx");
  buildFeatureWorkbook(plainWorkbook(), plain);
  const input = join(dir, "no-styles.xlsx");
  rewriteParts(plain, input, (parts) => {
    parts.delete("xl/styles.xml");
    parts.set(
      "xl/_rels/workbook.xml.rels",
      parts.get("xl/_rels/workbook.xml.rels")!.replace(/<Relationship Id="rIdStyles"[^>]*\/>/, ""),
    );
    // Without styles every cell shows format 0.
    parts.set("xl/worksheets/sheet1.xml", parts.get("xl/worksheets/sheet1.xml")!.replace(/ s="\d+"/g, ""));
  });
  const read = readWorkbookFile(input);
  expect(read.styles.name).toBeNull();
  const out = join(dir, "no-styles.annotated.xlsx");
  writeAnnotatedCopy(read, out, validateWorkbook(read.grid), CHECKED);
  const parts = readParts(out);
  expect(parts.has("xl/styles.xml")).toBe(true);
  expect(parts.get("xl/_rels/workbook.xml.rels")!.toString()).toContain("relationships/styles");
  expect(validateWorkbook(readWorkbookGrid(out)).findings).toEqual(validateWorkbook(read.grid).findings);
});
