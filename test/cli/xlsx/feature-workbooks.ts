/**
 * Workbooks for the fidelity tests, made part by part: a plain savings workbook (a summary table
 * with a planted fault, shared and rich strings, inline strings, formats with escapes and quoted
 * text, shared formulas, a formula with no cached value, merged cells, hidden rows and columns, a
 * hidden list sheet) and each Excel feature the annotated copy must keep, added to it one at a
 * time. A feature never changes what the check reads: its workbook and the plain one give the
 * same grids.
 */
import { NS, PackageBuilder, REL, relsPartOf, sharedString, worksheetXml } from "../../support/xlsx-package";

/** Worksheet children in schema order: a feature fills its slots, the sheet is assembled in this order. */
const SLOTS = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetProtection",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "pageMargins",
  "drawing",
  "legacyDrawing",
  "tableParts",
] as const;
type Slot = (typeof SLOTS)[number];

export interface SummarySheet {
  name: string;
  part: string;
  slots: Partial<Record<Slot, string>>;
  rels: { id: string; type: string; target: string; external?: boolean }[];
}

export interface FeatureWorkbook {
  builder: PackageBuilder;
  summary: SummarySheet;
  /** Serial numbers of dates are written for the 1904 date system. */
  date1904: boolean;
}

/** Excel serial of 2023-04-01 in the 1900 date system. */
const REPORT_DATE_1900 = 45017;

const STRINGS = [
  sharedString("Table 1. Children's Services workstreams and savings targets"),
  sharedString("Workstream"),
  sharedString("Total Budget"),
  sharedString("Full Year Savings Proposals"),
  sharedString("Savings Proposals as % of Budget"),
  sharedString("£000"),
  sharedString("%"),
  sharedString("Children's ", "Social Care Transformation"),
  sharedString("School Improvement Services"),
  sharedString("Home to School Transport"),
  sharedString("TOTAL"),
  sharedString("Report date"),
  sharedString("Row Labels"),
  sharedString("Sum of Budget"),
  sharedString("RAG"),
  sharedString("Red"),
  sharedString("Amber"),
  sharedString("Green"),
];

const s = (ref: string, index: number, style = 0) =>
  `<c r="${ref}" t="s"${style ? ` s="${style}"` : ""}><v>${index}</v></c>`;
const n = (ref: string, value: number, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;

/** The plain workbook, as a builder a feature can add to. */
export function plainWorkbook(options: { date1904?: boolean; summaryPart?: string } = {}): FeatureWorkbook {
  const date1904 = options.date1904 ?? false;
  const builder = new PackageBuilder();
  builder.sharedStrings = [...STRINGS];
  if (date1904) builder.workbookPr = '<workbookPr date1904="1"/>';
  const rows = [
    `<row r="1">${s("A1", 0, 5)}</row>`,
    `<row r="3">${s("A3", 1)}${s("B3", 2)}${s("C3", 3)}${s("D3", 4)}</row>`,
    `<row r="4">${s("B4", 5)}${s("C4", 5)}${s("D4", 6)}</row>`,
    `<row r="5">${s("A5", 7)}${n("B5", 87282, 7)}${n("C5", 21890, 7)}${n("D5", 25.1, 1)}</row>`,
    `<row r="6" hidden="1"><c r="A6" t="inlineStr"><is><t>Children with Disabilities</t></is></c>${n("B6", 17514, 7)}${n("C6", 3000, 7)}${n("D6", 17.1, 1)}</row>`,
    `<row r="7">${s("A7", 8)}${n("B7", 1368, 6)}${n("C7", 59, 7)}${n("D7", 4.3, 1)}</row>`,
    `<row r="8">${s("A8", 9)}${n("B8", 28241, 7)}${n("C8", 2800, 7)}${n("D8", 9.9, 1)}</row>`,
    `<row r="9">${s("A9", 10)}<c r="B9" s="7"><f t="shared" ref="B9:C9" si="0">SUM(B5:B8)</f><v>134405</v></c>` +
      `<c r="C9" s="7"><f t="shared" si="0"/><v>27749</v></c>${n("D9", 22.6, 1)}<c r="E9"><f>B9*2</f></c></row>`,
    `<row r="11">${s("A11", 11)}${n("B11", date1904 ? REPORT_DATE_1900 - 1462 : REPORT_DATE_1900, 4)}${n("C11", -12.5, 3)}</row>`,
    `<row r="12">${n("B12", 30100, 2)}<c r="H12" t="e"><v>#DIV/0!</v></c><c r="H13" t="b"><v>1</v></c></row>`,
    `<row r="14">${s("H14", 12)}${s("I14", 13)}</row>`,
    `<row r="15">${s("H15", 1)}${n("I15", 134405)}</row>`,
  ].join("");
  const summary: SummarySheet = {
    name: "Summary",
    part: options.summaryPart ?? "xl/worksheets/sheet1.xml",
    slots: {
      cols: '<cols><col min="6" max="6" width="3" hidden="1" customWidth="1"/></cols>',
      sheetData: rows,
      mergeCells: '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>',
      pageMargins: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    },
    rels: [],
  };
  const lists = `<row r="1">${s("A1", 14)}</row><row r="2">${s("A2", 15)}</row><row r="3">${s("A3", 16)}</row><row r="4">${s("A4", 17)}</row>`;
  builder.addSheet({
    name: "Lists",
    part: "xl/worksheets/sheet2.xml",
    xml: worksheetXml({ rows: lists }),
    state: "hidden",
  });
  return { builder, summary, date1904 };
}

/** Writes the workbook: the summary sheet assembled from its slots, first in tab order. */
export function buildFeatureWorkbook(workbook: FeatureWorkbook, path: string): void {
  const { builder, summary } = workbook;
  const xml = worksheetXml({
    namespaces: ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
    before: SLOTS.slice(0, SLOTS.indexOf("sheetData"))
      .map((slot) => summary.slots[slot] ?? "")
      .join(""),
    rows: summary.slots.sheetData ?? "",
    after: SLOTS.slice(SLOTS.indexOf("sheetData") + 1)
      .map((slot) => summary.slots[slot] ?? "")
      .join(""),
  });
  builder.sheets.unshift({
    name: summary.name,
    part: summary.part,
    xml,
    rels: summary.rels.length ? summary.rels : undefined,
    id: "rIdSummary",
  });
  builder.write(path);
}

export interface Feature {
  name: string;
  apply(workbook: FeatureWorkbook): void;
}

const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

function anchor(from: [number, number], to: [number, number], content: string): string {
  return `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${content}<xdr:clientData/></xdr:twoCellAnchor>`;
}

/** A drawing on the summary sheet holding `anchors`, with its own relationships. */
function addDrawing(
  workbook: FeatureWorkbook,
  anchors: string,
  rels: { id: string; type: string; target: string }[],
): void {
  const { builder, summary } = workbook;
  builder.addPart(
    "xl/drawings/drawing1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${NS.r}" xmlns:c="${C}">${anchors}</xdr:wsDr>`,
    DRAWING_TYPE,
  );
  builder.addPart(relsPartOf("xl/drawings/drawing1.xml"), relsXmlOf(rels));
  summary.rels.push({ id: "rIdDrawing", type: REL("drawing"), target: "../drawings/drawing1.xml" });
  summary.slots.drawing = '<drawing r:id="rIdDrawing"/>';
}

function relsXmlOf(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("")}</Relationships>`;
}

const chartFeature: Feature = {
  name: "a chart",
  apply(workbook) {
    const chart =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${NS.r}"><c:chart><c:plotArea><c:layout/>` +
      '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>' +
      '<c:cat><c:strRef><c:f>Summary!$A$5:$A$8</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Summary!$C$5:$C$8</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="4"/>' +
      '<c:pt idx="0"><c:v>21890</c:v></c:pt><c:pt idx="1"><c:v>3000</c:v></c:pt><c:pt idx="2"><c:v>59</c:v></c:pt><c:pt idx="3"><c:v>2800</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>' +
      '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
      '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
    workbook.builder.addPart(
      "xl/charts/chart1.xml",
      chart,
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    );
    const frame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Savings chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
    addDrawing(workbook, anchor([9, 16], [15, 30], frame), [
      { id: "rIdChart", type: REL("chart"), target: "../charts/chart1.xml" },
    ]);
  },
};

const imageFeature: Feature = {
  name: "an image",
  apply(workbook) {
    workbook.builder.defaults.set("png", "image/png");
    workbook.builder.addPart("xl/media/image1.png", PNG);
    const picture = `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Council logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;
    addDrawing(workbook, anchor([6, 0], [7, 2], picture), [
      { id: "rIdImage", type: REL("image"), target: "../media/image1.png" },
    ]);
  },
};

const pivotFeature: Feature = {
  name: "a pivot table and its cache",
  apply({ builder, summary }) {
    builder.addPart(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rIdRecords" refreshOnLoad="1" recordCount="4"><cacheSource type="worksheet"><worksheetSource ref="A3:B8" sheet="Summary"/></cacheSource>` +
        '<cacheFields count="2"><cacheField name="Workstream" numFmtId="0"><sharedItems count="1"><s v="Social care"/></sharedItems></cacheField><cacheField name="Total Budget" numFmtId="0"><sharedItems containsNumber="1" containsInteger="1" minValue="1368" maxValue="87282"/></cacheField></cacheFields></pivotCacheDefinition>',
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
    );
    builder.addPart(
      "xl/pivotCache/pivotCacheRecords1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${NS.main}" count="1"><r><x v="0"/><n v="87282"/></r></pivotCacheRecords>`,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
    );
    builder.addPart(
      relsPartOf("xl/pivotCache/pivotCacheDefinition1.xml"),
      relsXmlOf([{ id: "rIdRecords", type: REL("pivotCacheRecords"), target: "pivotCacheRecords1.xml" }]),
    );
    builder.addPart(
      "xl/pivotTables/pivotTable1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${NS.main}" name="Budgets" cacheId="5" dataCaption="Values"><location ref="H14:I15" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
        '<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="2"><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
        '<rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Sum of Budget" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>',
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
    );
    builder.addPart(
      relsPartOf("xl/pivotTables/pivotTable1.xml"),
      relsXmlOf([
        { id: "rIdCache", type: REL("pivotCacheDefinition"), target: "../pivotCache/pivotCacheDefinition1.xml" },
      ]),
    );
    builder.workbookRels.push({
      id: "rIdPivotCache",
      type: REL("pivotCacheDefinition"),
      target: "pivotCache/pivotCacheDefinition1.xml",
    });
    builder.afterSheets += '<pivotCaches><pivotCache cacheId="5" r:id="rIdPivotCache"/></pivotCaches>';
    summary.rels.push({ id: "rIdPivot", type: REL("pivotTable"), target: "../pivotTables/pivotTable1.xml" });
  },
};

const externalLinkFeature: Feature = {
  name: "an external link",
  apply({ builder }) {
    builder.addPart(
      "xl/externalLinks/externalLink1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${NS.main}" xmlns:r="${NS.r}"><externalBook r:id="rIdSource"><sheetNames><sheetName val="Rates"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>0.031</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
    );
    builder.addPart(
      relsPartOf("xl/externalLinks/externalLink1.xml"),
      relsXmlOf([
        {
          id: "rIdSource",
          type: REL("externalLinkPath"),
          target: "file:///S:/Finance/Rates%202024.xlsx",
          external: true,
        },
      ]),
    );
    builder.workbookRels.push({
      id: "rIdExternal",
      type: REL("externalLink"),
      target: "externalLinks/externalLink1.xml",
    });
    builder.afterSheets += '<externalReferences><externalReference r:id="rIdExternal"/></externalReferences>';
  },
};

const customPropertiesFeature: Feature = {
  name: "custom document properties (a classification label)",
  apply({ builder }) {
    builder.addPart(
      "docProps/custom.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property></Properties>',
      "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    );
    builder.rootRels.push({ id: "rId4", type: REL("custom-properties"), target: "docProps/custom.xml" });
  },
};

const protectionFeature: Feature = {
  name: "workbook and sheet protection with passwords",
  apply({ builder, summary }) {
    builder.beforeSheets +=
      '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="x1Vl4Dr8+4cJ0YvCGY5pbS3J2Z8=" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>';
    summary.slots.sheetProtection = '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>';
  },
};

const namesFeature: Feature = {
  name: "sheet-scoped defined names",
  apply({ builder }) {
    builder.afterSheets +=
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Summary!$A$1:$D$9</definedName>' +
      '<definedName name="Rate" localSheetId="1">Lists!$A$2</definedName><definedName name="Target">Summary!$B$12</definedName></definedNames>';
  },
};

const validationFeature: Feature = {
  name: "data validation",
  apply({ summary }) {
    summary.slots.dataValidations =
      '<dataValidations count="3"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="B5:B8"><formula1>0</formula1></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" sqref="E5:E8"><formula1>Lists!$A$2:$A$4</formula1></dataValidation>' +
      '<dataValidation type="decimal" operator="between" sqref="D5:D8"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>';
  },
};

const conditionalFormattingFeature: Feature = {
  name: "conditional formatting",
  apply({ builder, summary }) {
    builder.styles = builder.styles.replace(
      '<dxfs count="0"/>',
      '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>',
    );
    summary.slots.conditionalFormatting =
      '<conditionalFormatting sqref="D5:D8"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>20</formula></cfRule></conditionalFormatting>';
  },
};

/** The legacy parts that show notes: a comments part and its VML drawing. */
export function addNotes(
  workbook: FeatureWorkbook,
  notes: { cell: string; row: number; col: number; text: string }[],
  extraAttributes = "",
): void {
  const { builder, summary } = workbook;
  builder.addPart(
    "xl/comments1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"${extraAttributes}><authors><author>Jo Finance</author></authors><commentList>${notes
      .map(
        (note) =>
          `<comment ref="${note.cell}" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>Jo Finance:</t></r><r><t xml:space="preserve">\n${note.text}</t></r></text></comment>`,
      )
      .join("")}</commentList></comments>`,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  );
  workbook.builder.defaults.set("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
  const shapes = notes
    .map(
      (note, i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`,
    )
    .join("");
  builder.addPart(
    "xl/drawings/vmlDrawing1.vml",
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`,
  );
  summary.rels.push({ id: "rIdComments", type: REL("comments"), target: "../comments1.xml" });
  summary.rels.push({ id: "rIdVml", type: REL("vmlDrawing"), target: "../drawings/vmlDrawing1.vml" });
  summary.slots.legacyDrawing = '<legacyDrawing r:id="rIdVml"/>';
}

const notesFeature: Feature = {
  name: "notes, one on an empty cell and one on a finding cell",
  apply(workbook) {
    addNotes(workbook, [
      { cell: "F20", row: 19, col: 5, text: "A note on an empty cell" },
      { cell: "C9", row: 8, col: 2, text: "Agreed with the head of finance" },
    ]);
  },
};

const threadedCommentsFeature: Feature = {
  name: "threaded comments",
  apply(workbook) {
    const { builder, summary } = workbook;
    // Excel writes a threaded comment twice: the thread, and a legacy note for older versions.
    addNotes(workbook, [{ cell: "D9", row: 8, col: 3, text: "[Threaded comment]\nIs 22.6% right?" }]);
    builder.addPart(
      "xl/threadedComments/threadedComment1.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<threadedComment ref="D9" dT="2026-11-01T09:00:00.00" personId="{6B8A0D5B-0000-0000-0000-000000000001}" id="{0B7B2E9A-0000-0000-0000-000000000001}"><text>Is 22.6% right?</text></threadedComment>' +
        '<threadedComment ref="D9" dT="2026-11-01T10:00:00.00" personId="{6B8A0D5B-0000-0000-0000-000000000001}" id="{0B7B2E9A-0000-0000-0000-000000000002}" parentId="{0B7B2E9A-0000-0000-0000-000000000001}"><text>Checking.</text></threadedComment></ThreadedComments>',
      "application/vnd.ms-excel.threadedcomments+xml",
    );
    builder.addPart(
      "xl/persons/person.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="Jo Finance" id="{6B8A0D5B-0000-0000-0000-000000000001}" userId="jo@council.gov.uk" providerId="AD"/></personList>',
      "application/vnd.ms-excel.person+xml",
    );
    builder.workbookRels.push({
      id: "rIdPersons",
      type: "http://schemas.microsoft.com/office/2017/10/relationships/person",
      target: "persons/person.xml",
    });
    summary.rels.push({
      id: "rIdThreads",
      type: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
      target: "../threadedComments/threadedComment1.xml",
    });
  },
};

const tableFeature: Feature = {
  name: "an Excel table",
  apply({ builder, summary }) {
    builder.addPart(
      "xl/tables/table1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="1" name="Workstreams" displayName="Workstreams" ref="A3:D8" totalsRowShown="0"><autoFilter ref="A3:D8"/><tableColumns count="4"><tableColumn id="1" name="Workstream"/><tableColumn id="2" name="Total Budget"/><tableColumn id="3" name="Full Year Savings Proposals"/><tableColumn id="4" name="Savings Proposals as % of Budget"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
    );
    summary.rels.push({ id: "rIdTable", type: REL("table"), target: "../tables/table1.xml" });
    summary.slots.tableParts = '<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts>';
  },
};

const partNamesFeature: Feature = {
  name: "non-standard part names and a zip order unlike the tab order",
  apply(workbook) {
    workbook.summary.part = "xl/sheets/summary-data.xml";
    workbook.builder.sheets[0].part = "xl/lists.xml";
    workbook.builder.reverseZipOrder = true;
  },
};

/** Each feature on its own; the 1904 date system is an option of the plain workbook. */
export const FEATURES: Feature[] = [
  chartFeature,
  imageFeature,
  pivotFeature,
  externalLinkFeature,
  customPropertiesFeature,
  protectionFeature,
  namesFeature,
  validationFeature,
  conditionalFormattingFeature,
  notesFeature,
  threadedCommentsFeature,
  tableFeature,
  partNamesFeature,
];

/** Every feature at once (notes and threaded comments share one comments part, so only the threads). */
export function everythingWorkbook(): FeatureWorkbook {
  const workbook = plainWorkbook({ date1904: true });
  for (const feature of FEATURES) if (feature !== notesFeature && feature !== chartFeature) feature.apply(workbook);
  return workbook;
}
