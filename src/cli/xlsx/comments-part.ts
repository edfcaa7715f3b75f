/**
 * Notes (legacy comments, `xl/commentsN.xml`) and threaded comments of a sheet: read as plain text
 * by cell, and, for annotating, the comments part with notes added or taken away by splicing its
 * text, so that every note of the user's stays exactly as written.
 */
import { toA1 } from "../../core/grid";
import { cellIndex } from "./cell-cursor";
import { Relationships, relationshipKind, selfClosingToOpen } from "./relationships";
import { XlsxPackage } from "./zip-package";
import {
  applyEdits,
  childNamed,
  childrenNamed,
  decodeXstring,
  escapeAttribute,
  indexXml,
  parsingPart,
  TextEdit,
  XmlElement,
  xstringText,
} from "./xml";

/** The author of the notes annotating adds (Excel shows it with the note). */
export const NOTE_AUTHOR = "Savings check";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export interface SheetNotes {
  /** The legacy comments part and its relationship id, when the sheet has one. */
  comments: { part: string; relationshipId: string } | null;
  /** Note text by A1 address: the legacy note, or else the first comment of a thread. */
  notes: Map<string, string>;
}

/** The notes of a sheet, from its relationships. */
export function readSheetNotes(pkg: XlsxPackage, rels: Relationships): SheetNotes {
  const notes = new Map<string, string>();
  let comments: SheetNotes["comments"] = null;
  for (const rel of rels.list) {
    const kind = relationshipKind(rel.type);
    const part = rel.part ? pkg.part(rel.part)?.name : undefined;
    if (!part) continue;
    if (kind === "comments") {
      comments = { part, relationshipId: rel.id };
      for (const note of parseComments(pkg, part).notes) notes.set(note.cell, note.text);
    } else if (kind === "threadedComment") {
      for (const [cell, text] of threadedComments(pkg, part)) if (!notes.has(cell)) notes.set(cell, text);
    }
  }
  return { comments, notes };
}

interface ParsedNote {
  cell: string;
  text: string;
  authorId: string;
  element: XmlElement;
}

interface ParsedComments {
  text: string;
  root: XmlElement;
  authors: string[];
  authorsElement: XmlElement | undefined;
  listElement: XmlElement | undefined;
  notes: ParsedNote[];
}

function parseComments(pkg: XlsxPackage, part: string): ParsedComments {
  const text = pkg.text(part);
  return parseCommentsText(pkg.path, part, text);
}

function parseCommentsText(path: string, part: string, text: string): ParsedComments {
  const root = parsingPart(path, part, () => indexXml(text));
  const authorsElement = childNamed(root, "authors");
  const listElement = childNamed(root, "commentList");
  const notes = (listElement ? childrenNamed(listElement, "comment") : []).flatMap((element) => {
    const at = cellIndex(element.attributes.ref ?? "");
    if (!at) return [];
    return [
      { cell: toA1(at.row, at.col), text: plainText(element), authorId: element.attributes.authorId ?? "", element },
    ];
  });
  return {
    text,
    root,
    authors: authorsElement ? childrenNamed(authorsElement, "author").map((a) => a.text) : [],
    authorsElement,
    listElement,
    notes,
  };
}

/** The text a note shows: its `<t>` runs joined, phonetic guides left out. */
function plainText(element: XmlElement): string {
  let text = "";
  const visit = (e: XmlElement) => {
    if (e.name === "rPh") return;
    if (e.name === "t") text += e.text;
    e.children.forEach(visit);
  };
  visit(element);
  return decodeXstring(text);
}

/** The first comment of each thread, by cell. */
function threadedComments(pkg: XlsxPackage, part: string): Map<string, string> {
  const root = parsingPart(pkg.path, part, () => indexXml(pkg.text(part)));
  const threads = new Map<string, string>();
  for (const comment of childrenNamed(root, "threadedComment")) {
    const at = cellIndex(comment.attributes.ref ?? "");
    const text = childNamed(comment, "text")?.text ?? "";
    if (at && !comment.attributes.parentId && !threads.has(toA1(at.row, at.col)))
      threads.set(toA1(at.row, at.col), text);
  }
  return threads;
}

export interface NoteToAdd {
  cell: string;
  text: string;
}

/**
 * The comments part's text with `added` notes (by NOTE_AUTHOR) and the notes on `removed` cells
 * taken out; null when no note is left (the part is then dropped). `existing` is the part's
 * current text, or null when the sheet has none.
 */
export function editComments(
  path: string,
  part: string,
  existing: string | null,
  added: NoteToAdd[],
  removed: ReadonlySet<string>,
): string | null {
  const parsed = existing === null ? null : parseCommentsText(path, part, existing);
  const kept = (parsed?.notes ?? []).filter((n) => !removed.has(n.cell));
  if (kept.length === 0 && added.length === 0) return null;
  if (parsed === null) {
    const list = added.map((n) => commentXml(n, "0")).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${xstringText(NOTE_AUTHOR)}</author></authors><commentList>${list}</commentList></comments>`;
  }
  const edits: TextEdit[] = parsed.notes
    .filter((n) => removed.has(n.cell))
    .map((n) => ({ start: n.element.start, end: n.element.end, text: "" }));
  let authors = parsed.authors;
  let authorId = authors.indexOf(NOTE_AUTHOR);
  if (added.length > 0 && authorId < 0) {
    authorId = authors.length;
    authors = [...authors, NOTE_AUTHOR];
    edits.push(appendTo(parsed, parsed.authorsElement, "authors", `<author>${xstringText(NOTE_AUTHOR)}</author>`));
  }
  if (added.length > 0)
    edits.push(
      appendTo(parsed, parsed.listElement, "commentList", added.map((n) => commentXml(n, String(authorId))).join("")),
    );
  // Our author goes again once no note of its own is left and it was the last one added.
  const ours = String(parsed.authors.indexOf(NOTE_AUTHOR));
  if (
    added.length === 0 &&
    parsed.authors[parsed.authors.length - 1] === NOTE_AUTHOR &&
    !kept.some((n) => n.authorId === ours)
  ) {
    const last = childrenNamed(parsed.authorsElement!, "author").pop()!;
    edits.push({ start: last.start, end: last.end, text: "" });
  }
  return applyEdits(parsed.text, edits);
}

/** An edit appending `xml` inside `element` (created, in schema order, when missing). */
function appendTo(parsed: ParsedComments, element: XmlElement | undefined, name: string, xml: string): TextEdit {
  if (!element) {
    // authors comes first, commentList second.
    const at = name === "authors" ? parsed.root.openEnd : (parsed.authorsElement?.end ?? parsed.root.openEnd);
    return { start: at, end: at, text: `<${name}>${xml}</${name}>` };
  }
  if (element.selfClosing) return selfClosingToOpen(parsed.text, element, xml);
  return { start: element.closeStart, end: element.closeStart, text: xml };
}

/** One note, its text in a run (`<r>`): valid without one too, but some readers (exceljs) see only runs. */
function commentXml(note: NoteToAdd, authorId: string): string {
  return `<comment ref="${escapeAttribute(note.cell)}" authorId="${authorId}" shapeId="0"><text><r><t xml:space="preserve">${xstringText(note.text)}</t></r></text></comment>`;
}
