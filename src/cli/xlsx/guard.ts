/**
 * Checks an input file before anything inflates it, so that a hostile or wrong file gets a one-line
 * reason (UsageError, exit 2) instead of a library stack trace or an exhausted memory: missing,
 * a directory, empty, text or CSV, an old binary .xls or a password-protected workbook (both OLE2
 * compound files), a truncated zip, a zip bomb, a zip that is not a workbook. The zip's central
 * directory is read here by hand, and sizes are judged before anything is inflated.
 */
import { readFileSync, statSync } from "fs";
import { inflateRawSync } from "zlib";
import { UsageError } from "../command";

/** Most a workbook may inflate to in all: far above any council return, far below exhausting memory. */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
/** Highest compression ratio of one large entry: sheet XML compresses about 10-30 times, zeros 1000. */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries smaller than this are never judged by their ratio (tiny XML compresses oddly). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Deflate cannot expand data more than about 1032 times: the worst case of a lying directory. */
const DEFLATE_MAX_RATIO = 1032;
/** Files larger than this are refused outright. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;

/** One entry of the zip's central directory, with where its (compressed) data starts. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** CRC-32 of the uncompressed data, as the directory states it. */
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  dataOffset: number;
}

/** A file that passed the checks: its bytes and its zip directory. */
export interface CheckedZip {
  bytes: Buffer;
  entries: ZipEntry[];
}

/** Reads the file and checks it is an .xlsx that is safe to open; returns its bytes and zip directory. */
export function readXlsxSafely(path: string): CheckedZip {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${path} is a directory, not an .xlsx workbook`);
    if (!stat.isFile()) throw new UsageError(`${path} is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `${path} does not exist` : `cannot open ${path} (${code ?? "unknown error"})`,
    );
  }
  if (size === 0) throw new UsageError(`${path} is empty (0 bytes), not an .xlsx workbook`);
  if (size > MAX_FILE_BYTES)
    throw new UsageError(
      `${path} is ${megabytes(size)} MB, larger than the ${megabytes(MAX_FILE_BYTES)} MB this tool opens`,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
  return { bytes, entries: checkXlsxBytes(bytes, path) };
}

/** Throws a UsageError naming what is wrong with the bytes of `path`, or returns their zip directory when they are a safe .xlsx. */
export function checkXlsxBytes(bytes: Buffer, path: string): ZipEntry[] {
  if (bytes.length >= OLE2_MAGIC.length && bytes.subarray(0, OLE2_MAGIC.length).equals(OLE2_MAGIC)) {
    // An encrypted .xlsx is an OLE2 container holding a stream named EncryptedPackage.
    if (bytes.includes(Buffer.from("EncryptedPackage", "utf16le"))) {
      throw new UsageError(
        `${path} is password-protected (encrypted): open it in Excel, remove the password and save a copy`,
      );
    }
    throw new UsageError(
      `${path} is an old binary .xls workbook or password-protected: save it as .xlsx (without a password) in Excel`,
    );
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL_HEADER) {
    const what = looksLikeText(bytes) ? "a text or CSV file" : "not a zip container";
    throw new UsageError(`${path} is ${what}, not an .xlsx workbook`);
  }
  const entries = centralDirectory(bytes, path);
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new UsageError(`${path} is a zip file but not an .xlsx workbook (no xl/workbook.xml)`);
  }
  checkSizes(bytes, entries, path);
  return entries;
}

function centralDirectory(bytes: Buffer, path: string): ZipEntry[] {
  const damaged = (why: string) => new UsageError(`${path} is truncated or damaged (${why}): save it again from Excel`);
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw damaged("no zip end record");
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > eocd) throw damaged("the zip directory points past the end of the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL_HEADER) throw damaged("bad zip directory entry");
    const method = bytes.readUInt16LE(p + 10);
    const crc = bytes.readUInt32LE(p + 16);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > cdOffset || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw damaged(`bad offset of ${name}`);
    const dataOffset = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw damaged(`${name} runs past its end`);
    entries.push({ name, method, crc, compressedSize, uncompressedSize, dataOffset });
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus at most a 64 KB comment; search backwards. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - EOCD_SIZE - MAX_ZIP_COMMENT);
  for (let p = bytes.length - EOCD_SIZE; p >= stop; p--) {
    if (bytes.readUInt32LE(p) === END_OF_CENTRAL_DIRECTORY) return p;
  }
  return -1;
}

function checkSizes(bytes: Buffer, entries: ZipEntry[], path: string): void {
  const bomb = (why: string, when = "before inflating it") =>
    new UsageError(`${path} looks like a zip bomb (${why}); refused ${when}`);
  let total = 0;
  let worstCase = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    worstCase += e.method === 0 ? e.compressedSize : e.compressedSize * DEFLATE_MAX_RATIO;
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    // Sheet XML compresses 10 to 30 times: a file that does no worse is just too large, not hostile.
    if (total <= bytes.length * MAX_COMPRESSION_RATIO)
      throw new UsageError(
        `${path} is too large to check: its parts hold ${megabytes(total)} MB, more than the ${megabytes(MAX_UNCOMPRESSED_BYTES)} MB this tool reads (about a million rows of seven columns); split the workbook`,
      );
    throw bomb(`it would inflate to more than ${megabytes(MAX_UNCOMPRESSED_BYTES)} MB`);
  }
  for (const e of entries) {
    if (e.uncompressedSize > RATIO_FLOOR_BYTES && e.uncompressedSize > e.compressedSize * MAX_COMPRESSION_RATIO) {
      throw bomb(
        `${e.name} claims a compression ratio of ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1`,
      );
    }
  }
  // The directory could understate the sizes. Only when the deflated data could in theory exceed
  // the limit, inflate each entry with its output capped at its stated size, keeping nothing.
  if (worstCase <= MAX_UNCOMPRESSED_BYTES) return;
  for (const e of entries) {
    if (e.method !== 8) continue;
    try {
      inflateRawSync(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize), {
        maxOutputLength: Math.max(1, e.uncompressedSize),
      });
    } catch (error) {
      if (error instanceof RangeError)
        throw bomb(`${e.name} inflates past the size its directory states`, "as soon as it did");
      throw new UsageError(`${path} is damaged (${e.name} cannot be inflated): save it again from Excel`);
    }
  }
}

function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 512);
  for (const b of head) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13)) return false;
  return true;
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
