/**
 * Hand-made .xlsx packages for the tests: parts written as text and zipped with fflate, so that a
 * test controls every byte the file host will read (part names, relationships, features that no
 * library writes for us).
 */
import { strToU8, zipSync } from "fflate";
import { writeFileSync } from "fs";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
};
export const REL = (kind: string) => `${NS.r}/${kind}`;
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export interface SheetSpec {
  name: string;
  /** Part name (default xl/worksheets/sheetN.xml). */
  part?: string;
  /** The whole worksheet part. */
  xml: string;
  state?: "hidden" | "veryHidden";
  rels?: Relationship[];
}

/** A package being assembled: parts by name, content types, the workbook's sheets and relationships. */
export class PackageBuilder {
  readonly parts = new Map<string, string | Uint8Array>();
  readonly overrides = new Map<string, string>();
  readonly defaults = new Map<string, string>([
    ["rels", "application/vnd.openxmlformats-package.relationships+xml"],
    ["xml", "application/xml"],
  ]);
  readonly rootRels: Relationship[] = [
    { id: "rId1", type: REL("officeDocument"), target: "xl/workbook.xml" },
    {
      id: "rId2",
      type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      target: "docProps/core.xml",
    },
    { id: "rId3", type: REL("extended-properties"), target: "docProps/app.xml" },
  ];
  readonly workbookRels: Relationship[] = [];
  readonly sheets: (SheetSpec & { id: string; part: string })[] = [];
  /** Elements of the workbook part, by where they go. */
  workbookPr = "<workbookPr/>";
  beforeSheets = "";
  afterSheets = "";
  /** Extra root namespace declarations of the workbook part. */
  workbookNamespaces = "";
  styles = defaultStyles();
  sharedStrings: string[] = [];
  /** Write the sheet parts in reverse order in the zip (the workbook's relationships still order them). */
  reverseZipOrder = false;

  addSheet(sheet: SheetSpec): void {
    const part = sheet.part ?? `xl/worksheets/sheet${this.sheets.length + 1}.xml`;
    this.sheets.push({ ...sheet, part, id: `rId${100 + this.sheets.length}` });
  }

  /** Adds a part with its content type (an override). */
  addPart(name: string, content: string | Uint8Array, contentType?: string): void {
    this.parts.set(name, content);
    if (contentType) this.overrides.set(name, contentType);
  }

  /** The parts, in the order they go into the zip. */
  build(): Map<string, string | Uint8Array> {
    const out = new Map<string, string | Uint8Array>();
    const types = new Map(this.overrides);
    types.set("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    types.set("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    types.set("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    types.set("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    const workbookRels = [
      ...this.sheets.map((s) => ({ id: s.id, type: REL("worksheet"), target: relative("xl/workbook.xml", s.part) })),
      { id: "rIdStyles", type: REL("styles"), target: "styles.xml" },
      ...this.workbookRels,
    ];
    if (this.sharedStrings.length > 0) {
      workbookRels.push({ id: "rIdStrings", type: REL("sharedStrings"), target: "sharedStrings.xml" });
      types.set(
        "xl/sharedStrings.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
      );
    }
    for (const s of this.sheets)
      types.set(s.part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    const typesXml =
      [...this.defaults].map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join("") +
      [...types].map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join("");
    out.set("[Content_Types].xml", `${DECLARATION}<Types xmlns="${NS.types}">${typesXml}</Types>`);
    out.set("_rels/.rels", relsXml(this.rootRels));
    out.set("docProps/app.xml", appXml(this.sheets.map((s) => s.name)));
    out.set(
      "docProps/core.xml",
      `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Finance</dc:creator></cp:coreProperties>`,
    );
    const sheetsXml = this.sheets
      .map(
        (s) =>
          `<sheet name="${s.name}" sheetId="${this.sheets.indexOf(s) + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="${s.id}"/>`,
      )
      .join("");
    out.set(
      "xl/workbook.xml",
      `${DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"${this.workbookNamespaces}>${this.workbookPr}${this.beforeSheets}<sheets>${sheetsXml}</sheets>${this.afterSheets}</workbook>`,
    );
    out.set("xl/_rels/workbook.xml.rels", relsXml(workbookRels));
    out.set("xl/styles.xml", this.styles);
    if (this.sharedStrings.length > 0)
      out.set(
        "xl/sharedStrings.xml",
        `${DECLARATION}<sst xmlns="${NS.main}" count="${this.sharedStrings.length}" uniqueCount="${this.sharedStrings.length}">${this.sharedStrings.join("")}</sst>`,
      );
    const sheets = this.reverseZipOrder ? [...this.sheets].reverse() : this.sheets;
    for (const s of sheets) {
      out.set(s.part, s.xml);
      if (s.rels) out.set(relsPartOf(s.part), relsXml(s.rels));
    }
    for (const [name, content] of this.parts) out.set(name, content);
    return out;
  }

  write(path: string): void {
    writePackage(path, this.build());
  }
}

export function writePackage(path: string, parts: Map<string, string | Uint8Array>): void {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of parts) files[name] = typeof content === "string" ? strToU8(content) : content;
  writeFileSync(path, zipSync(files, { level: 6 }));
}

export function relsXml(rels: Relationship[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  return `${DECLARATION}<Relationships xmlns="${NS.rels}">${items}</Relationships>`;
}

/** `xl/worksheets/sheet1.xml` -> `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** A target for `part`, relative to `source`'s folder. */
export function relative(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function worksheetXml(body: { before?: string; rows: string; after?: string; namespaces?: string }): string {
  return `${DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"${body.namespaces ?? ""}>${body.before ?? ""}<sheetData>${body.rows}</sheetData>${body.after ?? ""}</worksheet>`;
}

function appXml(sheets: string[]): string {
  return (
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${s}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`
  );
}

/** Excel's default styles with a few number formats: General, 0.0\%, quoted text, sections, a date. */
function defaultStyles(): string {
  return (
    `${DECLARATION}<styleSheet xmlns="${NS.main}">` +
    '<numFmts count="4"><numFmt numFmtId="164" formatCode="0.0\\%"/><numFmt numFmtId="165" formatCode="#,##0&quot; (£000)&quot;"/>' +
    '<numFmt numFmtId="166" formatCode="[Red][&lt;0]\\-#,##0.0;[Blue]#,##0.0;&quot;nil&quot;"/><numFmt numFmtId="167" formatCode="dd/mm/yyyy"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF92D050"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="3" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>' +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>'
  );
}

/** A shared string item: plain, or rich text runs (the second bold), optionally with a phonetic guide. */
export function sharedString(...runs: string[]): string {
  if (runs.length === 1) return `<si><t xml:space="preserve">${runs[0]}</t></si>`;
  return `<si>${runs.map((text, i) => `<r>${i === 1 ? "<rPr><b/></rPr>" : ""}<t xml:space="preserve">${text}</t></r>`).join("")}<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`;
}
