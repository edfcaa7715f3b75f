/**
 * The VML drawing that shows a sheet's notes (`xl/drawings/vmlDrawingN.vml`): one hidden shape
 * per note, anchored to its cell. Legacy VML is not always well-formed XML (old files carry bare
 * `<br>`), so shapes are found and spliced as text: `<v:shape …>…</v:shape>` blocks, never parsed
 * as a tree; everything else in the drawing (form controls, the user's shapes) is kept as it is.
 */

const VML_HEADER =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">';
/** The note shape type Excel writes (a text box, type 202). */
const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
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
  const match = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(vml);
  return match ? match[1].split(/[\s,]+/).filter(Boolean).map(Number).filter(Number.isInteger) : [];
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
  let vml = existing ?? `${VML_HEADER}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${newBlock}"/></o:shapelayout>${NOTE_SHAPE_TYPE}</xml>`;
  const blocks = shapeBlocks(vml);
  const kept = blocks.filter((b) => !(b.isNote && removed.has(`${b.row},${b.col}`)));
  if (kept.length === 0 && added.length === 0) return null;
  let out = "";
  let at = 0;
  for (const b of blocks) {
    if (kept.includes(b)) continue;
    out += vml.slice(at, b.start);
    at = b.end;
  }
  vml = out + vml.slice(at);
  if (added.length === 0) return vml;
  if (!vml.includes('id="_x0000_t202"')) vml = insertBeforeClose(vml, NOTE_SHAPE_TYPE);
  const block = idBlocks(vml)[0] ?? newBlock;
  let next = kept.reduce((most, b) => Math.max(most, b.id ?? 0), block * SHAPES_PER_BLOCK) + 1;
  return insertBeforeClose(vml, added.map((shape) => noteShapeXml(shape, next++)).join(""));
}

function insertBeforeClose(vml: string, xml: string): string {
  const close = vml.lastIndexOf("</xml>");
  return close < 0 ? vml + xml : vml.slice(0, close) + xml + vml.slice(close);
}

/** Every `<v:shape>` block with the cell its ClientData anchors it to. Linear: one scan with indexOf. */
function shapeBlocks(vml: string): ShapeBlock[] {
  const blocks: ShapeBlock[] = [];
  for (let start = vml.indexOf("<v:shape"); start >= 0; start = vml.indexOf("<v:shape", start + 1)) {
    const after = vml[start + "<v:shape".length];
    if (after !== " " && after !== ">" && after !== "\n" && after !== "\r" && after !== "\t") continue; // <v:shapetype
    const tagEnd = vml.indexOf(">", start);
    if (tagEnd < 0) break;
    const selfClosing = vml[tagEnd - 1] === "/";
    const close = selfClosing ? tagEnd + 1 : vml.indexOf("</v:shape>", tagEnd);
    if (close < 0) break;
    const end = selfClosing ? close : close + "</v:shape>".length;
    const body = vml.slice(start, end);
    const id = /\bid="_x0000_s(\d+)"/.exec(body.slice(0, tagEnd - start + 1));
    blocks.push({
      start,
      end,
      row: numberIn(body, "x:Row"),
      col: numberIn(body, "x:Column"),
      isNote: /ObjectType="Note"/.test(body),
      id: id ? Number(id[1]) : null,
    });
    start = end - 1;
  }
  return blocks;
}

function numberIn(body: string, element: string): number | null {
  const match = new RegExp(`<${element}>\\s*(\\d+)\\s*</${element}>`).exec(body);
  return match ? Number(match[1]) : null;
}

/** A hidden note box to the right of its cell, as Excel draws one. */
function noteShapeXml({ row, col }: NoteShape, id: number): string {
  const anchor = [col + 1, 15, Math.max(0, row - 1), 10, col + 3, 15, row + 3, 4].join(", ");
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:5pt;width:160pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}
