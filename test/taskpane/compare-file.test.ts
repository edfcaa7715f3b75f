/**
 * Compare with a file…: the pane reads a picked workbook with the command line's reader. From
 * bytes it gives the same grids as from the file, refuses what the command line refuses (one
 * line naming the file), and its path shim agrees with Node's path.posix on part names.
 */
import { posix } from "path";
import { readFileSync } from "fs";
import { resolve } from "path";
import { compareDrafts } from "../../src/core/compare/compare";
import { readDraft } from "../../src/core/compare/draft";
import { readWorkbookBytes, readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";
import { draftOfFile } from "../../src/taskpane/compare-file";
import { posix as shim } from "../../src/taskpane/path-posix";

const FIRST = resolve(__dirname, "../../examples/savings-proposals.xlsx");
const SECOND = resolve(__dirname, "../../examples/savings-proposals-draft2.xlsx");

test("bytes read as the file reads", () => {
  expect(readWorkbookBytes(readFileSync(FIRST), "first.xlsx")).toEqual(readWorkbookGrid(FIRST));
});

test("a picked file is compared like the command line compares it", async () => {
  const picked = Object.assign(new Blob([readFileSync(FIRST)]), { name: "savings-proposals.xlsx" });
  const before = await draftOfFile(picked);
  const after = readDraft(readWorkbookGrid(SECOND)).draft;
  const expected = compareDrafts(readDraft(readWorkbookGrid(FIRST)).draft, after);
  expect(compareDrafts(before, after)).toEqual(expected);
  expect(expected.changes).toHaveLength(14);
});

test.each([
  [
    "a text file",
    new TextEncoder().encode("Ref,Saving\nS1,100\n"),
    /^notes\.xlsx is a text or CSV file, not an \.xlsx workbook$/,
  ],
  ["an empty zip", new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), /^notes\.xlsx is /],
])("%s is refused with one line naming it", (_, bytes, message) => {
  expect(() => readWorkbookBytes(bytes, "notes.xlsx")).toThrow(message);
});

test("the pane's path.posix agrees with Node's on part names", () => {
  const names = ["xl/workbook.xml", "workbook.xml", "/xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/", "/", "."];
  for (const name of names) {
    expect(shim.dirname(name)).toBe(posix.dirname(name));
    expect(shim.basename(name)).toBe(posix.basename(name));
    expect(shim.normalize(name)).toBe(posix.normalize(name));
  }
  const pairs: [string, string][] = [
    ["xl", "worksheets/sheet1.xml"],
    ["xl/worksheets", "../drawings/drawing1.xml"],
    ["xl", "./styles.xml"],
    [".", "xl/workbook.xml"],
    ["xl/worksheets", "../../../x.xml"],
  ];
  for (const [dir, target] of pairs) expect(shim.join(dir, target)).toBe(posix.join(dir, target));
  const relatives: [string, string][] = [
    ["xl", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets", "xl/comments1.xml"],
    [".", "xl/workbook.xml"],
    ["xl/worksheets", "xl/worksheets/sheet2.xml"],
  ];
  for (const [from, to] of relatives) expect(shim.relative(from, to)).toBe(posix.relative(from, to));
});
