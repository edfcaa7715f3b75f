/**
 * XML as the package parts need it: a SAX parser (saxes) set up once, an index of where each
 * element of a small part starts and ends (so that a part is changed by splicing its text, and
 * everything the tool does not understand is kept as written), text edits, and the escapes of
 * XML and of SpreadsheetML strings (`_x000D_`).
 */
import { SaxesParser, SaxesTagPlain } from "saxes";
import { UsageError } from "../command";

export type XmlTag = SaxesTagPlain;

/** A SAX parser over a part's text, with positions (plain string offsets) tracked or not. */
export function xmlParser(positions = false): SaxesParser<{}> {
  return new SaxesParser({ position: positions });
}

/** Runs `parse`, turning a parser's complaint about bad XML into a one-line UsageError naming the part. */
export function parsingPart<T>(path: string, part: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(`${path} is damaged: ${part} is not well-formed XML (${reason})`);
  }
}

/** One element of an indexed part, by string offsets into the part's text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Offset of its `<`. */
  start: number;
  /** Offset just after its start tag's `>`. */
  openEnd: number;
  /** Offset of its end tag's `<` (openEnd when it closes itself). */
  closeStart: number;
  /** Offset just after its end. */
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
  /** Its text content, for elements without children (an author's name, a `<t>`). */
  text: string;
}

/** The element tree of a small part (workbook, relationships, styles, comments), with offsets. */
export function indexXml(text: string): XmlElement {
  const parser = xmlParser(true);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("opentag", (tag) => {
    const openEnd = parser.position;
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      // An attribute value cannot hold a `<`, so the last one before the tag's end is its start.
      start: text.lastIndexOf("<", openEnd - 1),
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: "",
    };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("text", (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    const element = stack.pop()!;
    element.end = parser.position;
    element.closeStart = element.selfClosing ? element.end : text.lastIndexOf("</", element.end - 1);
  });
  parser.write(text).close();
  if (!root) throw new Error("no root element");
  return root;
}

/** The children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** The `r:id` of an element, whatever prefix the part gives the relationships namespace. */
export function relationshipIdOf(attributes: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(attributes)) if (name.endsWith(":id")) return value;
  return null;
}

/** A replacement of text[start, end) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits that do not overlap (insertions at one offset keep their order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** An edit setting one attribute of a start tag (`tag` is its text), keeping the rest as written. */
export function setAttributeInTag(tag: string, name: string, value: string): string {
  const quoted = `${name}="${escapeAttribute(value)}"`;
  const existing = attributePattern(name).exec(tag);
  if (existing) return tag.slice(0, existing.index + 1) + quoted + tag.slice(existing.index + existing[0].length);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, "")} ${quoted}${tag.slice(close)}`;
}

/** The start tag's text without the attribute `name`. */
export function removeAttributeFromTag(tag: string, name: string): string {
  const existing = attributePattern(name).exec(tag);
  return existing ? tag.slice(0, existing.index) + tag.slice(existing.index + existing[0].length) : tag;
}

/** ` name="…"` (or with single quotes) preceded by white space: a prefixed `x:name` never matches. */
function attributePattern(name: string): RegExp {
  return new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

/** Element content: a carriage return is escaped too, or a parser would read it as a line feed. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (ch) => ESCAPES[ch]);
}

/** An attribute value in double quotes; white space escaped, or a parser would read it as spaces. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (ch) => ESCAPES[ch]);
}

/**
 * SpreadsheetML strings (cell text, notes, formulas, format codes) carry characters XML cannot
 * hold as `_xHHHH_`; a literal `_x0041_` is written `_x005F_x0041_`.
 */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The inverse of decodeXstring, for text the tool writes. */
function encodeXstring(text: string): string {
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    .replace(
      // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these, so they are escaped
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    )
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Text as the content of an element that keeps its spaces: `<t xml:space="preserve">`. */
export function xstringText(text: string): string {
  return escapeText(encodeXstring(text));
}
