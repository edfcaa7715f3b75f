/**
 * Node's `path.posix`, the part the file reader uses for zip part names (src/cli/xlsx/
 * relationships.ts), for the pane's bundle: webpack aliases `path` to this file, so that the pane
 * reads a picked workbook with the command line's own reader (Compare with a file…).
 */

/** `a/./b/../c` -> `a/c`; a leading and a trailing `/` are kept, `..` above the root is dropped. */
function normalize(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
    } else out.push(segment);
  }
  const joined = out.join("/") + (out.length > 0 && path.endsWith("/") ? "/" : "");
  return absolute ? `/${joined}` : joined || ".";
}

function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== "").join("/"));
}

function dirname(path: string): string {
  if (/^\/+$/.test(path)) return "/";
  const at = path.replace(/\/+$/, "").lastIndexOf("/");
  if (at < 0) return ".";
  return at === 0 ? "/" : path.slice(0, at);
}

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** The path from folder `from` to `to`, both relative to the same root. */
function relative(from: string, to: string): string {
  const a = normalize(from)
    .split("/")
    .filter((s) => s !== "" && s !== ".");
  const b = normalize(to)
    .split("/")
    .filter((s) => s !== "" && s !== ".");
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

export const posix = { normalize, join, dirname, basename, relative };
