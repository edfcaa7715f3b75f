/**
 * `docProps/app.xml` lists the sheet names (TitlesOfParts) under a heading with their count
 * (HeadingPairs). Annotating adds its two sheets to that list and clearing takes them out again.
 * The headings are in the language of the Excel that saved the file, so the sheets' heading is
 * the first one whose count is the workbook's number of worksheets; when there is none the part
 * is left as it is (Excel rewrites it on every save).
 */
import { XlsxPackage } from "./zip-package";
import {
  applyEdits,
  childNamed,
  childrenNamed,
  indexXml,
  parsingPart,
  setAttributeInTag,
  TextEdit,
  XmlElement,
  xstringText,
} from "./xml";

export const APP_PROPERTIES_PART = "docProps/app.xml";

/**
 * The part's text with `added` sheet names appended to the worksheets' titles and `removed` ones
 * taken out, or null when the part is missing or laid out otherwise.
 */
export function editAppProperties(
  pkg: XlsxPackage,
  worksheetCount: number,
  added: string[],
  removed: ReadonlySet<string>,
): string | null {
  if (!pkg.has(APP_PROPERTIES_PART)) return null;
  const name = pkg.part(APP_PROPERTIES_PART)!.name;
  const text = pkg.text(name);
  const root = parsingPart(pkg.path, name, () => indexXml(text));
  const headings = vectorOf(childNamed(root, "HeadingPairs"));
  const titles = vectorOf(childNamed(root, "TitlesOfParts"));
  if (!headings || !titles) return null;
  // Heading pairs alternate: a name (vt:variant > vt:lpstr), then its count (vt:variant > vt:i4).
  const variants = childrenNamed(headings, "vt:variant");
  const titleItems = childrenNamed(titles, "vt:lpstr");
  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countElement = childNamed(variants[i + 1], "vt:i4");
    const count = Number(countElement?.text);
    if (!countElement || !Number.isInteger(count)) return null;
    if (count !== worksheetCount) {
      offset += count;
      continue;
    }
    const ours = titleItems.slice(offset, offset + count).filter((t) => removed.has(t.text));
    const newCount = count - ours.length + added.length;
    const edits: TextEdit[] = ours.map((t) => ({ start: t.start, end: t.end, text: "" }));
    edits.push({ start: countElement.openEnd, end: countElement.closeStart, text: String(newCount) });
    const insertAt = offset + count < titleItems.length ? titleItems[offset + count].start : titles.closeStart;
    edits.push({
      start: insertAt,
      end: insertAt,
      text: added.map((n) => `<vt:lpstr>${xstringText(n)}</vt:lpstr>`).join(""),
    });
    const size = String(titleItems.length - ours.length + added.length);
    edits.push({
      start: titles.start,
      end: titles.openEnd,
      text: setAttributeInTag(text.slice(titles.start, titles.openEnd), "size", size),
    });
    return applyEdits(text, edits);
  }
  return null;
}

function vectorOf(element: XmlElement | undefined): XmlElement | undefined {
  return element ? childNamed(element, "vt:vector") : undefined;
}
