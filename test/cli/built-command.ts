/** The built command (`npm run build:cli` first) as the tests run it: in a child process, as a user would. */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join, resolve } from "path";

export const ROOT = resolve(__dirname, "../..");
export const BIN = join(ROOT, "bin/savings-check.js");

/** Throws, for a beforeAll, when the command has not been built. */
export function requireBuiltCommand(): void {
  if (!existsSync(join(ROOT, "lib/src/cli/main.js"))) throw new Error("build the command first: npm run build:cli");
}

/** Runs `savings-check ...args`; its exit status and output. */
export function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
