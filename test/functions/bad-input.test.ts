/**
 * Bad input for every function and every argument, as Excel passes it: text, empty text, null (an
 * empty cell on the web, an omitted argument), a logical, an error value (a CustomFunctions.Error),
 * a negative number, zero, 1e308, and a 2-D range. Each gives the intended result or Excel error and
 * message (naming the argument and what was wrong); nothing else is ever thrown.
 */
import fc from "fast-check";
import { FUNCTION_ARGS, FUNCTION_IDS } from "../../src/core/function-args";
import { BAD, Case, MATRIX, asExcelPasses } from "./bad-input-matrix";
import { CustomFunctionError, cell, column, errorCell, outcome, thrown } from "./excel";

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

  it("ranges of different sizes: as Excel's array arithmetic, a cell beyond the shorter range is #N/A, naming it", () => {
    expect(outcome("SAVINGS.PCT", [[1], [2], [3]], [[1], [2]])).toEqual({
      value: [
        [100],
        [100],
        [new CustomFunctionError("#N/A", "saving is 2×1 cells: it has no cell for row 3, column 1 of the result")],
      ],
    });
    expect(
      outcome(
        "SAVINGS.GAP",
        [
          [10, 20],
          [30, 40],
        ],
        [[1, 2, 3]],
      ),
    ).toEqual({
      value: [
        [
          9,
          18,
          new CustomFunctionError("#N/A", "target is 2×2 cells: it has no cell for row 1, column 3 of the result"),
        ],
        [
          29,
          38,
          new CustomFunctionError("#N/A", "target is 2×2 cells: it has no cell for row 2, column 3 of the result"),
        ],
      ],
    });
  });

  it("a cell holding an Excel data type (an object) is #VALUE!, saying to give its figure", () => {
    const hampshire = {
      type: "Entity",
      text: "Hampshire",
      properties: { Population: { type: "Double", basicValue: 280000 } },
    };
    expect(thrown("CLA.RATE", cell(870), cell(hampshire))).toEqual({
      code: "#VALUE!",
      message:
        "population is an Excel data type (Entity, text 'Hampshire'), not a plain value: give its figure instead, such as one of its fields (=A2.Population)",
    });
    expect(thrown("SAVINGS.FY", { type: "FormattedNumber", basicValue: 43009, numberFormat: "dd/mm/yyyy" })).toEqual({
      code: "#VALUE!",
      message:
        "date is an Excel data type (FormattedNumber, 43009), not a plain value: give its figure instead, such as one of its fields (=A2.Population)",
    });
    expect(thrown("SAVINGS.TOTAL", column(1, { type: "WebImage", address: "https://example.org/a.png" }))).toEqual({
      code: "#VALUE!",
      message:
        "range (row 2) is an Excel data type (WebImage), not a plain value: give its figure instead, such as one of its fields (=A2.Population)",
    });
    // Inside a range it is that cell's result, as any other bad cell.
    expect(outcome("SAVINGS.CONVERT", column(1000, { type: "Double", basicValue: 2000 }), "£", "£000")).toEqual({
      value: [
        [1],
        [
          new CustomFunctionError(
            "#VALUE!",
            "value is an Excel data type (Double, 2000), not a plain value: give its figure instead, such as one of its fields (=A2.Population)",
          ),
        ],
      ],
    });
  });

  it("an error data type passes on as its error", () => {
    expect(thrown("SAVINGS.PCT", cell({ type: "Error", errorType: "Div0", basicValue: "#DIV/0!" }), cell(1))).toEqual({
      code: "#DIV/0!",
      message: "budget is the error #DIV/0!",
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
      message:
        "the financial year must be from 1900/01 to 9998/99 (the years within Excel's dates), got one starting in 9999",
    });
  });

  it("SAVINGS.FY has the same years as SAVINGS.FYNEXT: Excel's first date, 1 January 1900, is #NUM!", () => {
    const before = {
      code: "#NUM!",
      message:
        "the financial year must be from 1900/01 to 9998/99 (the years within Excel's dates), got one starting in 1899",
    };
    expect(thrown("SAVINGS.FY", 1)).toEqual(before);
    expect(thrown("SAVINGS.FYNEXT", "1900/01", -1)).toEqual(before);
    expect(outcome("SAVINGS.FY", 92)).toEqual({ value: "1900/01" }); // 1 April 1900
    expect(outcome("SAVINGS.FY", 2958465)).toEqual({ ...before, message: before.message.replace("1899", "9999") });
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
