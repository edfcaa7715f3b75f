/**
 * The few pieces of Excel's CustomFunctions global that src/functions/functions.ts uses, for running
 * the add-in's own functions in Node (`savings-check eval`, tests, the benchmark).
 */
const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** An Excel error as a custom function returns it: its code (#DIV/0!) and message. */
export class CustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Installs the stand-in unless a real CustomFunctions global is present. */
export function installCustomFunctionsShim(): void {
  const scope = globalThis as { CustomFunctions?: unknown };
  scope.CustomFunctions ??= { Error: CustomFunctionError, ErrorCode: ERROR_CODES };
}

export function isCustomFunctionError(value: unknown): value is CustomFunctionError {
  return value instanceof CustomFunctionError;
}
