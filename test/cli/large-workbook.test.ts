/**
 * A million-row register of seven columns (about 250 MB of sheet XML, made here a chunk at a
 * time): `validate` reads and checks it within 2 GB of memory; `validate --annotate`, with its
 * 200,000 cells with findings, is refused with one line naming the limit rather than running out
 * of memory; a larger file is refused before it is read, naming the size limit. Never a stack trace.
 */
import { spawnSync } from "child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { Zip, ZipInputFile } from "fflate";
import { constants, crc32, deflateRawSync } from "zlib";
import { XlsxPackage } from "../../src/cli/xlsx/zip-package";

const ROOT = resolve(__dirname, "../..");
const MAIN = join(ROOT, "lib/src/cli/main.js");
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TEXTS = [
  "Ref",
  "Workstream",
  "Full Year Saving £000",
  "Budget £000",
  "RAG",
  "EIA",
  "Note",
  "Red",
  "Amber",
  "Green",
  "Blue",
  "Yes",
  "No",
];

/**
 * A zip part deflated by Node's zlib a chunk at a time (each chunk flushed, so that the chunks make
 * one deflate stream): fflate's own deflate runs several times slower inside jest.
 */
class NativeDeflate implements ZipInputFile {
  size = 0;
  crc = 0;
  compression = 8;
  ondata?: ZipInputFile["ondata"];

  constructor(readonly filename: string) {}

  push(text: string, final = false): void {
    const bytes = Buffer.from(text, "utf8");
    this.size += bytes.length;
    this.crc = crc32(bytes, this.crc);
    const deflated = deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
    this.ondata!(null, new Uint8Array(deflated), false);
    if (final) this.ondata!(null, new Uint8Array(deflateRawSync(Buffer.alloc(0))), true);
  }
}

/** A register of `lines` lines (a fifth of them with no equality impact assessment), streamed into a zip. */
function writeRegister(path: string, lines: number): void {
  const fd = openSync(path, "w");
  const zip = new Zip((error, data) => {
    if (error) throw error;
    writeSync(fd, data);
  });
  const part = (name: string) => {
    const file = new NativeDeflate(name);
    zip.add(file);
    return file;
  };
  const text = (name: string, xml: string) => part(name).push(xml, true);
  text(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  text(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  text(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  text(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  text(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  );
  const workstreams = Array.from({ length: 12 }, (_, i) => `Workstream ${i + 1}`);
  text(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${[...TEXTS, ...workstreams].map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
  );
  const sheet = part("xl/worksheets/sheet1.xml");
  const header = ["A", "B", "C", "D", "E", "F", "G"]
    .map((c, i) => `<c r="${c}1" t="s"><v>${[0, 1, 2, 3, 4, 5, 6][i]}</v></c>`)
    .join("");
  sheet.push(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1">${header}</row>`);
  for (let start = 1; start <= lines; start += 10_000) {
    let xml = "";
    for (let k = start; k < Math.min(lines + 1, start + 10_000); k++) {
      const r = k + 1;
      xml +=
        `<row r="${r}"><c r="A${r}"><v>${k}</v></c><c r="B${r}" t="s"><v>${TEXTS.length + (k % 12)}</v></c>` +
        `<c r="C${r}"><v>${10 + ((k * 37) % 990)}</v></c><c r="D${r}"><v>${1000 + (k % 5000)}</v></c>` +
        `<c r="E${r}" t="s"><v>${7 + (k % 4)}</v></c><c r="F${r}" t="s"><v>${k % 5 === 0 ? 12 : 11}</v></c><c r="G${r}"><v>0</v></c></row>`;
    }
    sheet.push(xml);
  }
  sheet.push("</sheetData></worksheet>", true);
  zip.end();
  closeSync(fd);
}

/** The command in a child process that reports its peak memory (maxRSS) on its last stderr line. */
function measured(...args: string[]) {
  const script = `require(${JSON.stringify(MAIN)}).main(process.argv.slice(1)).then((code) => { process.stderr.write("maxRSS " + process.resourceUsage().maxRSS * 1024 + "\\n"); process.exitCode = code; })`;
  const run = spawnSync(process.execPath, ["-e", script, ...args], {
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  const lines = run.stderr.trim().split("\n");
  return {
    status: run.status,
    stdout: run.stdout,
    errors: lines.slice(0, -1),
    peak: Number(lines[lines.length - 1].split(" ")[1]),
  };
}

const GB = 1024 ** 3;

let dir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error("build the command first: npm run build:cli");
  dir = mkdtempSync(join(tmpdir(), "large-"));
  writeRegister(join(dir, "million.xlsx"), 1_000_000);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("validate reads and checks a million rows of seven columns within 2 GB", () => {
  const run = measured("validate", join(dir, "million.xlsx"), "--json");
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout).counts.warning).toBe(200_000);
  expect(run.peak).toBeLessThan(2 * GB);
}, 600_000);

test("validate --annotate of its 200,000 marked cells is refused with one line naming the limit", () => {
  const out = join(dir, "million.annotated.xlsx");
  const run = measured("validate", join(dir, "million.xlsx"), "--annotate", out);
  expect(run.status).toBe(2);
  expect(run.errors).toEqual([
    "savings-check validate: an annotated copy marks at most 50,000 cells, and this check found 200,000 cells with findings: see them with --json, or annotate part of the workbook",
  ]);
  expect(run.peak).toBeLessThan(2 * GB);
  expect(existsSync(out)).toBe(false);
}, 600_000);

test("a file whose parts hold more than the size limit is refused before it is read, naming the limit", () => {
  // The million-row sheet's compressed bytes twice (a second, unused copy of the sheet): about 500 MB of XML.
  const million = XlsxPackage.open(join(dir, "million.xlsx"));
  const path = join(dir, "larger.xlsx");
  const fd = openSync(path, "w");
  const zip = new Zip((error, data) => {
    if (error) throw error;
    writeSync(fd, data);
  });
  for (const part of million.parts) {
    for (const name of part.name.endsWith("sheet1.xml") ? [part.name, "xl/worksheets/copy.xml"] : [part.name]) {
      const file: ZipInputFile = {
        filename: name,
        size: part.entry.uncompressedSize,
        crc: part.entry.crc,
        compression: part.entry.method,
      };
      zip.add(file);
      file.ondata!(null, part.raw as Uint8Array<ArrayBuffer>, true);
    }
  }
  zip.end();
  closeSync(fd);
  const run = measured("validate", path);
  expect(run.status).toBe(2);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatch(/is too large to check: its parts hold \d+ MB, more than the 256 MB this tool reads/);
  expect(run.peak).toBeLessThan(GB / 2);
}, 600_000);
