/**
 * The changes annotating or clearing makes to a package, gathered and then turned into parts:
 * per sheet, cell formats, notes added and removed (with their comments part, VML drawing,
 * relationships and `<legacyDrawing>`); sheets added, replaced or removed (workbook part, its
 * relationships, defined names and views, content types, app properties); and the styles part.
 * Only those parts change; every other part is copied as it is.
 */
import { UsageError } from "../command";
import { editAppProperties, APP_PROPERTIES_PART } from "./app-properties";
import { cellIndex } from "./cell-cursor";
import { editComments, NoteToAdd, readSheetNotes, SheetNotes } from "./comments-part";
import { CONTENT_TYPE, CONTENT_TYPES_PART, editContentTypes } from "./content-types";
import { PackageChanges } from "./package-writer";
import {
  editRelationships,
  freeRelationshipId,
  NewRelationship,
  OFFICE_RELATIONSHIPS,
  readRelationships,
  relationshipKind,
  Relationships,
  relativeTarget,
  relsPartName,
  RELATIONSHIP_TYPE,
} from "./relationships";
import { CellFormatNow, cellKey, CellRestyle, patchSheet, probeSheet, SheetProbe } from "./sheet-patcher";
import { SheetVisibility, WorkbookSheet } from "./workbook-part";
import { WorkbookPackage } from "./workbook-file";
import { editVmlDrawing, idBlocks } from "./vml-drawing";
import { applyEdits, childNamed, childrenNamed, escapeAttribute, escapeText, setAttributeInTag, TextEdit } from "./xml";

/** What one sheet carries now (its relationships, notes, `<legacyDrawing>`) and the changes queued for it. */
interface SheetState {
  sheet: WorkbookSheet;
  rels: Relationships;
  notes: SheetNotes;
  /** The relationship id of its `<legacyDrawing>` (null: none), once a probe has read it. */
  legacyDrawing?: string | null;
  /** The last probe of the sheet and the cells it read, reused while no other cells are asked for. */
  probed?: { cells: Set<number>; probe: SheetProbe };
  restyles: Map<number, CellRestyle>;
  notesAdded: NoteToAdd[];
  notesRemoved: Set<string>;
}

/** A defined name scoped to one sheet: `_xlnm.Print_Area` and the like. */
export interface SheetName {
  name: string;
  formula: string;
}

interface AddedSheet {
  name: string;
  xml: string;
  visibility: SheetVisibility;
  names: SheetName[];
}

/** What follows `<definedNames>` in the workbook part, in the schema's order: a new one goes before the first of these. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export class WorkbookEdit {
  private readonly states = new Map<string, SheetState>();
  private readonly added: AddedSheet[] = [];
  private readonly removed: WorkbookSheet[] = [];
  private readonly replaced = new Map<string, string>();

  constructor(readonly file: WorkbookPackage) {}

  /** The workbook's worksheet named `name` (exactly), if any. */
  worksheet(name: string): WorkbookSheet | undefined {
    return this.file.workbook.sheets.find((s) => s.name === name && s.kind === "worksheet" && s.part !== null);
  }

  /** A sheet of any kind whose name equals `name` as Excel compares sheet names (without case). */
  sheetNamedLike(name: string): WorkbookSheet | undefined {
    const wanted = name.toLocaleUpperCase();
    return this.file.workbook.sheets.find((s) => s.name.toLocaleUpperCase() === wanted);
  }

  /** The worksheets that stay in the workbook. */
  keptWorksheets(): WorkbookSheet[] {
    return this.file.workbook.sheets.filter(
      (s) => s.kind === "worksheet" && s.part !== null && !this.removed.includes(s),
    );
  }

  /** The notes of a worksheet now, by A1 address. */
  notesOf(sheet: WorkbookSheet): ReadonlyMap<string, string> {
    return this.state(sheet).notes.notes;
  }

  /** The cell formats `cells` (A1) of a worksheet wear now, and every format it uses. */
  probe(sheet: WorkbookSheet, cells: Iterable<string>): { formats: Map<string, CellFormatNow>; probe: SheetProbe } {
    const keys = new Map<number, string>();
    for (const cell of cells) {
      const at = cellIndex(cell);
      if (at) keys.set(cellKey(at.row, at.col), cell);
    }
    const state = this.state(sheet);
    let probe = state.probed?.probe;
    if (!probe || [...keys.keys()].some((key) => !state.probed!.cells.has(key))) {
      probe = probeSheet(this.file.pkg, sheet.part!, new Set(keys.keys()));
      state.probed = { cells: new Set(keys.keys()), probe };
      state.legacyDrawing = probe.legacyDrawing;
    }
    const formats = new Map<string, CellFormatNow>();
    for (const [key, cell] of keys) formats.set(cell, probe.cells.get(key)!);
    return { formats, probe };
  }

  restyle(sheet: WorkbookSheet, cell: string, restyle: CellRestyle): void {
    const at = cellIndex(cell)!;
    this.state(sheet).restyles.set(cellKey(at.row, at.col), restyle);
  }

  /** The restyles queued for a sheet, by cellKey. */
  restylesOf(sheet: WorkbookSheet): ReadonlyMap<number, CellRestyle> {
    return this.state(sheet).restyles;
  }

  addNote(sheet: WorkbookSheet, cell: string, text: string): void {
    this.state(sheet).notesAdded.push({ cell, text });
  }

  removeNote(sheet: WorkbookSheet, cell: string): void {
    this.state(sheet).notesRemoved.add(cell);
  }

  /** Adds a sheet at the end, with `names` defined for it (scoped to it). */
  addSheet(name: string, xml: string, visibility: SheetVisibility, names: SheetName[] = []): void {
    this.added.push({ name, xml, visibility, names });
  }

  removeSheet(sheet: WorkbookSheet): void {
    if (!this.removed.includes(sheet)) this.removed.push(sheet);
  }

  replaceSheet(sheet: WorkbookSheet, xml: string): void {
    this.replaced.set(sheet.part!, xml);
  }

  /** Every change as parts. `styles` is set when the styles part changed. */
  finish(): PackageChanges {
    const changes = new PackageChanges();
    const pkg = this.file.pkg;
    const addedTypes = new Map<string, string>();
    const removedParts = new Set<string>();
    const taken = new Set(pkg.parts.map((p) => p.name.toLowerCase()));
    const freePart = (pattern: (n: number) => string) => {
      for (let n = 1; ; n++) {
        const name = pattern(n);
        if (!taken.has(name.toLowerCase())) {
          taken.add(name.toLowerCase());
          return name;
        }
      }
    };
    const remove = (part: string) => {
      changes.remove(part);
      removedParts.add(part);
    };
    let nextBlock = this.nextDrawingBlock();

    for (const state of this.states.values()) {
      const { sheet, rels } = state;
      if (state.restyles.size === 0 && state.notesAdded.length === 0 && state.notesRemoved.size === 0) continue;
      const sheetPart = sheet.part!;
      const addedRels: NewRelationship[] = [];
      const removedRels = new Set<string>();
      let legacyDrawing: { add: string } | { remove: string } | null = null;

      if (state.notesAdded.length > 0 || state.notesRemoved.size > 0) {
        const commentsPart = state.notes.comments?.part ?? freePart((n) => `xl/comments${n}.xml`);
        const existing = state.notes.comments ? pkg.text(commentsPart) : null;
        const comments = editComments(pkg.path, commentsPart, existing, state.notesAdded, state.notesRemoved);
        if (comments === null) {
          if (state.notes.comments) {
            remove(commentsPart);
            removedRels.add(state.notes.comments.relationshipId);
          }
        } else {
          changes.set(commentsPart, comments);
          if (!state.notes.comments) {
            const id = freeRelationshipId(rels, new Set(addedRels.map((r) => r.id)));
            addedRels.push({ id, type: RELATIONSHIP_TYPE.comments, target: relativeTarget(sheetPart, commentsPart) });
            addedTypes.set(commentsPart, CONTENT_TYPE.comments);
          }
        }
        const drawing = this.legacyDrawingOf(state);
        const drawingPart = drawing?.part ?? freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
        const existingVml = drawing ? pkg.text(drawingPart) : null;
        const removedCells = new Set(
          [...state.notesRemoved].map((cell) => {
            const at = cellIndex(cell)!;
            return `${at.row},${at.col}`;
          }),
        );
        const shapes = state.notesAdded.map(({ cell }) => cellIndex(cell)!);
        const block = drawing ? 0 : nextBlock++;
        const vml = editVmlDrawing(existingVml, shapes, removedCells, block);
        if (vml === null) {
          if (drawing) {
            remove(drawingPart);
            removedRels.add(drawing.id);
            legacyDrawing = { remove: drawing.id };
          }
        } else {
          changes.set(drawingPart, vml);
          if (!drawing) {
            const id = freeRelationshipId(rels, new Set(addedRels.map((r) => r.id)));
            addedRels.push({ id, type: RELATIONSHIP_TYPE.vmlDrawing, target: relativeTarget(sheetPart, drawingPart) });
            addedTypes.set(drawingPart, CONTENT_TYPE.vmlDrawing);
            legacyDrawing = { add: id };
          }
        }
      }
      if (rels.list.length + addedRels.length === removedRels.size) {
        if (rels.text !== null) remove(rels.name); // no relationship left: the part goes, as before annotating
      } else if (addedRels.length > 0 || removedRels.size > 0)
        changes.set(rels.name, editRelationships(rels, addedRels, removedRels));
      if (state.restyles.size > 0 || legacyDrawing !== null) {
        const patch = { cells: state.restyles, legacyDrawing };
        changes.set(sheetPart, (out) => patchSheet(pkg, sheetPart, patch, out));
      }
    }
    for (const [part, xml] of this.replaced) changes.set(part, xml);
    const workbookRels: NewRelationship[] = [];
    const styles = this.file.styles;
    if (styles.changed) {
      // A workbook without a styles part (hand-made files) gets one: the marks' fills live there.
      const part = styles.name ?? freePart((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
      changes.set(part, styles.toXml());
      if (styles.name === null) {
        addedTypes.set(part, CONTENT_TYPE.styles);
        const workbook = this.file.workbook;
        workbookRels.push({
          id: freeRelationshipId(workbook.relationships),
          type: RELATIONSHIP_TYPE.styles,
          target: relativeTarget(workbook.name, part),
        });
      }
    }
    this.finishSheets(changes, addedTypes, removedParts, freePart, workbookRels);
    if (addedTypes.size > 0 || removedParts.size > 0)
      changes.set(CONTENT_TYPES_PART, editContentTypes(pkg, addedTypes, removedParts));
    return changes;
  }

  /**
   * Sheets removed and added: the workbook part and its relationships (with `addedRels`, other
   * relationships of the workbook to add), their parts, app properties.
   */
  private finishSheets(
    changes: PackageChanges,
    addedTypes: Map<string, string>,
    removedParts: Set<string>,
    freePart: (pattern: (n: number) => string) => string,
    addedRels: NewRelationship[],
  ): void {
    if (this.added.length === 0 && this.removed.length === 0 && addedRels.length === 0) return;
    const { workbook, pkg } = this.file;
    const edits: TextEdit[] = [];
    const removedRels = new Set<string>();
    const positions = this.removed.map((s) => workbook.sheets.indexOf(s)).sort((a, b) => a - b);
    for (const sheet of this.removed) {
      edits.push({ start: sheet.element.start, end: sheet.element.end, text: "" });
      removedRels.add(sheet.relationshipId);
      if (sheet.part) {
        for (const part of [sheet.part, relsPartName(sheet.part)]) {
          if (pkg.has(part)) {
            changes.remove(part);
            removedParts.add(part);
          }
        }
      }
    }
    let position = workbook.sheets.length - this.removed.length;
    let names = "";
    for (const sheet of this.added) {
      for (const { name, formula } of sheet.names)
        names += `<definedName name="${escapeAttribute(name)}" localSheetId="${position}">${escapeText(formula)}</definedName>`;
      position++;
    }
    edits.push(...this.renumberSheetReferences(positions, names));
    let sheetId = workbook.sheets.reduce((most, s) => Math.max(most, Number(s.sheetId) || 0), 0);
    let xml = "";
    for (const sheet of this.added) {
      const part = freePart((n) => `xl/worksheets/sheet${n}.xml`);
      const id = freeRelationshipId(workbook.relationships, new Set(addedRels.map((r) => r.id)));
      addedRels.push({ id, type: RELATIONSHIP_TYPE.worksheet, target: relativeTarget(workbook.name, part) });
      addedTypes.set(part, CONTENT_TYPE.worksheet);
      changes.set(part, sheet.xml);
      const state = sheet.visibility === "visible" ? "" : ` state="${sheet.visibility}"`;
      xml += `<sheet name="${escapeAttribute(sheet.name)}" sheetId="${++sheetId}"${state} r:id="${id}"/>`;
    }
    if (xml) {
      const sheets = childNamed(workbook.root, "sheets");
      if (!sheets || sheets.selfClosing)
        throw new UsageError(`${pkg.path} is damaged: its workbook part lists no sheets`);
      const prefix = this.relationshipPrefix();
      // openpyxl declares the relationships namespace on each <sheet>, not on the root: then so do we.
      const id = prefix === null ? ` xmlns:r="${OFFICE_RELATIONSHIPS}" r:id=` : ` ${prefix}:id=`;
      edits.push({ start: sheets.closeStart, end: sheets.closeStart, text: xml.replace(/ r:id=/g, id) });
    }
    changes.set(workbook.name, applyEdits(workbook.text, edits));
    changes.set(workbook.relationships.name, editRelationships(workbook.relationships, addedRels, removedRels));
    const worksheets = workbook.sheets.filter((s) => s.kind === "worksheet").length;
    const app = editAppProperties(
      pkg,
      worksheets,
      this.added.map((s) => s.name),
      new Set(this.removed.map((s) => s.name)),
    );
    if (app !== null) changes.set(APP_PROPERTIES_PART, app);
  }

  /**
   * Defined names scoped to a sheet and the workbook's views refer to sheets by position: after
   * removing the sheets at `positions`, names of removed sheets go and later positions move up.
   * `added` (definedName elements) is appended to the names; `<definedNames>` is added for it when
   * the workbook has none, and goes again when every name in it goes, as before annotating.
   */
  private renumberSheetReferences(positions: number[], added: string): TextEdit[] {
    const { root, text } = this.file.workbook;
    const removed = new Set(positions);
    const moved = (index: number) => index - positions.filter((p) => p < index).length;
    const edits: TextEdit[] = [];
    const names = childNamed(root, "definedNames");
    const list = names ? childrenNamed(names, "definedName") : [];
    for (const name of list) {
      const local = name.attributes.localSheetId;
      if (local === undefined) continue;
      const index = Number(local);
      if (removed.has(index)) edits.push({ start: name.start, end: name.end, text: "" });
      else if (moved(index) !== index)
        edits.push({
          start: name.start,
          end: name.openEnd,
          text: setAttributeInTag(text.slice(name.start, name.openEnd), "localSheetId", String(moved(index))),
        });
    }
    if (names && !added && list.length > 0 && edits.length === list.length && edits.every((e) => e.text === ""))
      edits.splice(0, edits.length, { start: names.start, end: names.end, text: "" });
    else if (added && names && !names.selfClosing)
      edits.push({ start: names.closeStart, end: names.closeStart, text: added });
    else if (added && names)
      edits.push({ start: names.start, end: names.end, text: `<definedNames>${added}</definedNames>` });
    else if (added) {
      const next = root.children.find((c) => AFTER_DEFINED_NAMES.includes(c.name));
      const at = next ? next.start : root.closeStart;
      edits.push({ start: at, end: at, text: `<definedNames>${added}</definedNames>` });
    }
    const views = positions.length > 0 ? childNamed(root, "bookViews") : undefined;
    for (const view of views ? childrenNamed(views, "workbookView") : []) {
      let tag = text.slice(view.start, view.openEnd);
      for (const attribute of ["activeTab", "firstSheet"]) {
        const value = view.attributes[attribute];
        if (value === undefined) continue;
        const index = Number(value);
        const kept = this.file.workbook.sheets.length - positions.length;
        // A removed active sheet passes the focus to the sheet after it (or the last one).
        const next = Math.max(0, Math.min(moved(index), kept - 1));
        if (next !== index) tag = setAttributeInTag(tag, attribute, String(next));
      }
      if (tag !== text.slice(view.start, view.openEnd)) edits.push({ start: view.start, end: view.openEnd, text: tag });
    }
    return edits;
  }

  /** The prefix the workbook part's root gives the relationships namespace (`r` nearly always), or null when it declares none. */
  private relationshipPrefix(): string | null {
    const root = this.file.workbook.root;
    for (const [name, value] of Object.entries(root.attributes))
      if (name.startsWith("xmlns:") && value === OFFICE_RELATIONSHIPS) return name.slice(6);
    return null;
  }

  /** The sheet's VML drawing for notes: the one its `<legacyDrawing>` names. */
  private legacyDrawingOf(state: SheetState): { id: string; part: string } | null {
    state.legacyDrawing ??= probeSheet(this.file.pkg, state.sheet.part!, new Set()).legacyDrawing;
    const id = state.legacyDrawing;
    if (id === null) return null;
    const rel = state.rels.list.find((r) => r.id === id && relationshipKind(r.type) === "vmlDrawing");
    const part = rel?.part ? this.file.pkg.part(rel.part)?.name : undefined;
    return part ? { id, part } : null;
  }

  /** The first drawing block no VML drawing of the package claims. */
  private nextDrawingBlock(): number {
    let most = 0;
    for (const part of this.file.pkg.parts)
      if (part.name.toLowerCase().endsWith(".vml"))
        for (const block of idBlocks(this.file.pkg.text(part.name))) most = Math.max(most, block);
    return most + 1;
  }

  private state(sheet: WorkbookSheet): SheetState {
    let state = this.states.get(sheet.part!);
    if (!state) {
      const rels = readRelationships(this.file.pkg, sheet.part!);
      state = {
        sheet,
        rels,
        notes: readSheetNotes(this.file.pkg, rels),
        restyles: new Map(),
        notesAdded: [],
        notesRemoved: new Set(),
      };
      this.states.set(sheet.part!, state);
    }
    return state;
  }
}
