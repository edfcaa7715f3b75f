/**
 * The VML drawing that shows a sheet's notes (`xl/drawings/vmlDrawingN.vml`): one hidden shape
 * per note, anchored to its cell. Legacy VML is not always well-formed XML (old files carry bare
 * `<br>`), so shapes are found and spliced as text: `<v:shape …>…</v:shape>` blocks under any
 * prefix (openpyxl writes `ns0:shape`), never parsed as a tree; everything else in the drawing
 * (form controls, the user's shapes) is kept as it is. The shapes added declare their own
 * namespaces, since a drawing's root need not.
 */

const NAMESPACES =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
/** The note shape type Excel writes (a text box, type 202). */
const NOTE_SHAPE_TYPE = `<v:shapetype ${NAMESPACES} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;
/** A shape's start, whatever its prefix: `<v:shape ` but not `<v:shapetype`. */
const SHAPE_START = /<([\w.-]+:)?shape(?=[\s/>])/g;
/** Shape ids come in blocks of 1,024 per drawing (`o:idmap`). */
const SHAPES_PER_BLOCK = 1024;

export interface NoteShape {
  /** 0-based cell. */
  row: number;
  col: number;
}

interface ShapeBlock {
  start: number;
  end: number;
  row: number | null;
  col: number | null;
  isNote: boolean;
  id: number | null;
}

/** The blocks (`data` of `o:idmap`) a drawing claims, so that a new drawing takes others. */
export function idBlocks(vml: string): number[] {
  const match = /<(?:[\w.-]+:)?idmap\b[^>]*\bdata="([^"]*)"/.exec(vml);
  return match
    ? match[1]
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number)
        .filter(Number.isInteger)
    : [];
}

/**
 * The drawing with a hidden note shape for each of `added` and the note shapes of `removed`
 * cells ("row,col" keys) taken out; null when it is left with no shape at all. `existing` is null
 * for a new drawing, which then claims block `newBlock`.
 */
export function editVmlDrawing(
  existing: string | null,
  added: NoteShape[],
  removed: ReadonlySet<string>,
  newBlock: number,
): string | null {
  let vml =
    existing ??
    `<xml ${NAMESPACES}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${newBlock}"/></o:shapelayout>${NOTE_SHAPE_TYPE}</xml>`;
  const blocks = shapeBlocks(vml);
  const kept = blocks.filter((b) => !(b.isNote && removed.has(`${b.row},${b.col}`)));
  let out = "";
  let at = 0;
  for (const b of blocks) {
    if (kept.includes(b)) continue;
    out += vml.slice(at, b.start);
    at = b.end;
  }
  vml = out + vml.slice(at);
  if (added.length === 0) return kept.length === 0 && !hasOtherContent(vml) ? null : vml;
  if (!vml.includes('id="_x0000_t202"')) vml = insertBeforeClose(vml, NOTE_SHAPE_TYPE);
  const block = idBlocks(vml)[0] ?? newBlock;
  let next = kept.reduce((most, b) => Math.max(most, b.id ?? 0), block * SHAPES_PER_BLOCK) + 1;
  // Shapes declare their namespaces unless the drawing's root does (ours does; openpyxl's does not).
  const declare = !vml.slice(0, vml.indexOf(">")).includes(NAMESPACES);
  return insertBeforeClose(vml, added.map((shape) => noteShapeXml(shape, next++, declare)).join(""));
}

function insertBeforeClose(vml: string, xml: string): string {
  const close = vml.lastIndexOf("</xml>");
  return close < 0 ? vml + xml : vml.slice(0, close) + xml + vml.slice(close);
}

/** Whether anything but the drawing's frame (its root, shape layout and shape types) is left. */
function hasOtherContent(vml: string): boolean {
  const frame = vml
    .replace(/<\?xml[^>]*\?>/g, "")
    .replace(/<([\w.-]+:)?shapelayout[\s\S]*?<\/([\w.-]+:)?shapelayout>/g, "")
    .replace(/<([\w.-]+:)?shapetype[\s\S]*?<\/([\w.-]+:)?shapetype>/g, "")
    .replace(/<\/?xml\b[^>]*>/g, "");
  return frame.trim() !== "";
}

/** Every shape block with the cell its ClientData anchors it to. Linear: one scan. */
function shapeBlocks(vml: string): ShapeBlock[] {
  const blocks: ShapeBlock[] = [];
  SHAPE_START.lastIndex = 0;
  for (let match = SHAPE_START.exec(vml); match; match = SHAPE_START.exec(vml)) {
    const start = match.index;
    const tagEnd = vml.indexOf(">", start);
    if (tagEnd < 0) break;
    const selfClosing = vml[tagEnd - 1] === "/";
    const closeTag = `</${match[1] ?? ""}shape>`;
    const close = selfClosing ? tagEnd + 1 : vml.indexOf(closeTag, tagEnd);
    if (close < 0) break;
    const end = selfClosing ? close : close + closeTag.length;
    const body = vml.slice(start, end);
    const id = /\bid="_x0000_s(\d+)"/.exec(body.slice(0, tagEnd - start + 1));
    blocks.push({
      start,
      end,
      row: numberIn(body, "Row"),
      col: numberIn(body, "Column"),
      isNote: /ObjectType="Note"/.test(body),
      id: id ? Number(id[1]) : null,
    });
    SHAPE_START.lastIndex = end;
  }
  return blocks;
}

/** The number in a ClientData child (`<x:Row>8</x:Row>`, any prefix). */
function numberIn(body: string, element: string): number | null {
  const match = new RegExp(`<(?:[\\w.-]+:)?${element}>\\s*(\\d+)\\s*</(?:[\\w.-]+:)?${element}>`).exec(body);
  return match ? Number(match[1]) : null;
}

/** A hidden note box to the right of its cell, as Excel draws one. */
function noteShapeXml({ row, col }: NoteShape, id: number, declare: boolean): string {
  const anchor = [col + 1, 15, Math.max(0, row - 1), 10, col + 3, 15, row + 3, 4].join(", ");
  return (
    `<v:shape${declare ? ` ${NAMESPACES}` : ""} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:5pt;width:160pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}
