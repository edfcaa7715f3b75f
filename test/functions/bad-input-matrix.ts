/**
 * The bad-input matrix: for every function and every argument, what each kind of bad value Excel
 * can hand over gives there. bad-input.test.ts runs it through the source; the bundle test runs it
 * through dist/functions.js as `savings-check eval` formulas.
 */
import { FUNCTION_ARGS, FunctionId, passedAsRange } from "../../src/core/function-args";
import { CustomFunctionError, cell, errorCell } from "./excel";

export const BAD = {
  text: "abc",
  emptyText: "",
  null: null,
  logical: true,
  error: errorCell("#N/A"),
  negative: -5,
  zero: 0,
  huge: 1e308,
  range: [
    [1, 2],
    [3, 4],
  ],
} as const;
export type Case = keyof typeof BAD;

export type Expected = { value: unknown } | { code: string; message: string };
const ok = (value: unknown): Expected => ({ value });
const VALUE = (message: string): Expected => ({ code: "#VALUE!", message });
const NUM = (message: string): Expected => ({ code: "#NUM!", message });
const DIV0 = (message: string): Expected => ({ code: "#DIV/0!", message });
const NA = (message: string): Expected => ({ code: "#N/A", message });

/** What every number argument says to text, a logical, an error value and a figure past 1e15. */
function numberArg(
  name: string,
  limit = "at most 1e15 in size",
): Record<"text" | "logical" | "error" | "huge", Expected> {
  return {
    text: VALUE(`${name} must be a number, got text 'abc'`),
    logical: VALUE(`${name} must be a number, got the logical value TRUE`),
    error: NA(`${name} is the error #N/A`),
    huge: NUM(`${name} must be ${limit}, got 1e+308`),
  };
}
const negative = (name: string) => NUM(`${name} must not be negative, got -5`);
const single = (name: string) => VALUE(`${name} must be a single value, got a range of 2×2 cells`);

function decimalsArg(unrounded: number, whole: number): Record<Case, Expected> {
  return {
    ...numberArg("decimals", "from 0 to 15"),
    emptyText: ok([[unrounded]]),
    null: ok([[unrounded]]),
    negative: NUM("decimals must be from 0 to 15, got -5"),
    zero: ok([[whole]]),
    range: single("decimals"),
  };
}

function unitArg(name: string, empty: Expected): Record<Case, Expected> {
  const notUnit = (got: string) => VALUE(`${name} must be one of £, £000 or £m, got ${got}`);
  return {
    text: notUnit("text 'abc'"),
    emptyText: empty,
    null: empty,
    logical: notUnit("the logical value TRUE"),
    error: NA(`${name} is the error #N/A`),
    negative: notUnit("-5"),
    zero: empty,
    huge: notUnit("1e+308"),
    range: single(name),
  };
}

function dateArg(name: string): Record<Case, Expected> {
  const notDate = (got: string) =>
    VALUE(`${name} must be a date (a date cell, or text such as 2017-10-01 or 01/10/2017), got ${got}`);
  return {
    text: notDate("text 'abc'"),
    emptyText: notDate("an empty cell"),
    null: notDate("an empty cell"),
    logical: notDate("the logical value TRUE"),
    error: NA(`${name} is the error #N/A`),
    negative: NUM(`${name} must be from 1 to 2958465, got -5`),
    zero: notDate("an empty cell"),
    huge: NUM(`${name} must be from 1 to 2958465, got 1e+308`),
    range: single(name),
  };
}

function fyArg(empty: Expected): Record<Case, Expected> {
  const notYear = (got: string) => VALUE(`fy must be a financial year such as 2015/16, got ${got}`);
  return {
    text: notYear("text 'abc'"),
    emptyText: empty,
    null: empty,
    logical: notYear("the logical value TRUE"),
    error: NA("fy is the error #N/A"),
    negative: notYear("-5"),
    zero: empty,
    huge: notYear("1e+308"),
    range: single("fy"),
  };
}

function weeksArg(full: number): Record<Case, Expected> {
  // 0 weeks is outside 1-53, typed or an empty cell on desktop (which arrives as 0); null is left out.
  return {
    ...numberArg("weeks", "from 1 to 53"),
    emptyText: ok([[full]]),
    null: ok([[full]]),
    negative: NUM("weeks must be from 1 to 53, got -5"),
    zero: NUM("weeks must be from 1 to 53, got 0 (Excel desktop passes an empty cell as 0): leave weeks out for 52"),
    range: single("weeks"),
  };
}

const tooBig = (name: string, population: number) =>
  new CustomFunctionError("#NUM!", `children (${name}) must not exceed population (${population})`);
const populationZero = DIV0("population must not be zero");

/** Per function: good arguments (single values), and for every argument what each bad value gives there. */
export const MATRIX: Record<FunctionId, { good: unknown[]; expect: Record<Case, Expected>[] }> = {
  "SAVINGS.PCT": {
    good: [87282, 21890, 1],
    expect: [
      {
        ...numberArg("budget"),
        emptyText: DIV0("budget must not be zero"),
        null: DIV0("budget must not be zero"),
        negative: negative("budget"),
        zero: DIV0("budget must not be zero"),
        range: ok([
          [2189000, 1094500],
          [729666.7, 547250],
        ]),
      },
      {
        ...numberArg("saving"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: ok([[0]]),
        zero: ok([[0]]),
        range: ok([
          [0, 0],
          [0, 0],
        ]),
      },
      decimalsArg(25.07962695630256, 25),
    ],
  },
  "SAVINGS.TOTAL": {
    good: [21890],
    expect: [
      {
        text: VALUE("range (row 1) must be a number, got text 'abc'"),
        emptyText: ok(0),
        null: ok(0),
        logical: VALUE("range (row 1) must be a number, got the logical value TRUE"),
        error: NA("range (row 1) is the error #N/A"),
        negative: ok(-5),
        zero: ok(0),
        huge: NUM("range (row 1) must be at most 1e15 in size, got 1e+308"),
        range: ok(10),
      },
    ],
  },
  "SAVINGS.GAP": {
    good: [30100, 30132],
    expect: [
      {
        ...numberArg("target"),
        emptyText: ok([[-30132]]),
        null: ok([[-30132]]),
        negative: ok([[-30137]]),
        zero: ok([[-30132]]),
        range: ok([
          [-30131, -30130],
          [-30129, -30128],
        ]),
      },
      {
        ...numberArg("proposals"),
        emptyText: ok([[30100]]),
        null: ok([[30100]]),
        negative: ok([[30105]]),
        zero: ok([[30100]]),
        range: ok([
          [30099, 30098],
          [30097, 30096],
        ]),
      },
    ],
  },
  "SAVINGS.PARSE": {
    good: ["£4.462m", "£"],
    expect: [
      {
        text: VALUE("text must be an amount such as £4.462m, 2,800 or (1,250), got text 'abc'"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        logical: VALUE("text must be an amount such as £4.462m, 2,800 or (1,250), got the logical value TRUE"),
        error: NA("text is the error #N/A"),
        negative: ok([[-5]]),
        zero: ok([[0]]),
        huge: NUM("text must be at most 1e15 in size, got 1e+308"),
        range: ok([
          [1, 2],
          [3, 4],
        ]),
      },
      unitArg("unit", ok([[4462000]])),
    ],
  },
  "SAVINGS.CONVERT": {
    good: [30132, "£000", "£m"],
    expect: [
      {
        ...numberArg("value"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: ok([[-0.005]]),
        zero: ok([[0]]),
        range: ok([
          [0.001, 0.002],
          [0.003, 0.004],
        ]),
      },
      unitArg("from", VALUE("from must be one of £, £000 or £m, got an empty cell")),
      unitArg("to", VALUE("to must be one of £, £000 or £m, got an empty cell")),
    ],
  },
  "SAVINGS.PHASE": {
    good: [1.2, "2017-10-01", "2017/18"],
    expect: [
      {
        ...numberArg("full_year"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: ok([[-2.5]]),
        zero: ok([[0]]),
        range: ok([
          [0.5, 1],
          [1.5, 2],
        ]),
      },
      dateArg("start"),
      fyArg(ok([[0.6]])),
    ],
  },
  "SAVINGS.FY": { good: ["2017-10-01"], expect: [dateArg("date")] },
  "SAVINGS.FYNEXT": {
    good: ["2015/16", 1],
    expect: [
      fyArg(VALUE("fy must be a financial year such as 2015/16, got an empty cell")),
      {
        ...numberArg("n", "from -200 to 200"),
        emptyText: ok("2016/17"),
        null: ok("2016/17"),
        negative: ok("2010/11"),
        zero: ok("2015/16"),
        range: single("n"),
      },
    ],
  },
  "CLA.RATE": {
    good: [870, 280000, 1],
    expect: [
      {
        ...numberArg("children"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: negative("children"),
        zero: ok([[0]]),
        range: ok([
          [0, 0.1],
          [0.1, 0.1],
        ]),
      },
      {
        ...numberArg("population"),
        emptyText: populationZero,
        null: populationZero,
        negative: negative("population"),
        zero: populationZero,
        range: ok([
          [tooBig("870", 1), tooBig("870", 2)],
          [tooBig("870", 3), tooBig("870", 4)],
        ]),
      },
      decimalsArg(31.071428571428573, 31),
    ],
  },
  "CLA.CHILDREN": {
    good: [31, 280000],
    expect: [
      {
        ...numberArg("rate", "from 0 to 10000"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: NUM("rate must be from 0 to 10000, got -5"),
        zero: ok([[0]]),
        range: ok([
          [28, 56],
          [84, 112],
        ]),
      },
      {
        ...numberArg("population"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: negative("population"),
        zero: ok([[0]]),
        range: ok([
          [0.0031, 0.0062],
          [0.0093, 0.0124],
        ]),
      },
    ],
  },
  "CLA.REDUCTION": {
    good: [1053, 34, 270000],
    expect: [
      {
        ...numberArg("children"),
        emptyText: ok([[-918]]),
        null: ok([[-918]]),
        negative: negative("children"),
        zero: ok([[-918]]),
        range: ok([
          [-917, -916],
          [-915, -914],
        ]),
      },
      {
        ...numberArg("target_rate", "from 0 to 10000"),
        emptyText: ok([[1053]]),
        null: ok([[1053]]),
        negative: NUM("target_rate must be from 0 to 10000, got -5"),
        zero: ok([[1053]]),
        range: ok([
          [1026, 999],
          [972, 945],
        ]),
      },
      {
        ...numberArg("population"),
        emptyText: populationZero,
        null: populationZero,
        negative: negative("population"),
        zero: populationZero,
        range: ok([
          [tooBig("1053", 1), tooBig("1053", 2)],
          [tooBig("1053", 3), tooBig("1053", 4)],
        ]),
      },
    ],
  },
  "CLA.COST": {
    good: [893, 1, 52],
    expect: [
      {
        ...numberArg("weekly_cost"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: negative("weekly_cost"),
        zero: ok([[0]]),
        range: ok([
          [52, 104],
          [156, 208],
        ]),
      },
      {
        ...numberArg("children"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: negative("children"),
        zero: ok([[0]]),
        range: ok([
          [46436, 92872],
          [139308, 185744],
        ]),
      },
      weeksArg(46436),
    ],
  },
  "CLA.SAVING": {
    good: [410, 840, 52],
    expect: [
      {
        ...numberArg("children_fewer"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: negative("children_fewer"),
        zero: ok([[0]]),
        range: ok([
          [43680, 87360],
          [131040, 174720],
        ]),
      },
      {
        ...numberArg("weekly_cost"),
        emptyText: ok([[0]]),
        null: ok([[0]]),
        negative: negative("weekly_cost"),
        zero: ok([[0]]),
        range: ok([
          [21320, 42640],
          [63960, 85280],
        ]),
      },
      weeksArg(17908800),
    ],
  },
};

/** Excel passes a single value to a range argument as a 1×1 range, and a range as it is. */
export function asExcelPasses(id: FunctionId, args: unknown[]): unknown[] {
  return args.map((arg, i) => {
    return passedAsRange(FUNCTION_ARGS[id][i]) && !Array.isArray(arg) ? cell(arg) : arg;
  });
}
