import { Decimal } from "../../src/core/decimal";
import { UNITS, convertUnit, parseUnit, unitInText } from "../../src/core/units";

describe("convertUnit", () => {
  it.each([
    ["30132", "£000", "£m", "30.132"],
    ["4.462", "£m", "£", "4462000"],
    ["189", "£000", "£", "189000"],
    ["1", "£", "£m", "0.000001"],
    ["23.3", "£m", "£m", "23.3"],
  ] as const)("%s %s is %s %s", (value, from, to, expected) => {
    expect(convertUnit(new Decimal(value), from, to).toFixed()).toBe(expected);
  });

  it("round-trips every pair exactly", () => {
    const value = new Decimal("1234.5678");
    for (const from of UNITS)
      for (const to of UNITS) expect(convertUnit(convertUnit(value, from, to), to, from).equals(value)).toBe(true);
  });
});

describe("parseUnit", () => {
  it.each([
    ["£000", "£000"],
    ["£'000", "£000"],
    ["£k", "£000"],
    ["000s", "£000"],
    ["£m", "£m"],
    ["£M", "£m"],
    ["£ million", "£m"],
    ["(£m)", "£m"],
    ["£", "£"],
    ["pounds", "£"],
    ["GBP", "£"],
    ["£bn", "£bn"],
    ["£ms", "£m"],
    ["(£ thousands)", "£000"],
    ["GBP'000", "£000"],
  ])("reads %s as %s", (text, unit) => {
    expect(parseUnit(text)).toBe(unit);
  });
  it.each(["%", "", "euros", "0", "$000"])("refuses %p", (text) => {
    expect(parseUnit(text)).toBeNull();
  });
});

describe("unitInText", () => {
  it.each([
    ["Total Budget £000", "£000"],
    ["Savings (£m)", "£m"],
    ["Full Year Savings £'000", "£000"],
    ["Cost £", "£"],
    ["Budget £ million", "£m"],
  ])("finds the unit in %p", (text, unit) => {
    expect(unitInText(text)).toBe(unit);
  });
  it.each(["Savings Proposals as % of Budget", "Children's Services 2015/16 budget: £161.4m", "Workstream"])(
    "finds none in %p",
    (text) => {
      expect(unitInText(text)).toBeNull();
    },
  );
});
