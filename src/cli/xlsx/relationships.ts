/**
 * Package relationships (`_rels/*.rels`): how one part finds another. Sheets, shared strings,
 * styles, notes and their drawings are all found this way, whatever their part names; the writer
 * adds and removes relationships by splicing the part's text.
 */
import { posix } from "path";
import { XlsxPackage } from "./zip-package";
import { applyEdits, childrenNamed, escapeAttribute, indexXml, parsingPart, TextEdit, XmlElement } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points at (no leading slash), for an internal target. */
  part: string | null;
  element: XmlElement;
}

export interface Relationships {
  /** The rels part's name (it may not exist yet). */
  name: string;
  /** Its text, or null when the part does not exist. */
  text: string | null;
  list: Relationship[];
}

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** The namespace of relationship ids in the parts (`r:id`), and the stem of the relationship types. */
export const OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Relationship types the tool writes (it reads any namespace's, transitional or strict, by their last word). */
export const RELATIONSHIP_TYPE = {
  worksheet: `${OFFICE_RELATIONSHIPS}/worksheet`,
  comments: `${OFFICE_RELATIONSHIPS}/comments`,
  vmlDrawing: `${OFFICE_RELATIONSHIPS}/vmlDrawing`,
  styles: `${OFFICE_RELATIONSHIPS}/styles`,
};

/** `…/relationships/worksheet` and the strict `…/officeDocument/relationships/worksheet` are both "worksheet". */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; the package's own is `_rels/.rels`. */
export function relsPartName(source: string): string {
  const dir = posix.dirname(source);
  const file = posix.basename(source);
  return dir === "." ? `_rels/${file}.rels` : `${dir}/_rels/${file}.rels`;
}

/** A target as a part name: relative to the source part's folder, or absolute from the package root. */
function resolveTarget(source: string, target: string): string {
  const path = target.split("#")[0];
  const joined = path.startsWith("/") ? path : posix.join(posix.dirname(source), path);
  return posix.normalize(joined).replace(/^\/+/, "");
}

/** A target to write in `source`'s relationships for the part `part`. */
export function relativeTarget(source: string, part: string): string {
  return posix.relative(posix.dirname(source), part);
}

/** The relationships of part `source` (none when it has no rels part). */
export function readRelationships(pkg: XlsxPackage, source: string): Relationships {
  const name = relsPartName(source);
  const existing = pkg.part(name);
  if (!existing) return { name, text: null, list: [] };
  const text = pkg.text(existing.name);
  return { name: existing.name, text, list: parseRelationships(pkg.path, existing.name, source, text) };
}

function parseRelationships(path: string, name: string, source: string, text: string): Relationship[] {
  const root = parsingPart(path, name, () => indexXml(text));
  return childrenNamed(root, "Relationship").map((element) => {
    const { Id = "", Type = "", Target = "", TargetMode } = element.attributes;
    const external = TargetMode === "External";
    return {
      id: Id,
      type: Type,
      target: Target,
      external,
      part: external ? null : resolveTarget(source, Target),
      element,
    };
  });
}

/** The first relationship of a kind (`worksheet`, `sharedStrings`, …). */
export function findRelationship(rels: Relationships, kind: string): Relationship | undefined {
  return rels.list.find((r) => relationshipKind(r.type) === kind);
}

/** A relationship id not used in `rels`: `rIdSavingsCheck1`, … */
export function freeRelationshipId(rels: Relationships, taken: Set<string> = new Set()): string {
  const used = new Set([...rels.list.map((r) => r.id), ...taken]);
  for (let n = 1; ; n++) if (!used.has(`rIdSavingsCheck${n}`)) return `rIdSavingsCheck${n}`;
}

export interface NewRelationship {
  id: string;
  type: string;
  target: string;
}

/** The rels part's text with `added` appended and the relationships with ids in `removed` taken out. */
export function editRelationships(
  rels: Relationships,
  added: NewRelationship[],
  removed: Set<string> = new Set(),
): string {
  const xml = added
    .map(
      (r) =>
        `<Relationship Id="${escapeAttribute(r.id)}" Type="${escapeAttribute(r.type)}" Target="${escapeAttribute(r.target)}"/>`,
    )
    .join("");
  if (rels.text === null)
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${xml}</Relationships>`;
  const edits: TextEdit[] = rels.list
    .filter((r) => removed.has(r.id))
    .map((r) => ({ start: r.element.start, end: r.element.end, text: "" }));
  const root = indexXml(rels.text);
  if (xml)
    edits.push(
      root.selfClosing
        ? selfClosingToOpen(rels.text, root, xml)
        : { start: root.closeStart, end: root.closeStart, text: xml },
    );
  return applyEdits(rels.text, edits);
}

/** An edit turning `<x …/>` into `<x …>content</x>`. */
export function selfClosingToOpen(text: string, element: XmlElement, content: string): TextEdit {
  const tag = text.slice(element.start, element.end);
  return { start: element.start, end: element.end, text: `${tag.replace(/\s*\/>$/, ">")}${content}</${element.name}>` };
}
