/**
 * Output hygiene and bounded cost, as a user meets them: workbook text with control characters is
 * shown escaped (a label cannot forge a "Ready for committee" line or clear the screen); a reader
 * that stops early (`| head -1`) ends the output quietly; notes and report cells are cut to Excel's
 * 32,767 characters with a visible "…"; and text built to make patterns backtrack costs about what
 * ordinary text of the same length does.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateWorkbook } from "../../src/core/validate";
import { readWorkbookGrid } from "../../src/cli/xlsx/workbook-file";
import { PackageBuilder, worksheetXml } from "../support/xlsx-package";
import { readParts } from "./xlsx/package-parts";
import { BIN, cli, requireBuiltCommand } from "./built-command";

let dir: string;
beforeAll(() => {
  requireBuiltCommand();
  dir = mkdtempSync(join(tmpdir(), "hygiene-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Text as SpreadsheetML writes it: control characters as _xHHHH_. */
const xstring = (text: string) =>
  escapeXml(text).replace(
    /[\u0000-\u0008\u000b-\u001f]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`,
  );
const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xstring(text)}</t></is></c>`;
const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;

/** A workbook with a workstream summary whose lines are `lines` (label, budget, saving). */
function summaryWorkbook(path: string, lines: [string, number, number][]): void {
  const rows = [
    `<row r="1">${inline("A1", "Workstream")}${inline("B1", "Total Budget £000")}${inline("C1", "Saving £000")}</row>`,
  ];
  lines.forEach(([label, budget, saving], i) => {
    const r = i + 2;
    rows.push(`<row r="${r}">${inline(`A${r}`, label)}${number(`B${r}`, budget)}${number(`C${r}`, saving)}</row>`);
  });
  const builder = new PackageBuilder();
  builder.addSheet({ name: "Summary", xml: worksheetXml({ rows: rows.join("") }) });
  builder.write(path);
}

test("labels with line breaks, ESC sequences and bidi overrides are shown escaped in the human report", () => {
  const path = join(dir, "control.xlsx");
  const forged = "Social care\nbook.xlsx: Ready for committee (0 errors)\u001b[2J\u202e";
  summaryWorkbook(path, [
    [forged, 100, 20],
    [forged, 200, 30],
    ["Transport", 50, 5],
  ]);
  const run = cli("validate", path);
  expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  expect(run.stdout.split("\n").filter((line) => line.startsWith("book.xlsx"))).toEqual([]);
  expect(run.stdout).toContain("Social care\\nbook.xlsx: Ready for committee (0 errors)\\x1b[2J\\u202e");
  // The JSON keeps the text as it is, escaped by JSON itself.
  const json = JSON.parse(cli("validate", path, "--json").stdout);
  expect(json.findings.some((f: { message: string }) => f.message.includes(forged))).toBe(true);
});

test("a reader that stops early (| head -1) ends the output quietly", () => {
  const path = join(dir, "long-output.xlsx");
  summaryWorkbook(
    path,
    Array.from({ length: 3000 }, (_, i): [string, number, number] => [`Line ${i % 1500}`, 100, 90]),
  );
  const run = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" validate "${path}" | head -1`], {
    encoding: "utf8",
    timeout: 120000,
  });
  expect(run.stdout.split("\n").filter(Boolean)).toHaveLength(1);
  expect(run.stderr).toBe("");
});

test("notes and report cells are cut to Excel's 32,767 characters, with a visible ellipsis", () => {
  const path = join(dir, "long-label.xlsx");
  const label = "Early help ".repeat(4000); // 44,000 characters, used by two lines: label-duplicate quotes it
  summaryWorkbook(path, [
    [label, 100, 20],
    [label, 200, 30],
  ]);
  const out = join(dir, "long-label.annotated.xlsx");
  expect(cli("validate", path, "--annotate", out).status).not.toBe(2);
  // Our parts: the notes, and the report sheet (the user's own sheet keeps the label whole).
  const texts = [...readParts(out)]
    .map(([name, xml]) => [name, xml.toString()])
    .filter(([name, xml]) => /comments\d*\.xml$/.test(name) || xml.includes("Savings check report"))
    .map(([, xml]) => xml);
  const cells = texts.flatMap((xml) =>
    [...xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) =>
      m[1]
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"'),
    ),
  );
  expect(Math.max(...cells.map((t) => t.length))).toBe(32_767);
  expect(cells.filter((t) => t.length === 32_767).every((t) => t.endsWith("…"))).toBe(true);
});

test("register cells holding long runs of * cost about what ordinary text of that length does", () => {
  const run = 20_000;
  const make = (path: string, text: (i: number) => string) => {
    summaryWorkbook(
      path,
      Array.from({ length: 20 }, (_, i): [string, number, number] => [text(i), 1000 + i, 100]),
    );
    return path;
  };
  const pathological = make(join(dir, "stars.xlsx"), (i) =>
    i % 2 ? "*".repeat(run) + "x" : `Line ${i}` + "*".repeat(run),
  );
  const ordinary = make(join(dir, "ordinary.xlsx"), (i) => `Line ${i} ` + "ab ".repeat(run / 3));
  /** Fastest of five validations of the file, in milliseconds. */
  const time = (path: string) => {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const start = process.hrtime.bigint();
      validateWorkbook(readWorkbookGrid(path));
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    return best;
  };
  time(ordinary); // warm-up
  expect(time(pathological) / time(ordinary)).toBeLessThan(5);
});
