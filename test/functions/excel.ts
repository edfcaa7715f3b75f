/**
 * Calling the add-in's custom functions the way Excel calls them, in Node: the CustomFunctions
 * stand-in that `savings-check eval` uses, range arguments as 2-D arrays, an error cell as a
 * CustomFunctions.Error.
 */
import { CustomFunctionError, installCustomFunctionsShim } from "../../src/cli/custom-functions-shim";
import { FunctionId } from "../../src/core/function-args";
import { FUNCTIONS } from "../../src/functions/functions";

installCustomFunctionsShim();

/** A cell holding an Excel error, as Excel hands it to a custom function. */
export function errorCell(code: string): CustomFunctionError {
  return new CustomFunctionError(code);
}

/** One value as a 1×1 range (Excel passes a single value to a range argument so). */
export const cell = (value: unknown): unknown[][] => [[value]];

/** A column range, one value per row. */
export const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);

/** What a call gave: its value, or the Excel error it threw. */
export type Outcome = { value: unknown } | { code: string; message: string | undefined };

/** Runs a function; an Excel error becomes an outcome, anything else thrown fails the test with what it was. */
export function outcome(id: FunctionId, ...args: unknown[]): Outcome {
  try {
    return { value: FUNCTIONS[id](...args) };
  } catch (error) {
    if (error instanceof CustomFunctionError) return { code: error.code, message: error.message };
    throw new Error(`${id} threw something other than CustomFunctions.Error: ${String(error)}`);
  }
}

/** The Excel error a call throws (fails when it returns a value instead). */
export function thrown(id: FunctionId, ...args: unknown[]): { code: string; message: string | undefined } {
  const result = outcome(id, ...args);
  if ("value" in result) throw new Error(`${id} returned ${JSON.stringify(result.value)} instead of an error`);
  return result;
}

/** The value a call returns (fails with the error's message when it throws one). */
export function value(id: FunctionId, ...args: unknown[]): unknown {
  const result = outcome(id, ...args);
  if (!("value" in result)) throw new Error(`${id} gave ${result.code} ${result.message}`);
  return result.value;
}

export { CustomFunctionError };
