/** What every `savings-check` command is: its usage line and what it runs. */
export interface Output {
  /** One line (or several joined by \n) for standard output; a newline is added. */
  out(text: string): void;
  /** One line for standard error; a newline is added. */
  err(text: string): void;
}

export interface Command {
  /** `eval "<FUNCTION(args)>"`: shown after `savings-check ` in the usage text. */
  usage: string;
  /** One sentence for the usage text. */
  summary: string;
  /** Runs the command with the arguments after its name; resolves to the exit status. */
  run(args: string[], output: Output): Promise<number>;
}

/** Wrong arguments or an unreadable input: main prints the message on one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit statuses of SPEC §7. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
