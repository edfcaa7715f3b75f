/**
 * `savings-check clear` tells the truth (the built command, as a child process): after the user
 * inserts a row above the marks and renames their sheet, every mark is found by its note (a mark
 * whose cell kept the user's own note, by its fill at the same shift) and cleared; marks that
 * cannot be found are named, exit 1, and their record is kept; a record that names a sheet other
 * than the add-in's report, or cells off Excel's grid, is damaged: exit 2, nothing written. A
 * sheet of the user's named like the report in another case is refused with one line.
 */
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { NOTE_PREFIX, RECORD_SHEET } from "../../src/core/annotation/names";
import { addNotes, buildFeatureWorkbook, plainWorkbook } from "./xlsx/feature-workbooks";
import { differingParts, readParts, rewriteParts } from "./xlsx/package-parts";
import { cli, requireBuiltCommand } from "./built-command";

let dir: string;
let input: string;
let annotated: string;
beforeAll(() => {
  requireBuiltCommand();
  dir = mkdtempSync(join(tmpdir(), "clear-truth-"));
  input = join(dir, "input.xlsx");
  annotated = join(dir, "annotated.xlsx");
  const workbook = plainWorkbook();
  // The user's own note on a finding cell (A6): that mark is our fill alone.
  addNotes(workbook, [{ cell: "A6", row: 5, col: 0, text: "Hidden while the figures are agreed" }]);
  buildFeatureWorkbook(workbook, input);
  expect(cli("validate", input, "--annotate", annotated).status).toBe(1);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** As Excel saves the workbook after the user inserts a row at row 2 of Summary and renames it. */
function insertRowAndRename(source: string, target: string): void {
  const down = (ref: string) =>
    ref.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => `${col}${Number(row) >= 2 ? Number(row) + 1 : row}`);
  rewriteParts(source, target, (parts) => {
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    parts.set(
      "xl/worksheets/sheet1.xml",
      sheet
        .replace(/<row r="(\d+)"/g, (_, r: string) => `<row r="${Number(r) >= 2 ? Number(r) + 1 : r}"`)
        .replace(/ (r|ref|sqref)="([^"]+)"/g, (_, name: string, ref: string) => ` ${name}="${down(ref)}"`)
        .replace(/<f([^>]*)>([^<]*)<\/f>/g, (_, attrs: string, formula: string) => `<f${attrs}>${down(formula)}</f>`),
    );
    for (const [name, text] of parts) {
      if (/comments\d*\.xml$/.test(name))
        parts.set(
          name,
          text.replace(/ ref="([^"]+)"/g, (_, ref: string) => ` ref="${down(ref)}"`),
        );
      if (name.endsWith(".vml"))
        parts.set(
          name,
          text.replace(
            /<x:Row>(\d+)<\/x:Row>/g,
            (_, row: string) => `<x:Row>${Number(row) >= 1 ? Number(row) + 1 : row}</x:Row>`,
          ),
        );
    }
    for (const name of ["xl/workbook.xml", "docProps/app.xml"])
      parts.set(
        name,
        parts
          .get(name)!
          .replace(/"Summary"/g, '"Summary 2026"')
          .replace(/>Summary</g, ">Summary 2026<"),
      );
  });
}

test("after a row is inserted above the marks and their sheet renamed, clear finds and clears every mark", () => {
  const movedInput = join(dir, "moved-input.xlsx");
  const movedAnnotated = join(dir, "moved-annotated.xlsx");
  insertRowAndRename(input, movedInput);
  insertRowAndRename(annotated, movedAnnotated);
  const cleared = join(dir, "moved-cleared.xlsx");
  const run = cli("clear", movedAnnotated, cleared);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
  expect(run.stdout).toMatch(/^Cleared 3 marked cells and the report/);
  // Exactly the user's workbook, moved and renamed as they did it: notes, fills, every part.
  expect(differingParts(readParts(cleared), readParts(movedInput))).toEqual([]);
});

test("marks that cannot be found are named, exit 1, and their record is kept for another clear", () => {
  const edited = join(dir, "note-deleted.xlsx");
  // Another program drops our note on D9 and gives the cell a fill of its own.
  rewriteParts(annotated, edited, (parts) => {
    for (const [name, text] of parts)
      if (/comments\d*\.xml$/.test(name)) parts.set(name, text.replace(/<comment ref="D9"[\s\S]*?<\/comment>/, ""));
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    parts.set("xl/worksheets/sheet1.xml", sheet.replace(/<c r="D9" s="\d+"/, '<c r="D9" s="6"'));
  });
  const partly = join(dir, "partly-cleared.xlsx");
  const run = cli("clear", edited, partly);
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/^Cleared 2 of 3 marked cells into .*; not found .*: 1 marked cell \(Summary!D9\)/);
  const parts = readParts(partly);
  const record = [...parts.values()].map((p) => p.toString()).find((text) => text.includes(`${RECORD_SHEET} 1/1`))!;
  expect(record).toContain('"cell":"D9"');
  expect(record).not.toContain('"cell":"A6"');
  for (const [name, text] of parts)
    if (/comments\d*\.xml$/.test(name)) expect(text.toString()).not.toContain(NOTE_PREFIX);
  // Clearing again says the same, and changes nothing more.
  const again = cli("clear", partly, join(dir, "partly-again.xlsx"));
  expect(again.status).toBe(1);
  expect(again.stdout).toMatch(/^Cleared 0 of 1 marked cell .*Summary!D9/);
});

describe("a damaged record: exit 2, one line, nothing written", () => {
  test.each([
    [
      "names a user sheet as its report",
      /"reportSheet":"Savings check"/,
      '"reportSheet":"Summary"',
      /names the sheet 'Summary' as its report/,
    ],
    ["names a cell beyond column XFD", /"cell":"D9"/, '"cell":"XFE9"', /is not a cell of Excel's grid/],
    ["names a row beyond 1,048,576", /"cell":"D9"/, '"cell":"D1048577"', /is not a cell of Excel's grid/],
  ])("a record that %s", (_name, from, to, reason) => {
    const tampered = join(dir, "tampered.xlsx");
    rewriteParts(annotated, tampered, (parts) => {
      for (const [name, text] of parts)
        if (text.includes(`${RECORD_SHEET} 1/1`)) parts.set(name, text.replace(from, to));
    });
    const out = join(dir, "tampered-cleared.xlsx");
    const run = cli("clear", tampered, out);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(existsSync(out)).toBe(false);
  });
});

test("a user's sheet named like the report in another case is refused with one line, not an internal error", () => {
  const named = join(dir, "named.xlsx");
  rewriteParts(input, named, (parts) => {
    parts.set("xl/workbook.xml", parts.get("xl/workbook.xml")!.replace('name="Lists"', 'name="SAVINGS CHECK"'));
  });
  const out = join(dir, "named-annotated.xlsx");
  const run = cli("validate", named, "--annotate", out);
  expect(run.status).toBe(2);
  expect(run.stderr.trim()).toBe(
    "savings-check validate: the workbook already has a sheet named 'SAVINGS CHECK' that savings-check did not add: rename it first",
  );
  expect(existsSync(out)).toBe(false);
});
