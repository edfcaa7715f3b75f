/**
 * A package's parts as the tests compare them: every part's uncompressed bytes by name, read with
 * fflate (not with the code under test).
 */
import { unzipSync } from "fflate";
import { readFileSync } from "fs";

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
