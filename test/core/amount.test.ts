import { isNotApplicable, parseAmountText } from "../../src/core/amount";

describe("parseAmountText", () => {
  it.each([
    ["£4.462m", "4.462", "£m", 3, []],
    ["£189k", "189", "£000", 0, []],
    ["£30.1m", "30.1", "£m", 1, []],
    ["2,800**", "2800", null, 0, ["**"]],
    ["1,368*", "1368", null, 0, ["*"]],
    ["3.2 ¹", "3.2", null, 1, ["¹"]],
    ["(1,250)", "-1250", null, 0, []],
    ["-£1.5m", "-1.5", "£m", 1, []],
    ["£750K", "750", "£000", 0, []],
    ["£1.2bn", "1200", "£m", 1, []],
    ["£1,250", "1250", "£", 0, []],
    [" 87,282 ", "87282", null, 0, []],
    ["+5", "5", null, 0, []],
    [".5", "0.5", null, 1, []],
  ])("reads %p", (text, value, unit, decimals, markers) => {
    const parsed = parseAmountText(text);
    expect(parsed).not.toBeNull();
    expect(parsed?.value.toFixed()).toBe(value);
    expect(parsed?.unit).toBe(unit);
    expect(parsed?.decimals).toBe(decimals);
    expect(parsed?.markers).toEqual(markers);
  });

  it.each(["abc", "NA", "1,2", "1,23,456", "", "£", ".", "(-5)", "12/13", "1e3", "Total", "2015/16", "£5x"])(
    "refuses %p",
    (text) => {
      expect(parseAmountText(text)).toBeNull();
    },
  );
});

describe("isNotApplicable", () => {
  it.each(["NA", "N/A", "n/a", "-", "–", "nil", "", "  ", "None"])("%p is not applicable", (text) => {
    expect(isNotApplicable(text)).toBe(true);
  });
  it.each(["0", "abc", "2,800", "NAB"])("%p is not a not-applicable marker", (text) => {
    expect(isNotApplicable(text)).toBe(false);
  });
});
