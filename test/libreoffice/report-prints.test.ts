/**
 * The report sheet prints for the committee papers in a real spreadsheet program: LibreOffice Calc
 * prints the annotated demo and an annotated workbook with 500 findings to PDF (one run for both),
 * and the report's pages (found by its title, the last sheet printed) are landscape A4, one page
 * wide (every page carries the findings table's whole header row, and every message, table name
 * and the fingerprint are on them whole), titled with the workbook's name and the verdict in
 * words. The demo's report page is saved as docs/images/report.png, which the README shows.
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { Finding } from "../../src/core/findings";
import { validateWorkbook, ValidationResult } from "../../src/core/validate";
import { writeAnnotatedCopy } from "../../src/cli/xlsx/annotated-copy";
import { readWorkbookFile } from "../../src/cli/xlsx/workbook-file";
import { resultOf } from "../support/results";
import { convert } from "./soffice";

const ROOT = resolve(__dirname, "../..");
const IMAGE = join(ROOT, "docs/images/report.png");
const CHECKED = new Date("2026-11-23T10:00:00Z");
/** A4 landscape, in points, as pdfinfo gives it. */
const A4_LANDSCAPE = { width: 841.89, height: 595.304 };
const HEADER_LINE = "Severity Rule Sheet Cell Message Table";

interface Printed {
  result: ValidationResult;
  /** 1-based numbers of the report's pages in the PDF. */
  pages: number[];
  /** Text of each report page, in the order the PDF draws it. */
  texts: string[];
  sizes: { width: number; height: number }[];
}

let dir: string;
const printed = new Map<string, Printed>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "libreoffice-print-"));
  const demo = join(dir, "savings-proposals.xlsx");
  copyFileSync(join(ROOT, "examples/savings-proposals.xlsx"), demo);
  const large = join(dir, "register-500.xlsx");
  copyFileSync(join(ROOT, "examples/savings-proposals.xlsx"), large);
  const annotated = join(dir, "annotated");
  mkdirSync(annotated);
  const results = new Map<string, ValidationResult>();
  for (const [path, result] of [
    [demo, (file: ReturnType<typeof readWorkbookFile>) => validateWorkbook(file.grid)],
    [large, () => resultOf(manyFindings(500))],
  ] as const) {
    const file = readWorkbookFile(path);
    const name = path.slice(dir.length + 1);
    results.set(name, result(file));
    writeAnnotatedCopy(file, join(annotated, name), results.get(name)!, CHECKED);
  }
  const pdfs = join(dir, "pdf");
  convert(
    [...results.keys()].map((name) => join(annotated, name)),
    "pdf",
    pdfs,
    join(dir, "profile"),
  );
  for (const [name, result] of results) {
    const pdf = join(pdfs, name.replace(/\.xlsx$/, ".pdf"));
    const count = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", pdf))![1]);
    const all = Array.from({ length: count }, (_, i) =>
      run("pdftotext", "-raw", "-f", `${i + 1}`, "-l", `${i + 1}`, pdf, "-"),
    );
    const first = all.findIndex((text) => text.includes(`Savings check report: ${name}`));
    const pages = Array.from({ length: count - first }, (_, i) => first + i + 1);
    const sizes = [
      ...run("pdfinfo", "-f", `${pages[0]}`, "-l", `${count}`, pdf).matchAll(/size:\s+([\d.]+) x ([\d.]+)/g),
    ];
    printed.set(name, {
      result,
      pages,
      texts: pages.map((page) => all[page - 1]),
      sizes: sizes.map((m) => ({ width: Number(m[1]), height: Number(m[2]) })),
    });
    if (name === "savings-proposals.xlsx")
      run(
        "pdftoppm",
        "-png",
        "-r",
        "80",
        "-f",
        `${pages[0]}`,
        "-l",
        `${pages[0]}`,
        "-singlefile",
        pdf,
        IMAGE.replace(/\.png$/, ""),
      );
  }
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, ...args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8" });
}

/** Findings on 500 cells of the demo's first sheet, their messages from one line to a paragraph. */
function manyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    rule: "total-mismatch",
    severity: i % 7 === 0 ? "warning" : "error",
    sheet: "Table 1",
    cell: `${"ABCDE"[i % 5]}${Math.floor(i / 5) + 1}`,
    message: `Finding ${i + 1}: ${"the stated figure and its rows disagree by more than rounding explains ".repeat((i % 6) + 1).trim()}.`,
    table: `Workstream summary A3:D12 part ${i % 9}`,
  }));
}

/** A page's text with each run of white space as one space, so that a wrapped cell reads as one line. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe.each(["savings-proposals.xlsx", "register-500.xlsx"])("%s: the printed report", (name) => {
  test("is on landscape A4 pages, one page wide: every page carries the table's whole header and its page number", () => {
    const { pages, texts, sizes } = printed.get(name)!;
    expect(pages.length).toBeGreaterThan(0);
    expect(sizes).toHaveLength(pages.length);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
      expect(size.height).toBeCloseTo(A4_LANDSCAPE.height, 0);
    }
    texts.forEach((text, i) => {
      expect(text.split("\n")).toContain(HEADER_LINE);
      // LibreOffice numbers the pages of the whole workbook printed.
      expect(text).toContain(`Page ${pages[i]} of ${pages[pages.length - 1]}`);
    });
  });

  test("names the workbook, gives the verdict in words and the fingerprint whole, and every finding whole", () => {
    const { result, texts } = printed.get(name)!;
    const text = flat(texts.join("\n"));
    expect(text).toContain(`Savings check report: ${name}`);
    expect(text).toContain(`Verdict Not ready for committee: ${result.counts.error} errors`);
    expect(text).toMatch(/Fingerprint [0-9a-f]{64} /);
    for (const f of result.findings) {
      expect(text).toContain(flat(f.message));
      expect(text).toContain(f.table);
    }
  });
});

test("the demo's report is one page; 500 findings print on pages one wide (63 of them when measured)", () => {
  expect(printed.get("savings-proposals.xlsx")!.pages).toHaveLength(1);
  const large = printed.get("register-500.xlsx")!;
  // Rows are as tall as the plan sets them, whatever the font; a column spilling onto pages of its
  // own would double the count.
  expect(large.pages.length).toBeGreaterThan(40);
  expect(large.pages.length).toBeLessThan(100);
});
