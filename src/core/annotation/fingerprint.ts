/**
 * The fingerprint on the report sheet: SHA-256 of the checked values and formulas, so a clerk can
 * tell whether figures changed after the check. Pure TypeScript (the task pane has no Node crypto
 * and WebCrypto is asynchronous); both hosts hash the same canonical text, so they agree.
 */
import { isCellError } from "../excel-errors";
import { CellValue, toA1, WorkbookGrid } from "../grid";
import { isAddinSheet } from "./names";

/**
 * Canonical text, one line per non-empty cell in sheet order then row-major order:
 * `sheet \t A1 \t type \t value \t formula`, where type is n(umber), s(tring), b(oolean) or
 * e(rror). Empty cells (null, undefined, "") without a formula are left out, so padding a grid
 * or trimming its used range does not change the fingerprint.
 */
export function fingerprintWorkbook(workbook: WorkbookGrid): string {
  const hash = new Sha256();
  const encoder = new TextEncoder();
  for (const sheet of workbook.sheets) {
    if (isAddinSheet(sheet.name)) continue;
    const rows = Math.max(sheet.values.length, sheet.formulas.length);
    for (let r = 0; r < rows; r++) {
      const values = sheet.values[r] ?? [];
      const formulas = sheet.formulas[r] ?? [];
      const cols = Math.max(values.length, formulas.length);
      let text = "";
      for (let c = 0; c < cols; c++) {
        const formula = formulas[c];
        const hasFormula = typeof formula === "string" && formula.startsWith("=");
        const value = canonicalValue(values[c]);
        if (value === null && !hasFormula) continue;
        text += `${sheet.name}\t${toA1(r, c)}\t${value ?? ""}\t${hasFormula ? formula : ""}\n`;
      }
      if (text) hash.update(encoder.encode(text));
    }
  }
  return hash.hex();
}

function canonicalValue(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return `n\t${String(value)}`;
  if (typeof value === "string") return `s\t${escapeText(value)}`;
  if (typeof value === "boolean") return `b\t${value ? "TRUE" : "FALSE"}`;
  if (isCellError(value)) return `e\t${value.error}`;
  return null;
}

/** Tabs and line breaks inside text would blur the line structure. */
function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (ch) =>
    ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r",
  );
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** Streaming SHA-256 (FIPS 180-4) over bytes. */
export class Sha256 {
  private readonly state = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private readonly block = new Uint8Array(64);
  private readonly w = new Uint32Array(64);
  private blockLength = 0;
  private totalBytes = 0;

  update(bytes: Uint8Array): this {
    this.totalBytes += bytes.length;
    let i = 0;
    if (this.blockLength > 0) {
      const take = Math.min(64 - this.blockLength, bytes.length);
      this.block.set(bytes.subarray(0, take), this.blockLength);
      this.blockLength += take;
      i = take;
      if (this.blockLength < 64) return this;
      this.compress(this.block, 0);
      this.blockLength = 0;
    }
    for (; i + 64 <= bytes.length; i += 64) this.compress(bytes, i);
    this.block.set(bytes.subarray(i), 0);
    this.blockLength = bytes.length - i;
    return this;
  }

  hex(): string {
    const bits = this.totalBytes * 8;
    const padding = new Uint8Array((this.blockLength < 56 ? 56 : 120) - this.blockLength + 8);
    padding[0] = 0x80;
    const view = new DataView(padding.buffer);
    view.setUint32(padding.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(padding.length - 4, bits >>> 0);
    const total = this.totalBytes;
    this.update(padding);
    this.totalBytes = total;
    let out = "";
    for (const word of this.state) out += word.toString(16).padStart(8, "0");
    return out;
  }

  private compress(bytes: Uint8Array, offset: number): void {
    const w = this.w;
    for (let t = 0; t < 16; t++) {
      const j = offset + t * 4;
      w[t] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15];
      const y = w[t - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    const s = this.state;
    let a = s[0],
      b = s[1],
      c = s[2],
      d = s[3],
      e = s[4],
      f = s[5],
      g = s[6],
      h = s[7];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + K[t] + w[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
    s[4] += e;
    s[5] += f;
    s[6] += g;
    s[7] += h;
  }
}
