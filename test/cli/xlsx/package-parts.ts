/**
 * A package's parts as the tests compare them: every part's uncompressed bytes by name, read with
 * fflate (not with the code under test).
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync, writeFileSync } from "fs";

/** Part name -> uncompressed content (folders left out). */
export function readParts(path: string): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(path))))
    if (!name.endsWith("/")) parts.set(name, Buffer.from(bytes));
  return parts;
}

/** Names of parts that differ between two packages (missing on one side counts), sorted. */
export function differingParts(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)) || !b.has(name)).sort();
}

/**
 * Writes a copy of the package at `source` to `target` with its XML parts (as text) changed by
 * `edit`, as another program saving the file would; other parts are copied.
 */
export function rewriteParts(source: string, target: string, edit: (parts: Map<string, string>) => void): void {
  const all = readParts(source);
  const text = new Map(
    [...all].filter(([name]) => /\.(xml|rels|vml)$/.test(name)).map(([name, bytes]) => [name, bytes.toString("utf8")]),
  );
  edit(text);
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of all) if (!/\.(xml|rels|vml)$/.test(name)) files[name] = bytes;
  for (const [name, content] of text) files[name] = strToU8(content);
  writeFileSync(target, zipSync(files));
}
