/**
 * `savings-check`: the command-line host. Each command lives in its own file and is listed in
 * COMMANDS; to add one, import it and add an entry.
 */
import { Command, EXIT_USAGE, Output, UsageError } from "./command";
import { evalCommand } from "./eval";
import { clearCommand } from "./clear";
import { validateCommand } from "./validate";
import { templateCommand } from "./template";
import { demoCommand } from "./demo";
import { settingsCommand } from "./settings";
import { compareCommand } from "./compare";
import { escapeControlCharacters } from "./terminal-text";

const COMMANDS: Record<string, Command> = {
  eval: evalCommand,
  clear: clearCommand,
  validate: validateCommand,
  template: templateCommand,
  compare: compareCommand,
  demo: demoCommand,
  settings: settingsCommand,
};

/** Standard output was closed by its reader (`savings-check validate … | head -1`): the rest is dropped quietly. */
let stdoutClosed = false;
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  stdoutClosed = true;
});

const processOutput: Output = {
  out: (text) => {
    if (!stdoutClosed) process.stdout.write(text + "\n");
  },
  err: (text) => process.stderr.write(text + "\n"),
};

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = Object.values(COMMANDS).map((c) => `  savings-check ${c.usage.padEnd(width)} ${c.summary}`);
  return ["usage:", ...lines].join("\n");
}

/** Runs one command; resolves to the process exit status. Never lets a stack trace reach the user. */
export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? output.err : output.out)(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    output.err(`savings-check: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(", ")})`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, output);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A usage error may quote workbook text (a sheet name): shown escaped, on one line.
    const line = error instanceof UsageError ? escapeControlCharacters(message) : message.split("\n")[0];
    output.err(`savings-check ${name}: ${error instanceof UsageError ? "" : "internal error: "}${line}`);
    return EXIT_USAGE;
  }
}
