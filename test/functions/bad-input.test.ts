/**
 * Bad input for every function and every argument, as Excel passes it: text, empty text, null (an
 * empty cell on the web, an omitted argument), a logical, an error value (a CustomFunctions.Error),
 * a negative number, zero, 1e308, and a 2-D range. Each gives the intended result or Excel error and
 * message (naming the argument and what was wrong); nothing else is ever thrown.
 */
import fc from "fast-check";
import { FUNCTION_ARGS, FUNCTION_IDS, FunctionId, passedAsRange } from "../../src/core/function-args";
import { CustomFunctionError, cell, errorCell, outcome, thrown } from "./excel";

const BAD = {
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
type Case = keyof typeof BAD;

type Expected = { value: unknown } | { code: string; message: string };
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
  // An empty weeks cell arrives as 0 on desktop and null on the web: both mean 52.
  return {
    ...numberArg("weeks", "from 1 to 53"),
    emptyText: ok([[full]]),
    null: ok([[full]]),
    negative: NUM("weeks must be from 1 to 53, got -5"),
    zero: ok([[full]]),
    range: single("weeks"),
  };
}

const tooBig = (name: string, population: number) =>
  new CustomFunctionError("#NUM!", `children (${name}) must not exceed population (${population})`);
const populationZero = DIV0("population must not be zero");

/** Per function: good arguments (single values), and for every argument what each bad value gives there. */
const MATRIX: Record<FunctionId, { good: unknown[]; expect: Record<Case, Expected>[] }> = {
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
function asExcelPasses(id: FunctionId, args: unknown[]): unknown[] {
  return args.map((arg, i) => {
    return passedAsRange(FUNCTION_ARGS[id][i]) && !Array.isArray(arg) ? cell(arg) : arg;
  });
}

describe("the matrix covers every function and every argument", () => {
  it.each(FUNCTION_IDS)("%s", (id) => {
    expect(MATRIX[id].expect).toHaveLength(FUNCTION_ARGS[id].length);
    expect(asExcelPasses(id, MATRIX[id].good)).toHaveLength(FUNCTION_ARGS[id].length);
  });
});

const rows = FUNCTION_IDS.flatMap((id) =>
  FUNCTION_ARGS[id].flatMap((spec, i) => (Object.keys(BAD) as Case[]).map((bad) => [id, spec.name, bad, i] as const)),
);

describe.each(FUNCTION_IDS)("%s", (id) => {
  it.each(rows.filter((row) => row[0] === id))("%s, %s, %s", (_, __, bad, i) => {
    const args = [...MATRIX[id].good];
    args[i] = BAD[bad];
    expect(outcome(id, ...asExcelPasses(id, args))).toEqual(MATRIX[id].expect[i][bad]);
  });
});

describe("other shapes Excel can hand over", () => {
  it("an error value passes on as Excel's own functions pass it: #DIV/0!, #NUM!, #N/A and #VALUE! as themselves, others as #VALUE!", () => {
    expect(thrown("SAVINGS.PCT", cell(errorCell("#DIV/0!")), cell(1))).toEqual({
      code: "#DIV/0!",
      message: "budget is the error #DIV/0!",
    });
    expect(thrown("SAVINGS.PCT", cell(1), cell(errorCell("#NUM!")))).toEqual({
      code: "#NUM!",
      message: "saving is the error #NUM!",
    });
    expect(thrown("SAVINGS.FY", errorCell("#REF!"))).toEqual({ code: "#VALUE!", message: "date is the error #REF!" });
    expect(thrown("SAVINGS.CONVERT", cell(1), errorCell("#NAME?"), "£")).toEqual({
      code: "#VALUE!",
      message: "from is the error #NAME?",
    });
  });

  it("ranges of different sizes are #VALUE!, naming both", () => {
    expect(thrown("SAVINGS.PCT", [[1], [2], [3]], [[1], [2]])).toEqual({
      code: "#VALUE!",
      message: "budget is 3×1 cells but saving is 2×1: give ranges of the same size, or single values",
    });
  });

  it("a one-row range where a single value is expected is #VALUE!", () => {
    expect(thrown("CLA.COST", cell(893), cell(1), [[52, 52]])).toEqual({
      code: "#VALUE!",
      message: "weeks must be a single value, got a range of 1×2 cells",
    });
  });

  it("a 1×1 range where a single value is expected is that value", () => {
    expect(outcome("SAVINGS.PCT", cell(87282), cell(21890), [[1]])).toEqual({ value: [[25.1]] });
  });

  it("text that names a unit is refused where a plain amount is expected", () => {
    expect(thrown("SAVINGS.PCT", cell("£87.3m"), cell(21890))).toEqual({
      code: "#VALUE!",
      message:
        "budget must be a plain number, got text '£87.3m' which names a unit: convert it with SAVINGS.PARSE first",
    });
  });

  it("NA where a figure is required is #N/A, saying so", () => {
    expect(thrown("CLA.RATE", cell("n/a"), cell(280000))).toEqual({
      code: "#N/A",
      message: "children is not applicable ('n/a')",
    });
  });

  it("fractional decimals or years are #NUM!", () => {
    expect(thrown("SAVINGS.PCT", cell(1), cell(1), 1.5)).toEqual({
      code: "#NUM!",
      message: "decimals must be a whole number, got 1.5",
    });
    expect(thrown("SAVINGS.FYNEXT", "2015/16", 0.5)).toEqual({
      code: "#NUM!",
      message: "n must be a whole number, got 0.5",
    });
  });

  it("children above the population are #NUM!", () => {
    expect(thrown("CLA.RATE", cell(500), cell(400))).toEqual({
      code: "#NUM!",
      message: "children (500) must not exceed population (400)",
    });
  });

  it("a result beyond what a cell holds is #NUM!", () => {
    expect(thrown("SAVINGS.PCT", cell(1e-307), cell(1e15))).toEqual({
      code: "#NUM!",
      message: "the result is beyond the largest number Excel holds (about 1e308)",
    });
  });

  it("a year past 9998/99 is #NUM!", () => {
    expect(thrown("SAVINGS.FYNEXT", "9998/99", 1)).toEqual({
      code: "#NUM!",
      message: "the financial year must be between 1900/01 and 9998/99, got one starting in 9999",
    });
  });

  it("a date that does not exist is #VALUE!", () => {
    expect(thrown("SAVINGS.FY", "31/02/2017")).toEqual({
      code: "#VALUE!",
      message: "date must be a date (a date cell, or text such as 2017-10-01 or 01/10/2017), got text '31/02/2017'",
    });
  });
});

describe("whatever arrives, a function returns a value or throws a CustomFunctions.Error, nothing else", () => {
  const anyCell = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom("£4.462m", "2,800**", "NA", "2015/16", "2017-10-01", "£000", "£m", "(1,250)", "-", ""),
    fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NUM!").map(errorCell),
  );
  const anyArg = fc.oneof(
    anyCell,
    fc.array(fc.array(anyCell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    fc.anything(),
  );

  it.each(FUNCTION_IDS)("%s", (id) => {
    fc.assert(
      fc.property(fc.array(anyArg, { minLength: 0, maxLength: FUNCTION_ARGS[id].length }), (args) => {
        const result = outcome(id, ...args); // throws on anything but a CustomFunctions.Error
        if (!("value" in result)) return;
        const cells = Array.isArray(result.value) ? result.value.flat() : [result.value];
        for (const one of cells) {
          if (one instanceof CustomFunctionError) continue;
          expect(["number", "string"]).toContain(typeof one);
          if (typeof one === "number") expect(Number.isFinite(one)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
