/**
 * Number formats: the built-in codes a file refers to by id alone (ECMA-376 Part 1, 18.8.30), and
 * whether a code shows a date or time (so that the reader knows which numbers are dates).
 */

const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Ids Excel reserves for dates and times in East Asian locales; their codes depend on the locale. */
function isLocaleDateId(id: number): boolean {
  return (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/** The code of a built-in format id, or null for an id with no fixed code (shown as General). */
export function builtInFormat(id: number): string | null {
  if (BUILT_IN[id] !== undefined) return BUILT_IN[id];
  return isLocaleDateId(id) ? "yyyy-mm-dd" : null;
}

/**
 * Whether a format shows a date or time: a d, m, y, h or s outside quoted text, escapes (`\d`),
 * the space and fill characters of `_x` and `*x`, and brackets other than elapsed time (`[h]`).
 * The first section decides, as it does for positive numbers in Excel.
 */
export function isDateFormat(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    switch (ch) {
      case '"': {
        const close = code.indexOf('"', i + 1);
        i = close < 0 ? code.length : close;
        break;
      }
      case "\\":
      case "_":
      case "*":
        i++;
        break;
      case "[": {
        const close = code.indexOf("]", i + 1);
        const inside = code.slice(i + 1, close < 0 ? code.length : close);
        if (/^(h+|m+|s+)$/i.test(inside)) return true;
        i = close < 0 ? code.length : close;
        break;
      }
      case ";":
        return false;
      default:
        if ("dDmMyYhHsS".includes(ch)) return true;
    }
  }
  return false;
}
