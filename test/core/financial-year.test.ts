import {
  dateFromExcelSerial,
  financialYearOfDate,
  formatFinancialYear,
  monthsRemainingInYear,
  parseFinancialYear,
} from "../../src/core/financial-year";

describe("parseFinancialYear", () => {
  it.each([
    ["2015/16", 2015],
    ["2015-16", 2015],
    ["2015–16", 2015],
    ["2015/2016", 2015],
    ["15/16", 2015],
    ["FY2015/16", 2015],
    ["fy 15-16", 2015],
    [" 2019/20 ", 2019],
    ["1999/00", 1999],
  ])("reads %p as the year starting in %d", (text, year) => {
    expect(parseFinancialYear(text)).toBe(year);
  });
  it.each(["2015/17", "2015", "2015/2017", "abc", "", "16/15", "2015/16/17"])("refuses %p", (text) => {
    expect(parseFinancialYear(text)).toBeNull();
  });
});

describe("formatFinancialYear", () => {
  it.each([
    [2015, "2015/16"],
    [1999, "1999/00"],
    [2009, "2009/10"],
  ])("%d is %s", (year, label) => {
    expect(formatFinancialYear(year)).toBe(label);
  });
});

describe("financialYearOfDate", () => {
  it("puts April to March in one year", () => {
    expect(financialYearOfDate(2017, 4)).toBe(2017);
    expect(financialYearOfDate(2017, 12)).toBe(2017);
    expect(financialYearOfDate(2018, 3)).toBe(2017);
    expect(financialYearOfDate(2018, 1)).toBe(2017);
  });
});

describe("dateFromExcelSerial", () => {
  it.each([
    [1, { year: 1900, month: 1, day: 1 }],
    [59, { year: 1900, month: 2, day: 28 }],
    [61, { year: 1900, month: 3, day: 1 }],
    [43009, { year: 2017, month: 10, day: 1 }],
    [43009.75, { year: 2017, month: 10, day: 1 }],
    [2958465, { year: 9999, month: 12, day: 31 }],
  ])("serial %d is %j", (serial, date) => {
    expect(dateFromExcelSerial(serial)).toEqual(date);
  });
});

describe("monthsRemainingInYear", () => {
  it.each([
    [4, 12],
    [10, 6],
    [12, 4],
    [1, 3],
    [3, 1],
  ])("from the first of month %d, %d months remain", (month, months) => {
    expect(monthsRemainingInYear(month)).toBe(months);
  });
});
