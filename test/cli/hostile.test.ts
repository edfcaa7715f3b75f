/**
 * Hostile and wrong files given to `savings-check validate` (the built command, as a child
 * process): each is answered with exit status 2 and one line on stderr naming what is wrong, no
 * stack trace, nothing on stdout, the input's bytes unchanged and no annotated copy written.
 * The files are made here, in a temporary directory; the zip bombs are built by hand around
 * deflated zeros, so they stay small on disk.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { crc32, createDeflateRaw, deflateRawSync } from "zlib";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/savings-check.js");
const FIXTURE = join(ROOT, "test/fixtures/hampshire-tt2019-table1.xlsx");
const MB = 1024 * 1024;

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Deflate the data (default) or store it. */
  store?: boolean;
  /** What the central directory claims the uncompressed size is (default: the truth). */
  claimedSize?: number;
  /** Already-deflated bytes, for data too big to hold uncompressed. */
  deflated?: { bytes: Buffer; size: number; crc: number };
}

/** A zip file, local headers then central directory then end record. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflated?.bytes ?? (e.store ? e.data : deflateRawSync(e.data));
    const size = e.claimedSize ?? e.deflated?.size ?? e.data.length;
    const crc = e.deflated?.crc ?? crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 30); // version, method, crc, sizes, name length: as in the local header
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `megabytes` MB of zeros, deflated a megabyte at a time (never held uncompressed). */
async function deflatedZeros(megabytes: number, claimedSize = megabytes * MB): Promise<ZipEntry> {
  const chunk = Buffer.alloc(MB);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (part: Buffer) => parts.push(part));
  const finished = new Promise((done) => deflate.on("end", done));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((drained) => deflate.once("drain", drained));
  }
  deflate.end();
  await finished;
  return {
    name: "xl/worksheets/sheet1.xml",
    data: Buffer.alloc(0),
    deflated: { bytes: Buffer.concat(parts), size: claimedSize, crc },
  };
}

const WORKBOOK_XML = Buffer.from(
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function ole2(extra: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([OLE2_MAGIC, Buffer.alloc(504), extra, Buffer.alloc(512)]);
}

let dir: string;
const files: Record<string, string> = {};

function make(name: string, bytes: Buffer | null): string {
  const path = join(dir, name);
  if (bytes !== null) writeFileSync(path, bytes);
  return path;
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, "lib/src/cli/main.js"))) throw new Error("build the command first: npm run build:cli");
  dir = mkdtempSync(join(tmpdir(), "savings-hostile-"));
  const fixture = readFileSync(FIXTURE);
  files.empty = make("empty.xlsx", Buffer.alloc(0));
  files.text = make("notes.xlsx", Buffer.from("These are my notes about the savings proposals.\nNothing more.\n"));
  files.csv = make(
    "savings.xlsx",
    Buffer.from("Workstream,Total Budget,Savings\nSocial care,52.5,4.0\nTOTAL,52.5,4.0\n"),
  );
  files.truncated = make("truncated.xlsx", fixture.subarray(0, Math.floor(fixture.length / 2)));
  files.xls = make("old.xls", ole2(Buffer.from("Workbook", "utf16le")));
  files.encrypted = make(
    "protected.xlsx",
    ole2(Buffer.concat([Buffer.from("EncryptionInfo", "utf16le"), Buffer.from("EncryptedPackage", "utf16le")])),
  );
  files.notWorkbook = make("archive.xlsx", zip([{ name: "readme.txt", data: Buffer.from("not a workbook") }]));
  files.bombRatio = make(
    "bomb-ratio.xlsx",
    zip([{ name: "xl/workbook.xml", data: WORKBOOK_XML }, await deflatedZeros(200)]),
  );
  files.bombClaimed = make(
    "bomb-claimed.xlsx",
    zip([
      { name: "xl/workbook.xml", data: WORKBOOK_XML },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(1000), store: true, claimedSize: 0xfffffff0 },
    ]),
  );
  // The directory understates: 300 MB of zeros that say they are 1 MB.
  files.bombLying = make(
    "bomb-lying.xlsx",
    zip([{ name: "xl/workbook.xml", data: WORKBOOK_XML }, await deflatedZeros(300, MB)]),
  );
  files.missing = join(dir, "no-such-file.xlsx");
  files.directory = join(dir, "a-folder.xlsx");
  mkdirSync(files.directory);
}, 60000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: [string, RegExp][] = [
  ["empty", /is empty/],
  ["text", /text or CSV file, not an \.xlsx workbook/],
  ["csv", /text or CSV file, not an \.xlsx workbook/],
  ["truncated", /truncated or damaged/],
  ["xls", /old binary \.xls workbook or password-protected/],
  ["encrypted", /password-protected/],
  ["notWorkbook", /zip file but not an \.xlsx workbook/],
  ["bombRatio", /zip bomb .*compression ratio/],
  ["bombClaimed", /zip bomb .*more than 256 MB/],
  ["bombLying", /zip bomb .*inflates past the size its directory states/],
  ["missing", /does not exist/],
  ["directory", /is a directory/],
];

describe("savings-check validate on hostile files", () => {
  test.each(CASES)("%s: exit 2, one line on stderr, input unchanged, no copy written", (kind, reason) => {
    const input = files[kind];
    const before = existsSync(input) && !kind.startsWith("directory") ? readFileSync(input) : null;
    const out = join(dir, `${kind}.annotated.xlsx`);
    const run = spawnSync(process.execPath, [BIN, "validate", input, "--annotate", out], {
      encoding: "utf8",
      timeout: 60000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^savings-check validate: /);
    expect(lines[0]).toMatch(reason);
    expect(lines[0]).not.toMatch(/internal error|\bat \S+:\d+/);
    if (before) expect(readFileSync(input).equals(before)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  test("the bombs stay small on disk", () => {
    for (const kind of ["bombRatio", "bombClaimed", "bombLying"])
      expect(readFileSync(files[kind]).length).toBeLessThan(MB);
  });
});
