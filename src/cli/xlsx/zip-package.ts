/**
 * The parts of an .xlsx package (a zip, checked by guard.ts first), read on demand: a part is
 * inflated only when asked for, and a large one (a sheet) can be streamed in chunks so that its
 * whole text is never held. Part names are matched as OPC matches them: without case, and with
 * percent-escapes decoded. The raw (compressed) data of every part stays available, so that a
 * writer can copy an untouched part byte for byte.
 */
import { Inflate } from "fflate";
import { UsageError } from "../command";
import { checkXlsxBytes, readXlsxSafely, ZipEntry } from "./guard";

/** Compressed bytes pushed into the inflater at a time: with the guard's 200:1 ratio, at most a few MB out. */
const INFLATE_INPUT_BYTES = 16 * 1024;

export interface PackagePart {
  /** The part name as the zip spells it, without a leading slash (`xl/worksheets/sheet1.xml`). */
  name: string;
  entry: ZipEntry;
  /** The part's data as stored in the zip (deflated when entry.method is 8). */
  raw: Uint8Array;
}

export class XlsxPackage {
  private readonly byKey = new Map<string, PackagePart>();

  private constructor(
    readonly path: string,
    /** Every part, in the zip's order (folders left out). */
    readonly parts: PackagePart[],
  ) {
    for (const part of parts) this.byKey.set(partKey(part.name), part);
  }

  /** Opens `path` after the guard's checks. Unreadable or hostile files throw UsageError. */
  static open(path: string): XlsxPackage {
    const { bytes, entries } = readXlsxSafely(path);
    return XlsxPackage.of(bytes, entries, path);
  }

  /** A package from bytes already in memory (a file picked in the pane), after the same checks; `name` names it in messages. */
  static fromBytes(bytes: Uint8Array, name: string): XlsxPackage {
    return XlsxPackage.of(bytes, checkXlsxBytes(bytes, name), name);
  }

  private static of(bytes: Uint8Array, entries: ZipEntry[], path: string): XlsxPackage {
    const parts = entries
      .filter((entry) => !entry.name.endsWith("/"))
      .map((entry) => ({
        name: entry.name,
        entry,
        raw: bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
      }));
    return new XlsxPackage(path, parts);
  }

  /** The part named `name` (`/xl/styles.xml` or `xl/styles.xml`, any case), or undefined. */
  part(name: string): PackagePart | undefined {
    return this.byKey.get(partKey(name));
  }

  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  /** The part's whole text (XML parts are UTF-8 or, rarely, UTF-16 with a byte order mark). */
  text(name: string): string {
    let text = "";
    this.stream(name, (chunk) => (text += chunk));
    return text;
  }

  /** The part's text in chunks, inflated and decoded a piece at a time. */
  stream(name: string, onText: (chunk: string) => void): void {
    const part = this.required(name);
    let decoder: TextDecoder | null = null;
    this.inflate(part, (chunk) => {
      decoder ??= new TextDecoder(textEncoding(chunk));
      const text = decoder.decode(chunk, { stream: true });
      if (text) onText(text);
    });
    const rest = decoder === null ? "" : (decoder as TextDecoder).decode();
    if (rest) onText(rest);
  }

  private required(name: string): PackagePart {
    const part = this.part(name);
    if (!part) throw new UsageError(`${this.path} is damaged: it has no part ${name.replace(/^\//, "")}`);
    return part;
  }

  private inflate(part: PackagePart, onBytes: (chunk: Uint8Array) => void): void {
    const { raw, entry } = part;
    if (entry.method === 0) {
      if (raw.length > 0) onBytes(raw);
      return;
    }
    if (entry.method !== 8)
      throw new UsageError(
        `${this.path} uses a zip compression this tool cannot read (method ${entry.method} in ${part.name})`,
      );
    const inflater = new Inflate((chunk) => {
      if (chunk.length > 0) onBytes(chunk);
    });
    try {
      for (let at = 0; at < raw.length; at += INFLATE_INPUT_BYTES) {
        const end = Math.min(raw.length, at + INFLATE_INPUT_BYTES);
        inflater.push(raw.subarray(at, end), end === raw.length);
      }
      if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${this.path} is damaged (${part.name} cannot be inflated): save it again from Excel`);
    }
  }
}

/** How OPC compares part names: case-insensitive, percent-escapes decoded, no leading slash. */
export function partKey(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A lone % is taken literally.
  }
  return decoded.replace(/^\/+/, "").toLowerCase();
}

function textEncoding(firstBytes: Uint8Array): string {
  if (firstBytes[0] === 0xff && firstBytes[1] === 0xfe) return "utf-16le";
  if (firstBytes[0] === 0xfe && firstBytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}
