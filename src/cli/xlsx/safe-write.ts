/**
 * Writing an output file without ever damaging one: the input is never the output (by path, by
 * symbolic link, or by inode: a hard link is the same file), an existing file is replaced only
 * with --force, and the bytes go to a temporary file in the output's folder that is flushed to
 * disk and then renamed over the output in one step. A write that fails, or a process stopped by
 * a signal, leaves no partial file behind.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { randomBytes } from "crypto";
import { UsageError } from "../command";

/** The option that allows replacing an existing output. */
export const FORCE_OPTION = "--force";

/**
 * Throws a UsageError when writing `output` could touch `input` (pass null when there is no
 * input), or when `output` exists and `force` is not set.
 */
export function checkOutputPath(input: string | null, output: string, force: boolean): void {
  if (input !== null && samePath(input, output))
    throw new UsageError(`${output} is the input file: the input is never written, choose another output path`);
  const existing = statOrNull(output);
  if (existing === null) return;
  if (existing.isDirectory()) throw new UsageError(`${output} is a directory: give a file name for the copy`);
  const original = input === null ? null : statOrNull(input);
  if (original !== null && original.dev === existing.dev && original.ino === existing.ino)
    throw new UsageError(
      `${output} is the input file (a hard link to it): the input is never written, choose another output path`,
    );
  if (!force)
    throw new UsageError(`${output} already exists: choose another output path, or add ${FORCE_OPTION} to replace it`);
}

/** Same file, also through symbolic links, and also when the output does not exist yet. */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Writes `output` from the chunks `produce` hands to its writer: into a temporary file beside it,
 * flushed, then renamed into place. On any failure (a full disk, a file size limit, an error in
 * `produce`) the temporary file is removed and the output is as it was; the error is rethrown, a
 * write error as a one-line UsageError.
 */
export function writeFileSafely(output: string, produce: (write: (bytes: Uint8Array) => void) => void): void {
  const temporary = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, "wx");
  } catch (error) {
    throw writeError(output, error);
  }
  temporaries.add(temporary);
  listenForSignals();
  let open = true;
  try {
    produce((bytes) => {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    });
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(temporary, output);
    syncFolder(dirname(output));
  } catch (error) {
    if (open) closeSync(fd);
    removeQuietly(temporary);
    throw isSystemError(error) ? writeError(output, error) : error;
  } finally {
    temporaries.delete(temporary);
    // A signal that came during the write is delivered on the event loop's next turn: listen until then.
    setImmediate(() => {
      if (temporaries.size === 0) stopListening();
    });
  }
}

/**
 * Signals that stop the process while a write is under way. The write is synchronous, so a signal
 * that comes during it is handled once it is over: the output is then whole (or its temporary
 * file is removed), and the signal takes effect.
 */
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
/** Temporary files being written now. */
const temporaries = new Set<string>();
let listening = false;

function listenForSignals(): void {
  if (listening) return;
  listening = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function stopListening(): void {
  listening = false;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function onSignal(signal: NodeJS.Signals): void {
  for (const temporary of temporaries) removeQuietly(temporary);
  temporaries.clear();
  stopListening();
  process.kill(process.pid, signal);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Makes the rename itself durable; some file systems refuse to sync a folder, which is harmless. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

const WRITE_ERRORS: Record<string, string> = {
  EFBIG: "the file is larger than this process may write",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOENT: "its folder does not exist",
  EROFS: "the file system is read-only",
};

function writeError(output: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
  const why = WRITE_ERRORS[code];
  return new UsageError(`cannot write ${output} (${why ? `${why}, ${code}` : code}); nothing was written`);
}
