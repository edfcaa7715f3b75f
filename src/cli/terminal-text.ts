/**
 * Workbook text shown on a terminal: control characters (line breaks, ESC sequences, other C0
 * and C1 codes) and the Unicode marks that reorder or break lines are shown escaped, so that a
 * label can neither forge a line of the report nor hide the rest of it.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with every unsafe character as `\n`, `\x1b` or `\u202e`. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return (
      NAMED[ch] ??
      (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`)
    );
  });
}
