import { isDarkColour, officeIsDark } from "../../src/taskpane/theme";

const office = globalThis as unknown as { Office?: unknown };

afterEach(() => delete office.Office);

function withOfficeTheme(theme: Partial<Office.OfficeTheme> | undefined): void {
  office.Office = { context: { officeTheme: theme } };
}

test("light outside Office, and when the host gives no theme", () => {
  expect(officeIsDark()).toBe(false);
  withOfficeTheme(undefined);
  expect(officeIsDark()).toBe(false);
});

test("follows Office's dark flag", () => {
  withOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" });
  expect(officeIsDark()).toBe(true);
  withOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: "#000000" });
  expect(officeIsDark()).toBe(false);
});

test("without the flag, the background colour decides", () => {
  withOfficeTheme({ bodyBackgroundColor: "#262626" });
  expect(officeIsDark()).toBe(true);
  withOfficeTheme({ bodyBackgroundColor: "#E6E6E6" });
  expect(officeIsDark()).toBe(false);
});

test("isDarkColour by relative luminance", () => {
  expect(isDarkColour("#000000")).toBe(true);
  expect(isDarkColour("#444444")).toBe(true);
  expect(isDarkColour("#FFFFFF")).toBe(false);
  expect(isDarkColour("#0000FF")).toBe(true); // blue is dark to the eye
  expect(isDarkColour("#FFFF00")).toBe(false);
  expect(isDarkColour("ffffff")).toBe(false);
  expect(isDarkColour("not a colour")).toBe(false);
  expect(isDarkColour(undefined)).toBe(false);
});
