/**
 * The workbook part and its relationships, as Excel finds them: the package's relationships name
 * the workbook part; the workbook lists its sheets in tab order with their visibility, and its
 * relationships say which part holds each sheet, whatever its name. Also the date system, and the
 * parts every sheet shares (shared strings, styles).
 */
import { UsageError } from "../command";
import { findRelationship, readRelationships, Relationship, relationshipKind, Relationships } from "./relationships";
import { XlsxPackage } from "./zip-package";
import { childNamed, childrenNamed, indexXml, parsingPart, relationshipIdOf, XmlElement } from "./xml";

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface WorkbookSheet {
  name: string;
  sheetId: string;
  visibility: SheetVisibility;
  /** The relationship id naming its part. */
  relationshipId: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`… (the relationship's kind). */
  kind: string;
  /** Its part, or null when the relationship is missing. */
  part: string | null;
  /** Its `<sheet>` element in the workbook part. */
  element: XmlElement;
}

export interface WorkbookPart {
  /** The workbook part's name (`xl/workbook.xml`). */
  name: string;
  text: string;
  root: XmlElement;
  relationships: Relationships;
  sheets: WorkbookSheet[];
  /** Dates count from 1904-01-01 (a Mac setting) rather than 1900-01-00. */
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const DEFAULT_WORKBOOK_PART = "xl/workbook.xml";

export function readWorkbookPart(pkg: XlsxPackage): WorkbookPart {
  const office = findRelationship(readRelationships(pkg, ""), "officeDocument");
  const name = pkg.part(office?.part ?? DEFAULT_WORKBOOK_PART)?.name;
  if (!name) throw new UsageError(`${pkg.path} is a zip file but not an .xlsx workbook (no workbook part)`);
  const text = pkg.text(name);
  const root = parsingPart(pkg.path, name, () => indexXml(text));
  const relationships = readRelationships(pkg, name);
  const byId = new Map<string, Relationship>(relationships.list.map((r) => [r.id, r]));
  const sheetsElement = childNamed(root, "sheets");
  const sheets = (sheetsElement ? childrenNamed(sheetsElement, "sheet") : []).map((element): WorkbookSheet => {
    const relationshipId = relationshipIdOf(element.attributes) ?? "";
    const rel = byId.get(relationshipId);
    const part = rel?.part ? (pkg.part(rel.part)?.name ?? null) : null;
    return {
      name: element.attributes.name ?? "",
      sheetId: element.attributes.sheetId ?? "",
      visibility: visibilityOf(element.attributes.state),
      relationshipId,
      kind: rel ? relationshipKind(rel.type) : "worksheet",
      part,
      element,
    };
  });
  const properties = childNamed(root, "workbookPr");
  const partOf = (kind: string) => {
    const rel = findRelationship(relationships, kind);
    return rel?.part ? (pkg.part(rel.part)?.name ?? null) : null;
  };
  return {
    name,
    text,
    root,
    relationships,
    sheets,
    date1904: isTrue(properties?.attributes.date1904),
    sharedStringsPart: partOf("sharedStrings"),
    stylesPart: partOf("styles"),
  };
}

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** xsd:boolean: "1" or "true". */
export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}
