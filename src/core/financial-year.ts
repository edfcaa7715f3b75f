/**
 * English local-government financial years: `2015/16` runs from 1 April 2015 to 31 March 2016.
 * A year is held as the calendar year it starts in.
 */

/** Reads `2015/16`, `2015-16`, `2015/2016`, `15/16`, `FY2015/16`, `FY 15-16`; null otherwise. */
export function parseFinancialYear(text: string): number | null {
  const match = /^\s*(?:fy\s*)?(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\s*$/i.exec(text);
  if (!match) return null;
  const first = match[1].length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  const second = Number(match[2]);
  const expected = first + 1;
  const matches = match[2].length === 4 ? second === expected : second === expected % 100;
  return matches ? first : null;
}

/** The `2015/16` form of the year starting in `startYear`. */
export function formatFinancialYear(startYear: number): string {
  // 100 + the last two digits, less its leading 1: "00" to "99" (no padStart in the ES2016 functions runtime).
  return `${startYear}/${String(100 + ((startYear + 1) % 100)).slice(1)}`;
}

/** The financial year (its start year) that a calendar date falls in. */
export function financialYearOfDate(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

/** A calendar date from an Excel serial number (1900 date system, with its phantom 29 Feb 1900). */
export function dateFromExcelSerial(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  // Serials after 60 count the non-existent 29 February 1900, so day zero is 30 December 1899.
  const epoch = whole > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const date = new Date(epoch + whole * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Months left in the financial year from the first of the month a date falls in, 1 to 12. */
export function monthsRemainingInYear(month: number): number {
  return month >= 4 ? 16 - month : 4 - month;
}
