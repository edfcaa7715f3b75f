/**
 * The styles part (`styles.xml`): the number format of each cell format (`cellXfs`), for reading;
 * and, for annotating, new fills, fonts and cell formats APPENDED after the workbook's own, so that
 * every index the sheets already use keeps its meaning. Clearing finds a cell's format again with
 * its old fill, and takes off the tail what annotating appended once nothing uses it.
 */
import { UsageError } from "../command";
import { builtInFormat } from "./number-formats";
import { XlsxPackage } from "./zip-package";
import {
  applyEdits,
  childNamed,
  childrenNamed,
  decodeXstring,
  indexXml,
  parsingPart,
  removeAttributeFromTag,
  setAttributeInTag,
  TextEdit,
  XmlElement,
} from "./xml";

/** The lists of styles.xml that annotating appends to, in the order the schema puts them. */
const LISTS = ["fonts", "fills", "cellXfs"] as const;
export type StyleList = (typeof LISTS)[number];
/** Counts of each list: what the workbook had before annotating appended to it. */
export type StyleCounts = Record<StyleList, number>;

const ITEM: Record<StyleList, string> = { fonts: "font", fills: "fill", cellXfs: "xf" };
/** Every element of the stylesheet in schema order, to place a list that is missing. */
const SCHEMA_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
/** What a list starts with when the file has none: Excel reserves fills 0 and 1. */
const DEFAULT_ITEMS: Record<StyleList, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};
const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';

export class StylesPart {
  /** Item texts per list: the file's own, then what was appended. */
  private readonly items: Record<StyleList, string[]>;
  private readonly original: StyleCounts;
  private readonly root: XmlElement;
  /** Indices of items by their canonical text, to reuse an equal item rather than append a twin. */
  private readonly lookup: Record<StyleList, Map<string, number>>;
  /** Items dropped from the tail by trim(). */
  private readonly trimmed: StyleCounts = { fonts: 0, fills: 0, cellXfs: 0 };
  private readonly cellStyleXfs: string[];

  private constructor(
    /** The part's name, or null when the workbook has none (a minimal one is then written). */
    readonly name: string | null,
    private readonly text: string,
    path: string,
  ) {
    this.root = parsingPart(path, name ?? "styles.xml", () => indexXml(text));
    const texts = (list: string, item: string) => {
      const container = childNamed(this.root, list);
      return container ? childrenNamed(container, item).map((e) => text.slice(e.start, e.end)) : [];
    };
    this.items = { fonts: texts("fonts", "font"), fills: texts("fills", "fill"), cellXfs: texts("cellXfs", "xf") };
    this.cellStyleXfs = texts("cellStyleXfs", "xf");
    this.original = {
      fonts: this.items.fonts.length,
      fills: this.items.fills.length,
      cellXfs: this.items.cellXfs.length,
    };
    this.lookup = { fonts: new Map(), fills: new Map(), cellXfs: new Map() };
    for (const list of LISTS) {
      if (this.items[list].length === 0) this.items[list].push(...DEFAULT_ITEMS[list]);
      this.items[list].forEach((item, i) => {
        const key = canonical(item);
        if (!this.lookup[list].has(key)) this.lookup[list].set(key, i);
      });
    }
  }

  static read(pkg: XlsxPackage, part: string | null): StylesPart {
    return part === null
      ? new StylesPart(null, MINIMAL_STYLES, pkg.path)
      : new StylesPart(part, pkg.text(part), pkg.path);
  }

  /** Number format code of each cell format (null for General), `numFmts` and built-in ids resolved. */
  numberFormats(): (string | null)[] {
    const custom = new Map<number, string>();
    const numFmts = childNamed(this.root, "numFmts");
    for (const e of numFmts ? childrenNamed(numFmts, "numFmt") : [])
      custom.set(Number(e.attributes.numFmtId), decodeXstring(e.attributes.formatCode ?? ""));
    return this.items.cellXfs.map((xf) => {
      const id = Number(attributeOf(xf, "numFmtId") ?? 0);
      const code = custom.get(id) ?? builtInFormat(id);
      return code === null || code === "General" ? null : code;
    });
  }

  /** Counts before anything was appended (what the record keeps). */
  get originalCounts(): StyleCounts {
    return { ...this.original };
  }

  has(list: StyleList, index: number): boolean {
    return index >= 0 && index < this.items[list].length;
  }

  /** The fill of cell format `xf` as XML (`<fill>…</fill>`); no fill when the index is unknown. */
  fillOf(xf: number): string {
    return this.items.fills[this.fillIdOf(xf)] ?? DEFAULT_ITEMS.fills[0];
  }

  private fillIdOf(xf: number): number {
    return Number(attributeOf(this.items.cellXfs[xf] ?? "", "fillId") ?? 0);
  }

  /** The index of `item` in `list`: an equal existing one, or a new one appended. */
  add(list: StyleList, item: string): number {
    const key = canonical(item);
    const found = this.lookup[list].get(key);
    if (found !== undefined) return found;
    this.items[list].push(item);
    this.lookup[list].set(key, this.items[list].length - 1);
    return this.items[list].length - 1;
  }

  /** Cell format `xf` with its fill replaced by `fill` (XML), found or appended. */
  withFill(xf: number, fill: string): number {
    return this.add("cellXfs", this.formatWithFill(xf, this.add("fills", fill)));
  }

  /** The index of cell format `xf` with its fill replaced by `fill`, if the workbook has it; nothing is appended. */
  lookupFill(xf: number, fill: string): number | undefined {
    const fillId = this.lookup.fills.get(canonical(fill));
    return fillId === undefined ? undefined : this.lookup.cellXfs.get(canonical(this.formatWithFill(xf, fillId)));
  }

  private formatWithFill(xf: number, fillId: number): string {
    const base = this.items.cellXfs[xf] ?? this.items.cellXfs[0];
    const open = openingTag(base);
    const tag = setAttributeInTag(open, "fillId", String(fillId));
    return (
      (fillId === 0 ? removeAttributeFromTag(tag, "applyFill") : setAttributeInTag(tag, "applyFill", "1")) +
      base.slice(open.length)
    );
  }

  /**
   * A cell format whose font is font 0 (the workbook's default) with some of its properties set
   * (`{ b: "<b/>", sz: '<sz val="14"/>' }` replaces or adds `<b>` and `<sz>`), aligned to the top
   * of its cell, with `wrap` wrapping its text, with `left` aligned left (numbers too).
   */
  withFormat(properties: Record<string, string>, { wrap = false, left = false } = {}): number {
    const base = this.items.fonts[0];
    const open = openingTag(base);
    let body = open.endsWith("/>") ? "" : base.slice(open.length, base.lastIndexOf("</"));
    for (const name of Object.keys(properties)) body = body.replace(new RegExp(`<${name}(\\s[^>]*)?/>`, "g"), "");
    const font = `${open.replace(/\s*\/>$/, ">")}${Object.values(properties).join("")}${body}</font>`;
    const fontId = Object.keys(properties).length === 0 ? 0 : this.add("fonts", font);
    const applyFont = fontId === 0 ? "" : ' applyFont="1"';
    const alignment = `<alignment${left ? ' horizontal="left"' : ""} vertical="top"${wrap ? ' wrapText="1"' : ""}/>`;
    return this.add(
      "cellXfs",
      `<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${applyFont} applyAlignment="1">${alignment}</xf>`,
    );
  }

  /**
   * Takes off the tail of each list what was appended after `since` (the counts before
   * annotating) and nothing uses now: cell formats not in `usedXfs`, then fonts and fills no cell
   * format refers to.
   */
  trim(since: StyleCounts, usedXfs: ReadonlySet<number>): void {
    const xfs = this.items.cellXfs;
    while (xfs.length > Math.max(1, since.cellXfs) && !usedXfs.has(xfs.length - 1)) this.drop("cellXfs");
    for (const [list, attribute] of [
      ["fills", "fillId"],
      ["fonts", "fontId"],
    ] as const) {
      const used = new Set([...xfs, ...this.cellStyleXfs].map((xf) => Number(attributeOf(xf, attribute) ?? 0)));
      const minimum = list === "fills" ? 2 : 1;
      while (this.items[list].length > Math.max(minimum, since[list]) && !used.has(this.items[list].length - 1))
        this.drop(list);
    }
  }

  private drop(list: StyleList): void {
    const item = this.items[list].pop()!;
    const key = canonical(item);
    if (this.lookup[list].get(key) === this.items[list].length) this.lookup[list].delete(key);
    this.trimmed[list]++;
  }

  /** Whether the part's text changes (something appended and kept, or trimmed). */
  get changed(): boolean {
    return LISTS.some((list) => this.items[list].length !== this.original[list] || this.trimmed[list] > 0);
  }

  /** The part's text: the original with each list's additions appended (or tail trimmed) and its count set. */
  toXml(): string {
    const edits: TextEdit[] = [];
    for (const list of LISTS) {
      const container = childNamed(this.root, list);
      const items = this.items[list];
      if (!container) {
        edits.push({
          ...insertionPoint(this.root, list),
          text: `<${list} count="${items.length}">${items.join("")}</${list}>`,
        });
        continue;
      }
      const elements = childrenNamed(container, ITEM[list]);
      const kept = Math.min(elements.length, items.length);
      const openTag = this.text.slice(container.start, container.openEnd);
      const counted = setAttributeInTag(openTag, "count", String(items.length));
      if (container.selfClosing) {
        edits.push({
          start: container.start,
          end: container.end,
          text: `${counted.replace(/\s*\/>$/, ">")}${items.join("")}</${list}>`,
        });
        continue;
      }
      edits.push({ start: container.start, end: container.openEnd, text: counted });
      if (kept < elements.length)
        edits.push({ start: elements[kept].start, end: elements[elements.length - 1].end, text: "" });
      if (items.length > kept)
        edits.push({ start: container.closeStart, end: container.closeStart, text: items.slice(kept).join("") });
    }
    return applyEdits(this.text, edits);
  }
}

/** Where a missing list goes: before the first element that follows it in the schema. */
function insertionPoint(root: XmlElement, list: string): { start: number; end: number } {
  const after = SCHEMA_ORDER.slice(SCHEMA_ORDER.indexOf(list) + 1);
  const next = root.children.find((c) => after.includes(c.name));
  if (next) return { start: next.start, end: next.start };
  if (root.selfClosing) throw new UsageError("the workbook's styles part is empty");
  return { start: root.closeStart, end: root.closeStart };
}

function openingTag(item: string): string {
  return item.slice(0, item.indexOf(">") + 1);
}

/** The value of an attribute of an item's opening tag. */
function attributeOf(item: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(openingTag(item));
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Items compare without the white space between their tags. */
function canonical(item: string): string {
  return item.replace(/>\s+</g, "><").trim();
}
