/**
 * Checks an input file before anything inflates it, so that a hostile or wrong file gets a one-line
 * reason (UsageError, exit 2) instead of a library stack trace or an exhausted memory: missing,
 * a directory, empty, text or CSV, an old binary .xls or a password-protected workbook (both OLE2
 * compound files), a truncated zip, a zip bomb, a zip that is not a workbook. The zip's central
 * directory is read here by hand, and sizes are judged before anything is inflated. The checks of
 * the bytes use no Node module (plain Uint8Array; fflate, or Node's faster zlib for files on disk),
 * so that the pane reads a file it is given (Compare with a file…) with the same checks.
 */
import { Inflate } from "fflate";
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

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** `EncryptedPackage` as UTF-16LE: the stream an encrypted .xlsx's OLE2 container holds. */
const ENCRYPTED_PACKAGE = [..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]);
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_SIZE = 22;
/** Compressed bytes inflated at a time when checking an entry's real size. */
const INFLATE_CHECK_BYTES = 16 * 1024;
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
  bytes: Uint8Array;
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
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
  return { bytes, entries: checkXlsxBytes(bytes, path, zlibInflatesPast) };
}

/** Throws a UsageError naming what is wrong with the bytes of `path`, or returns their zip directory when they are a safe .xlsx. */
export function checkXlsxBytes(bytes: Uint8Array, path: string, inflates: SizeCheck = fflateInflatesPast): ZipEntry[] {
  if (startsWith(bytes, OLE2_MAGIC, 0)) {
    // An encrypted .xlsx is an OLE2 container holding a stream named EncryptedPackage.
    if (contains(bytes, ENCRYPTED_PACKAGE)) {
      throw new UsageError(
        `${path} is password-protected (encrypted): open it in Excel, remove the password and save a copy`,
      );
    }
    throw new UsageError(
      `${path} is an old binary .xls workbook or password-protected: save it as .xlsx (without a password) in Excel`,
    );
  }
  if (bytes.length < 4 || u32(bytes, 0) !== LOCAL_HEADER) {
    const what = looksLikeText(bytes) ? "a text or CSV file" : "not a zip container";
    throw new UsageError(`${path} is ${what}, not an .xlsx workbook`);
  }
  const entries = centralDirectory(bytes, path);
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new UsageError(`${path} is a zip file but not an .xlsx workbook (no xl/workbook.xml)`);
  }
  checkSizes(bytes, entries, path, inflates);
  return entries;
}

/** Little-endian integers as the zip format stores them. */
function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at: number): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  for (let at = bytes.indexOf(needle[0]); at >= 0; at = bytes.indexOf(needle[0], at + 1))
    if (startsWith(bytes, needle, at)) return true;
  return false;
}

const UTF8 = new TextDecoder("utf-8");

function centralDirectory(bytes: Uint8Array, path: string): ZipEntry[] {
  const damaged = (why: string) => new UsageError(`${path} is truncated or damaged (${why}): save it again from Excel`);
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw damaged("no zip end record");
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (cdOffset + cdSize > eocd) throw damaged("the zip directory points past the end of the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(bytes, p) !== CENTRAL_HEADER) throw damaged("bad zip directory entry");
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const uncompressedSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const name = UTF8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > cdOffset || u32(bytes, localOffset) !== LOCAL_HEADER) throw damaged(`bad offset of ${name}`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw damaged(`${name} runs past its end`);
    entries.push({ name, method, crc, compressedSize, uncompressedSize, dataOffset });
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus at most a 64 KB comment; search backwards. */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - EOCD_SIZE - MAX_ZIP_COMMENT);
  for (let p = bytes.length - EOCD_SIZE; p >= stop; p--) {
    if (u32(bytes, p) === END_OF_CENTRAL_DIRECTORY) return p;
  }
  return -1;
}

function checkSizes(bytes: Uint8Array, entries: ZipEntry[], path: string, inflates: SizeCheck): void {
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
    const problem = inflates(
      bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
      Math.max(1, e.uncompressedSize),
    );
    if (problem === "past") throw bomb(`${e.name} inflates past the size its directory states`, "as soon as it did");
    if (problem === "damaged")
      throw new UsageError(`${path} is damaged (${e.name} cannot be inflated): save it again from Excel`);
  }
}

/** Whether deflated data inflates past `limit` bytes (stopping as soon as it does, keeping nothing), or is damaged. */
type SizeCheck = (data: Uint8Array, limit: number) => "past" | "damaged" | null;

/** Node's native inflater: several times faster than fflate on a large sheet. */
const zlibInflatesPast: SizeCheck = (data, limit) => {
  try {
    inflateRawSync(data, { maxOutputLength: limit });
    return null;
  } catch (error) {
    return error instanceof RangeError ? "past" : "damaged";
  }
};

/** fflate's, where Node's zlib is not (the pane). */
const fflateInflatesPast: SizeCheck = (data, limit) => {
  let size = 0;
  const past = new RangeError("past its stated size");
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw past;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_CHECK_BYTES) {
      const end = Math.min(data.length, at + INFLATE_CHECK_BYTES);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    return error === past ? "past" : "damaged";
  }
  return null;
};

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  for (const b of head) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13)) return false;
  return true;
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
