/**
 * Following Office's theme: Office.context.officeTheme says whether Office is dark. Outside Office
 * (a browser, the tests) there is no theme to follow and the pane is light.
 */
export function officeIsDark(): boolean {
  const theme = typeof Office === "undefined" ? undefined : Office.context?.officeTheme;
  if (!theme) return false;
  return typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : isDarkColour(theme.bodyBackgroundColor);
}

/** Older hosts give only colours: a "#RRGGBB" background darker than mid-grey means a dark theme. */
export function isDarkColour(colour: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? "");
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
