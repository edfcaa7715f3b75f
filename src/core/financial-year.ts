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

/** How a header names a year: a financial year, a calendar year, `Year 2` of a plan, or a typo. */
export type YearForm = "financial" | "calendar" | "relative" | "invalid";

export interface YearInText {
  form: YearForm;
  /** The start year (financial, calendar), the plan year's number (relative), or null (invalid). */
  year: number | null;
  /** The text that named it, as typed. */
  text: string;
  /** The header text with the year taken out, so that its words are read alone. */
  rest: string;
}

/** Two years written as a pair: `2024/25`, `2024-2025`, `FY 24-25`; not a date (`01/10/2017`). */
// No lookbehind: the functions bundle runs where ES2016 regular expressions are all there is, so
// the character before a match is taken as a group of its own and left out of the match.
const YEAR_PAIR = /(^|[^\d/.])((?:fy\s*)?(\d{4}|\d{2})\s*[/\-–]\s*(\d{4}|\d{2}))(?![\d/.])/i;
/** `2023 to 2024`, as some councils head their budget columns. */
const YEAR_TO_YEAR = /(^|\D)((\d{4})\s+to\s+(\d{4}))(?!\d)/i;
/** `Year 1`, `Yr 2`: the years of a plan, consecutive by their numbers. */
const PLAN_YEAR = /\b(?:year|yr)\s*(\d{1,2})\b/i;
const CALENDAR_YEAR = /(^|[^\d.,])((19[5-9]\d|20\d\d|2100))(?![\d.,])/;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

function cut(text: string, index: number, length: number): string {
  return text.slice(0, index) + " " + text.slice(index + length);
}

/** Whether `second` follows `first` as a financial year's end (`2024/25`, `2024/2025`). */
function follows(first: number, second: string): boolean {
  return second.length === 4 ? Number(second) === first + 1 : Number(second) === (first + 1) % 100;
}

/**
 * The year a header names, in any form of SPEC §4, or null. A pair of years that are not
 * consecutive (`2024/26`, `2025/24`) reads as an invalid year, to be reported rather than dropped.
 */
export function yearInText(text: string): YearInText | null {
  const pair = YEAR_PAIR.exec(text) ?? YEAR_TO_YEAR.exec(text);
  if (pair) {
    const [, before, whole, start, end] = pair;
    const first = start.length === 2 ? 2000 + Number(start) : Number(start);
    const plausible = start.length === 4 ? first >= 1950 && first <= 2100 : Math.abs(Number(end) - Number(start)) <= 3;
    if (plausible) {
      let rest = cut(text, pair.index + before.length, whole.length);
      const plan = PLAN_YEAR.exec(rest);
      if (plan) rest = cut(rest, plan.index, plan[0].length);
      const valid = follows(first, end);
      return { form: valid ? "financial" : "invalid", year: valid ? first : null, text: whole.trim(), rest };
    }
  }
  const plan = PLAN_YEAR.exec(text);
  if (plan)
    return { form: "relative", year: Number(plan[1]), text: plan[0], rest: cut(text, plan.index, plan[0].length) };
  const calendar = CALENDAR_YEAR.exec(text);
  if (calendar && !MONTH.test(text)) {
    const rest = cut(text, calendar.index + calendar[1].length, calendar[2].length);
    // A year among many words is part of a sentence (`Projection to 2021 outturn`), not a column's year.
    if (rest.trim().split(/\s+/).filter(Boolean).length <= 3)
      return { form: "calendar", year: Number(calendar[2]), text: calendar[2], rest };
  }
  return null;
}
