import {
  Decimal,
  decimalFromNumber,
  decimalsTyped,
  formatPlain,
  roundHalfAway,
  toNumber,
} from "../../src/core/decimal";

describe("decimalFromNumber", () => {
  it("reads a double as the 15 significant digits Excel keeps", () => {
    expect(decimalFromNumber(0.1 + 0.2).toFixed()).toBe("0.3");
    expect(decimalFromNumber(25.1).toFixed()).toBe("25.1");
    expect(decimalFromNumber(-1250).toFixed()).toBe("-1250");
    expect(decimalFromNumber(123456789012345.6).toFixed()).toBe("123456789012346");
  });
});

describe("Decimal arithmetic", () => {
  it("adds 0.1 and 0.2 to exactly 0.3", () => {
    expect(new Decimal("0.1").plus("0.2").equals("0.3")).toBe(true);
  });
  it("keeps 40 significant digits in a quotient", () => {
    expect(new Decimal(1).dividedBy(3).toFixed()).toBe("0." + "3".repeat(40));
  });
});

describe("roundHalfAway", () => {
  it.each([
    ["2.5", 0, "3"],
    ["-2.5", 0, "-3"],
    ["25.05", 1, "25.1"],
    ["-25.05", 1, "-25.1"],
    ["35.4999999", 0, "35"],
    ["0.125", 2, "0.13"],
    ["7.6190476", 1, "7.6"],
  ])("%s at %d decimals is %s", (value, places, expected) => {
    expect(roundHalfAway(new Decimal(value), places).toFixed()).toBe(expected);
  });
});

describe("formatPlain", () => {
  it.each([
    ["17908800", "17908800"],
    ["30.1320", "30.132"],
    ["-32", "-32"],
    ["-0", "0"],
    ["1e21", "1000000000000000000000"],
    ["0.0000001", "0.0000001"],
  ])("%s prints as %s", (value, expected) => {
    expect(formatPlain(new Decimal(value))).toBe(expected);
  });
});

describe("toNumber", () => {
  it("gives 0, never -0", () => {
    expect(Object.is(toNumber(new Decimal("-0")), 0)).toBe(true);
  });
  it("gives the double nearest to the decimal", () => {
    expect(toNumber(new Decimal("25.1"))).toBe(25.1);
    expect(toNumber(new Decimal(1).dividedBy(3))).toBe(1 / 3);
  });
});

describe("decimalsTyped", () => {
  it.each([
    [25.1, 1],
    [3, 0],
    [0.1 + 0.2, 1],
    [4.462, 3],
    [-1.25, 2],
  ])("%d was typed with %d decimals", (value, expected) => {
    expect(decimalsTyped(value)).toBe(expected);
  });
});
