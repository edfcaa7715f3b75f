/**
 * `[Content_Types].xml`: the content type of every part, by override or by extension. Annotating
 * adds the types of its own parts and clearing removes them again; every other entry stays as
 * written.
 */
import { partKey, XlsxPackage } from "./zip-package";
import { applyEdits, childrenNamed, escapeAttribute, indexXml, parsingPart, TextEdit } from "./xml";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vmlDrawing: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/**
 * The content types with overrides for `added` parts (name -> type) and without those of
 * `removed` parts. Added parts always get an override, even a `.vml` one, so that clearing can
 * take away exactly what annotating added.
 */
export function editContentTypes(
  pkg: XlsxPackage,
  added: ReadonlyMap<string, string>,
  removed: ReadonlySet<string>,
): string {
  const text = pkg.text(CONTENT_TYPES_PART);
  const root = parsingPart(pkg.path, CONTENT_TYPES_PART, () => indexXml(text));
  const removedKeys = new Set([...removed].map(partKey));
  const edits: TextEdit[] = childrenNamed(root, "Override")
    .filter((o) => removedKeys.has(partKey(o.attributes.PartName ?? "")))
    .map((o) => ({ start: o.start, end: o.end, text: "" }));
  let xml = "";
  for (const [part, type] of added)
    xml += `<Override PartName="/${escapeAttribute(part.replace(/^\/+/, ""))}" ContentType="${escapeAttribute(type)}"/>`;
  if (xml) edits.push({ start: root.closeStart, end: root.closeStart, text: xml });
  return applyEdits(text, edits);
}
