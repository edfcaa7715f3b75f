/**
 * `savings-check eval "<FUNCTION(args)>"`: runs one custom function through the add-in's own code
 * (src/functions/functions.ts) with a stand-in for Excel's CustomFunctions global.
 *
 * Prints the result alone (numbers in plain decimal form, at most 15 significant digits as Excel
 * shows them; text as it is; a range one row per line, cells tab-separated) and exits 0. An Excel
 * error prints `#DIV/0! budget must not be zero` on standard output and exits 1 (inside a range,
 * the cell shows its code and each message goes to standard error); an unknown function is Excel's
 * #NAME?. A formula that cannot be read or a wrong number of arguments exits 2 with one line on
 * standard error.
 */
import { decimalFromNumber, formatPlain } from "../core/decimal";
import { CellError, parseErrorCode } from "../core/excel-errors";
import { FUNCTION_ARGS, FUNCTION_IDS, FunctionId, passedAsRange } from "../core/function-args";
import { Command, EXIT_FAILED, EXIT_OK, Output, UsageError } from "./command";
import { FUNCTIONS } from "../functions/functions";
import { CustomFunctionError, installCustomFunctionsShim, isCustomFunctionError } from "./custom-functions-shim";

// functions.ts touches CustomFunctions only when a function runs, so installing it here is in time.
installCustomFunctionsShim();

/** A formula argument: a value, an array literal, or null when left out. */
export type Literal = number | string | boolean | CellError | null;
export type Argument = Literal | Literal[][];

export interface Call {
  name: string;
  args: Argument[];
}

/** Reads `NAME(arg, …)`: numbers, "text" ("" for a quote), TRUE/FALSE, #N/A-style errors, {1,2;3,4}, empty arguments. */
export function parseCall(source: string): Call {
  let pos = 0;
  const text = source.trim().replace(/^=/, "");
  const fail = (what: string): never => {
    throw new UsageError(`cannot read the formula at character ${pos + 1}: ${what}`);
  };
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const literal = (): Literal => {
    skip();
    const rest = text.slice(pos);
    const number = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(rest);
    if (number) {
      pos += number[0].length;
      return Number(number[0]);
    }
    if (rest.startsWith('"')) {
      let value = "";
      pos++;
      for (;;) {
        if (pos >= text.length) fail("a text argument has no closing quote");
        if (text[pos] === '"') {
          if (text[pos + 1] !== '"') break;
          pos++;
        }
        value += text[pos++];
      }
      pos++;
      return value;
    }
    const logical = /^(TRUE|FALSE)\b/i.exec(rest);
    if (logical) {
      pos += logical[0].length;
      return logical[0].toUpperCase() === "TRUE";
    }
    const error = /^#[A-Z0-9/]+[!?]?/i.exec(rest);
    const code = error && parseErrorCode(error[0]);
    if (error && code) {
      pos += error[0].length;
      return { error: code };
    }
    return fail(`expected a number, "text", TRUE, FALSE or {array}, found '${rest.slice(0, 10) || "the end"}'`);
  };
  const argument = (): Argument => {
    skip();
    if (text[pos] === "," || text[pos] === ")") return null;
    if (text[pos] !== "{") return literal();
    pos++;
    const rows: Literal[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(literal());
      skip();
      const separator = text[pos++];
      if (separator === "}") break;
      if (separator === ";") rows.push([]);
      else if (separator !== ",") fail("an array literal needs , between columns, ; between rows and a closing }");
    }
    if (rows.some((row) => row.length !== rows[0].length))
      fail("every row of an array literal needs the same number of values");
    return rows;
  };
  skip();
  const name = /^[A-Za-z][A-Za-z0-9._]*/.exec(text.slice(pos));
  if (!name) fail("expected a function name such as SAVINGS.PCT");
  pos += (name as RegExpExecArray)[0].length;
  skip();
  if (text[pos] !== "(") fail("expected ( after the function name");
  pos++;
  const args: Argument[] = [];
  skip();
  if (text[pos] === ")") pos++;
  else {
    for (;;) {
      args.push(argument());
      skip();
      const separator = text[pos++];
      if (separator === ")") break;
      if (separator !== ",") fail("expected , or ) after an argument");
    }
  }
  skip();
  if (pos < text.length) fail("unexpected text after the closing )");
  return { name: (name as RegExpExecArray)[0].toUpperCase(), args };
}

function show(value: unknown): string {
  if (typeof value === "number") return formatPlain(decimalFromNumber(value));
  if (isCustomFunctionError(value)) return value.code;
  return String(value);
}

/**
 * Runs a parsed call as Excel would: a single value for a range argument arrives as a 1×1 range.
 * `functions` is the add-in's own table; the bundle test passes the functions of dist/functions.js.
 */
export function runCall(call: Call, functions: typeof FUNCTIONS = FUNCTIONS): number | string | number[][] {
  const id = FUNCTION_IDS.find((known) => known === call.name) as FunctionId | undefined;
  // Excel shows #NAME? for a function it does not know.
  if (!id)
    throw new CustomFunctionError("#NAME?", `unknown function ${call.name} (functions: ${FUNCTION_IDS.join(", ")})`);
  const specs = FUNCTION_ARGS[id];
  const required = specs.filter((spec) => !("optional" in spec)).length;
  if (call.args.length < required || call.args.length > specs.length) {
    const count = required === specs.length ? `${required}` : `${required} to ${specs.length}`;
    throw new UsageError(`${id} takes ${count} arguments, got ${call.args.length}`);
  }
  const args = specs.map((spec, i) => {
    const arg = i < call.args.length ? call.args[i] : null;
    return passedAsRange(spec) && !Array.isArray(arg) ? [[arg]] : arg;
  });
  return functions[id](...args);
}

export const evalCommand: Command = {
  usage: 'eval "<FUNCTION(args)>"',
  summary: 'run one custom function, e.g. eval "CLA.RATE(870, 280000, 1)"',
  async run(argv: string[], output: Output): Promise<number> {
    if (argv.length !== 1)
      throw new UsageError('give one formula in quotes, e.g. savings-check eval "SAVINGS.PCT(87282, 21890, 1)"');
    const call = parseCall(argv[0]);
    let result: number | string | number[][];
    try {
      result = runCall(call);
    } catch (error) {
      if (!isCustomFunctionError(error)) throw error;
      output.out(`${error.code} ${error.message ?? ""}`.trim());
      return EXIT_FAILED;
    }
    if (!Array.isArray(result)) {
      output.out(show(result));
      return EXIT_OK;
    }
    let failed = false;
    result.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!isCustomFunctionError(cell)) return;
        failed = true;
        output.err(`row ${r + 1}, column ${c + 1}: ${cell.code} ${cell.message ?? ""}`.trim());
      }),
    );
    output.out(result.map((row) => row.map(show).join("\t")).join("\n"));
    return failed ? EXIT_FAILED : EXIT_OK;
  },
};
