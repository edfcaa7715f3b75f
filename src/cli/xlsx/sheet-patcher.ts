/**
 * Cell formats of a worksheet part, read and changed while it streams: which format a cell
 * wears now (its own, or the row's or column's it inherits when it has no cell element), and a
 * copy of the part with some cells given other formats, cell elements added or taken away again,
 * and the `<legacyDrawing>` that shows notes added or removed. Everything else is copied as
 * written, a chunk at a time.
 */
import { EXCEL_MAX_COLUMNS, toA1 } from "../../core/grid";
import { CellCursor } from "./cell-cursor";
import { OFFICE_RELATIONSHIPS } from "./relationships";
import { isTrue } from "./workbook-part";
import { XlsxPackage } from "./zip-package";
import { parsingPart, relationshipIdOf, removeAttributeFromTag, setAttributeInTag, XmlTag, xmlParser } from "./xml";

/** Worksheet children that come after `<legacyDrawing>` in the schema. */
const AFTER_LEGACY_DRAWING = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** A cell's key in the maps below: one number for row and column. */
export function cellKey(row: number, col: number): number {
  return row * EXCEL_MAX_COLUMNS + col;
}

/** The A1 address of a cellKey. */
export function cellOfKey(key: number): string {
  return toA1(Math.floor(key / EXCEL_MAX_COLUMNS), key % EXCEL_MAX_COLUMNS);
}

export interface CellFormatNow {
  /** The cell format index it shows. */
  style: number;
  /** Whether it has a cell element (a cell with no element shows its row's or column's format). */
  exists: boolean;
  /** Its element has no `s` attribute (format 0 by default). */
  bare?: boolean;
}

export interface SheetProbe {
  cells: Map<number, CellFormatNow>;
  /** How many cells, formatted rows and columns use each cell format index. */
  styleUse: Map<number, number>;
  /** The relationship id of the sheet's `<legacyDrawing>` (the VML drawing of its notes), or null. */
  legacyDrawing: string | null;
}

/** The formats `wanted` cells wear now, and every format the sheet uses. */
export function probeSheet(pkg: XlsxPackage, part: string, wanted: ReadonlySet<number>): SheetProbe {
  const cells = new Map<number, CellFormatNow>();
  const styleUse = new Map<number, number>();
  const use = (style: number) => styleUse.set(style, (styleUse.get(style) ?? 0) + 1);
  let legacyDrawing: string | null = null;
  const columns: { min: number; max: number; style: number }[] = [];
  const rowStyles = new Map<number, number>();
  const wantedRows = new Set([...wanted].map((key) => Math.floor(key / EXCEL_MAX_COLUMNS)));
  const cursor = new CellCursor();
  const parser = xmlParser();
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === "c") {
      const col = cursor.enterCell(a.r);
      const style = Number(a.s ?? 0);
      use(style);
      const key = cellKey(cursor.row, col);
      if (wanted.has(key))
        cells.set(key, a.s === undefined ? { style, exists: true, bare: true } : { style, exists: true });
    } else if (tag.name === "row") {
      const row = cursor.enterRow(a.r);
      if (isTrue(a.customFormat) && a.s !== undefined) {
        use(Number(a.s));
        if (wantedRows.has(row)) rowStyles.set(row, Number(a.s));
      }
    } else if (tag.name === "col" && a.style !== undefined) {
      use(Number(a.style));
      columns.push({ min: Number(a.min) - 1, max: Number(a.max) - 1, style: Number(a.style) });
    } else if (localName(tag.name) === "legacyDrawing") legacyDrawing = relationshipIdOf(a);
  });
  streamPart(pkg, part, parser, null);
  for (const key of wanted) {
    if (cells.has(key)) continue;
    const row = Math.floor(key / EXCEL_MAX_COLUMNS);
    const col = key % EXCEL_MAX_COLUMNS;
    const style = rowStyles.get(row) ?? columns.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
    cells.set(key, { style, exists: false });
  }
  return { cells, styleUse, legacyDrawing };
}

export interface CellRestyle {
  style: number;
  /** The cell element was added by annotating: take it away again if it still holds nothing. */
  dropIfEmpty?: boolean;
  /** Format 0 by leaving out the `s` attribute, as the cell had it. */
  bare?: boolean;
}

export interface SheetPatch {
  /** New formats by cellKey; a cell without an element gets one (unless dropIfEmpty). */
  cells: Map<number, CellRestyle>;
  /** Add a `<legacyDrawing>` with this relationship id, or remove the one with it. */
  legacyDrawing: { add: string } | { remove: string } | null;
}

/**
 * Streams `part` with `patch` applied into `out`, a chunk of text at a time. Returns every cell
 * format index the patched sheet uses.
 */
export function patchSheet(
  pkg: XlsxPackage,
  part: string,
  patch: SheetPatch,
  out: (text: string) => void,
): Set<number> {
  const usedStyles = new Set<number>();
  const splice = new Splicer(out);
  const cursor = new CellCursor();
  const parser = xmlParser(true);
  // Cells to add, by row, in column order; rows in order.
  const additions = new Map<number, number[]>();
  for (const [key, restyle] of patch.cells) {
    if (restyle.dropIfEmpty) continue;
    const row = Math.floor(key / EXCEL_MAX_COLUMNS);
    (additions.get(row) ?? additions.set(row, []).get(row)!).push(key % EXCEL_MAX_COLUMNS);
  }
  const addRows = [...additions.keys()].sort((a, b) => a - b);
  for (const cols of additions.values()) cols.sort((a, b) => a - b);
  let nextRow = 0; // index into addRows of the first row not yet reached
  let rowAdditions: number[] = [];
  let nextCol = 0;
  let depth = 0;
  let drawingPlaced = patch.legacyDrawing === null || "remove" in patch.legacyDrawing;
  let rootOpenTag = "";
  // A cell element that annotating added, held back until it is known whether it holds anything.
  let held: { start: number; end: number; tag: string; style: number } | null = null;
  // The start of a <legacyDrawing> being removed, until its end tag.
  let removingDrawing: number | null = null;

  const newCell = (row: number, col: number) => {
    const style = patch.cells.get(cellKey(row, col))!.style;
    usedStyles.add(style);
    return `<c r="${toA1(row, col)}" s="${style}"/>`;
  };
  const cellsBefore = (row: number, col: number) => {
    let xml = "";
    while (nextCol < rowAdditions.length && rowAdditions[nextCol] < col) xml += newCell(row, rowAdditions[nextCol++]);
    if (nextCol < rowAdditions.length && rowAdditions[nextCol] === col) nextCol++; // it exists: restyled, not added
    return xml;
  };
  const rowsBefore = (row: number) => {
    let xml = "";
    while (nextRow < addRows.length && addRows[nextRow] < row) {
      const r = addRows[nextRow++];
      xml += `<row r="${r + 1}">${additions
        .get(r)!
        .map((c) => newCell(r, c))
        .join("")}</row>`;
    }
    return xml;
  };
  const drawingXml = (id: string) => {
    const prefix = new RegExp(`\\sxmlns:([\\w.-]+)="${OFFICE_RELATIONSHIPS.replace(/[./]/g, "\\$&")}"`).exec(
      rootOpenTag,
    )?.[1];
    return prefix
      ? `<legacyDrawing ${prefix}:id="${id}"/>`
      : `<legacyDrawing xmlns:r="${OFFICE_RELATIONSHIPS}" r:id="${id}"/>`;
  };
  const placeDrawing = (at: number) => {
    if (drawingPlaced || patch.legacyDrawing === null || !("add" in patch.legacyDrawing)) return;
    splice.insert(at, drawingXml(patch.legacyDrawing.add));
    drawingPlaced = true;
  };
  const releaseHeld = () => {
    if (!held) return;
    splice.release();
    splice.replace(held.start, held.end, withStyle(held.tag, { style: held.style }));
    usedStyles.add(held.style);
    held = null;
  };
  const removesDrawing = (a: Record<string, string>) =>
    patch.legacyDrawing !== null &&
    "remove" in patch.legacyDrawing &&
    relationshipIdOf(a) === patch.legacyDrawing.remove;

  parser.on("opentag", (tag: XmlTag) => {
    const end = parser.position;
    const start = splice.tagStart(end);
    const name = localName(tag.name);
    const a = tag.attributes;
    depth++;
    if (held) releaseHeld(); // the held cell has content
    if (depth === 1) rootOpenTag = splice.text(start, end);
    if (depth === 2 && AFTER_LEGACY_DRAWING.has(name)) placeDrawing(start);
    switch (name) {
      case "sheetData":
        if (tag.isSelfClosing)
          splice.replace(
            start,
            end,
            `${splice.text(start, end).replace(/\s*\/>$/, ">")}${rowsBefore(Infinity)}</${tag.name}>`,
          );
        break;
      case "row": {
        const row = cursor.enterRow(a.r);
        const before = rowsBefore(row);
        rowAdditions = nextRow < addRows.length && addRows[nextRow] === row ? additions.get(addRows[nextRow++])! : [];
        nextCol = 0;
        if (isTrue(a.customFormat) && a.s !== undefined) usedStyles.add(Number(a.s));
        if (tag.isSelfClosing && rowAdditions.length > 0) {
          const cells = rowAdditions.map((c) => newCell(row, c)).join("");
          splice.replace(
            start,
            end,
            `${before}${splice.text(start, end).replace(/\s*\/>$/, ">")}${cells}</${tag.name}>`,
          );
          rowAdditions = [];
        } else if (before) splice.insert(start, before);
        break;
      }
      case "c": {
        const col = cursor.enterCell(a.r);
        const before = cellsBefore(cursor.row, col);
        if (before) splice.insert(start, before);
        const restyle = patch.cells.get(cellKey(cursor.row, col));
        if (!restyle) {
          usedStyles.add(Number(a.s ?? 0));
          break;
        }
        const tagText = splice.text(start, end);
        if (!restyle.dropIfEmpty) {
          splice.replace(start, end, withStyle(tagText, restyle));
          usedStyles.add(restyle.style);
        } else if (tag.isSelfClosing) splice.replace(start, end, "");
        else {
          held = { start, end, tag: tagText, style: restyle.style };
          splice.hold(start);
        }
        break;
      }
      case "col":
        if (a.style !== undefined) usedStyles.add(Number(a.style));
        break;
      case "legacyDrawing":
        if (!removesDrawing(a)) break;
        if (tag.isSelfClosing) splice.replace(start, end, "");
        else {
          removingDrawing = start;
          splice.hold(start);
        }
        break;
    }
    splice.eventAt(end);
  });
  parser.on("closetag", (tag: XmlTag) => {
    const end = parser.position;
    const name = localName(tag.name);
    if (!tag.isSelfClosing) {
      const closeStart = splice.closeTagStart(end);
      if (name === "c" && held) {
        // Nothing came inside: the element annotating added goes again.
        splice.release();
        splice.replace(held.start, end, "");
        held = null;
      } else if (name === "legacyDrawing" && removingDrawing !== null) {
        splice.release();
        splice.replace(removingDrawing, end, "");
        removingDrawing = null;
      } else if (name === "row" && nextCol < rowAdditions.length) {
        splice.insert(
          closeStart,
          rowAdditions
            .slice(nextCol)
            .map((c) => newCell(cursor.row, c))
            .join(""),
        );
        nextCol = rowAdditions.length;
      } else if (name === "sheetData") splice.insert(closeStart, rowsBefore(Infinity));
      else if (depth === 1) placeDrawing(closeStart);
    }
    depth--;
    splice.eventAt(end);
  });
  streamPart(pkg, part, parser, splice);
  splice.end();
  return usedStyles;
}

/** A cell's start tag with its `s` attribute set (or left out, for a bare format 0). */
function withStyle(tag: string, restyle: CellRestyle): string {
  return restyle.bare && restyle.style === 0
    ? removeAttributeFromTag(tag, "s")
    : setAttributeInTag(tag, "s", String(restyle.style));
}

/** Feeds the part to the parser chunk by chunk (through the splicer, when copying it). */
function streamPart(
  pkg: XlsxPackage,
  part: string,
  parser: ReturnType<typeof xmlParser>,
  splice: Splicer | null,
): void {
  parsingPart(pkg.path, part, () => {
    pkg.stream(part, (chunk) => {
      splice?.push(chunk);
      parser.write(chunk);
      splice?.flush();
    });
    parser.close();
  });
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A streamed text copied to `out` with splices at absolute offsets. Text is kept only from the
 * last parser event on (edits are never earlier), or from a held offset.
 */
class Splicer {
  private buffer = "";
  /** Absolute offset of buffer[0]. */
  private base = 0;
  /** Absolute offset of the end of the text pushed so far. */
  private pushed = 0;
  private lastEvent = 0;
  private holdAt: number | null = null;

  constructor(private readonly out: (text: string) => void) {}

  /** Called with each chunk before the parser sees it. */
  push(chunk: string): void {
    this.buffer += chunk;
    this.pushed += chunk.length;
  }

  text(start: number, end: number): string {
    return this.buffer.slice(start - this.base, end - this.base);
  }

  /** Offset of the `<` of the tag that ends at `end` (no attribute value holds a `<`). */
  tagStart(end: number): number {
    return this.base + this.buffer.lastIndexOf("<", end - 1 - this.base);
  }

  closeTagStart(end: number): number {
    return this.base + this.buffer.lastIndexOf("</", end - 1 - this.base);
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  replace(start: number, end: number, text: string): void {
    this.copyTo(start);
    if (text) this.out(text);
    this.buffer = this.buffer.slice(end - this.base);
    this.base = end;
  }

  hold(at: number): void {
    this.holdAt = at;
  }

  release(): void {
    this.holdAt = null;
  }

  eventAt(offset: number): void {
    this.lastEvent = offset;
  }

  /** Copies out what no edit can touch any more. */
  flush(): void {
    this.copyTo(Math.min(this.lastEvent, this.holdAt ?? Infinity));
  }

  end(): void {
    this.copyTo(this.pushed);
  }

  private copyTo(offset: number): void {
    if (offset <= this.base) return;
    this.out(this.buffer.slice(0, offset - this.base));
    this.buffer = this.buffer.slice(offset - this.base);
    this.base = offset;
  }
}
