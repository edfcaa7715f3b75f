import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Finding, plural, Severity } from "../core/findings";
import { parseA1, WorkbookGrid } from "../core/grid";
import { compareDrafts, Comparison } from "../core/compare/compare";
import { Draft, readDraft } from "../core/compare/draft";
import { withAccepted, withDeclaredTable } from "../core/settings/edit";
import { settingsForSheets } from "../core/settings/apply";
import { guessDeclaration } from "../core/settings/guess";
import { DeclaredTable, emptySettings, Settings } from "../core/settings/settings";
import { ValidationResult } from "../core/validate";
import { AcceptDialog } from "./components/AcceptDialog";
import { ChangeList } from "./components/ChangeList";
import { CheckControls } from "./components/CheckControls";
import { CompareActions } from "./components/CompareActions";
import { DeclareTableDialog } from "./components/DeclareTableDialog";
import { FindingList } from "./components/FindingList";
import { MarkActions } from "./components/MarkActions";
import { Notice, Notices } from "./components/Notices";
import { SettingsActions } from "./components/SettingsActions";
import { SettingsDialog } from "./components/SettingsDialog";
import { SeverityFilter } from "./components/SeverityFilter";
import { Verdict } from "./components/Verdict";
import {
  clearMarks,
  insertTemplate,
  loadMarkedDraft,
  loadSettings,
  markFindings,
  readWorkbook,
  saveSettings,
  selectCell,
  selectedRange,
  showReportSheet,
} from "./excel";
import { errorMessage, groupFindings, SEVERITIES } from "./findings-view";

/** Shown when marking could not write notes (ExcelApi 1.18 missing). */
const NOTES_FALLBACK =
  "Notes need Excel for Microsoft 365 (ExcelApi 1.18): the cells are marked with fills and the report sheet lists every finding.";

const NO_MARKED_DRAFT = {
  "not-marked":
    "This workbook carries no marks: Mark on sheet keeps its figures, so that the pane can later say what changed since.",
  "no-snapshot":
    "Its marks were made without keeping the figures (by the command line, or for the active sheet only): check the whole workbook and mark it again.",
};

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  findings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface Check {
  workbook: WorkbookGrid;
  result: ValidationResult;
  /** What marking keeps for comparing later (SPEC §9). */
  draft: Draft;
  checkedAt: Date;
  activeSheetOnly: boolean;
}

/** The dialog open over the pane, if any. */
type OpenDialog =
  { kind: "declare"; table: DeclaredTable } | { kind: "accept"; finding: Finding } | { kind: "settings" };

export function App() {
  const styles = useStyles();
  const [activeSheetOnly, setActiveSheetOnly] = React.useState(false);
  const [busyLabel, setBusyLabel] = React.useState<string | null>(null);
  const [check, setCheck] = React.useState<Check | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [reportSheet, setReportSheet] = React.useState<string | null>(null);
  const [shown, setShown] = React.useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(new Set());
  const [settings, setSettings] = React.useState<Settings>(emptySettings());
  const [dialog, setDialog] = React.useState<OpenDialog | null>(null);
  const [comparison, setComparison] = React.useState<{ result: Comparison; comparedWith: string } | null>(null);

  /** Runs one Excel action with the spinner on; its failure becomes an error MessageBar. */
  async function run(label: string, failure: string, action: () => Promise<Notice[]>) {
    setBusyLabel(label);
    setNotices([]);
    try {
      setNotices(await action());
    } catch (error) {
      setNotices([{ intent: "error", title: failure, text: errorMessage(error) }]);
    } finally {
      setBusyLabel(null);
    }
  }

  /** Reads the workbook and its settings (SPEC §8) and checks it. */
  async function checkNow(): Promise<Check> {
    const workbook = await readWorkbook({ activeSheetOnly });
    const own = await loadSettings();
    setSettings(own.settings ?? emptySettings());
    const { result, draft } = readDraft(workbook, {
      settings: activeSheetOnly ? settingsForSheets(own.settings, workbook) : own.settings,
      settingsProblem: own.problem,
    });
    const next = { workbook, result, draft, checkedAt: new Date(), activeSheetOnly };
    setCheck(next);
    setCollapsed(new Set());
    return next;
  }

  const onCheck = () =>
    run("Checking the workbook…", "Could not check the workbook", async () => {
      await checkNow();
      return [];
    });

  /** Saves changed settings into the workbook and checks again at once, with the figures already read. */
  const applySettings = (next: Settings) =>
    run("Saving the settings…", "Could not save the settings", async () => {
      setDialog((open) => (open?.kind === "settings" ? open : null));
      await saveSettings(next);
      setSettings(next);
      if (check) {
        const settingsNow = check.activeSheetOnly ? settingsForSheets(next, check.workbook) : next;
        setCheck({ ...check, ...readDraft(check.workbook, { settings: settingsNow }), checkedAt: new Date() });
      }
      return [];
    });

  const onDeclare = () =>
    run("Reading the selection…", "Could not declare the table", async () => {
      const selection = await selectedRange();
      const workbook = (check ?? (await checkNow())).workbook;
      const table = guessDeclaration(workbook, selection.sheet, selection.range, settings);
      if (!table)
        return [
          {
            intent: "warning",
            title: "Nothing to declare",
            text: `Select the table's cells on a sheet the check reads (the selection is ${selection.sheet}!${selection.range}).`,
          },
        ];
      setDialog({ kind: "declare", table });
      return [];
    });

  const onAccepted = (finding: Finding, reason: string, by: string) => {
    const at = parseA1(finding.cell)!;
    const value = check?.workbook.sheets.find((s) => s.name === finding.sheet)?.values[at.row]?.[at.col];
    applySettings(withAccepted(settings, finding, value, reason, by, new Date()));
  };

  const onMark = () =>
    run("Marking the cells…", "Could not mark the workbook", async () => {
      if (!check) return [];
      // The figures of a whole-workbook check are kept, so that Compare can later say what changed.
      const draft = check.activeSheetOnly ? undefined : check.draft;
      const marked = await markFindings(check.workbook, check.result, check.checkedAt, draft);
      setReportSheet(marked.reportSheet);
      const done: Notice = {
        intent: "success",
        title: "Marked",
        text: `${plural(marked.marked, "cell")} marked; the report is on sheet “${marked.reportSheet}”.`,
      };
      return marked.notesWritten ? [done] : [done, { intent: "warning", title: "No notes", text: NOTES_FALLBACK }];
    });

  const onClear = () =>
    run("Clearing the marks…", "Could not clear the marks", async () => {
      const cleared = await clearMarks();
      if (cleared === null)
        return [
          { intent: "info", title: "Nothing to clear", text: "This workbook has no marks from the savings check." },
        ];
      const done = `Marks removed from ${plural(cleared.cleared, "cell")}; fills and notes are as they were.`;
      if (cleared.notFound.length === 0) {
        setReportSheet(null);
        return [{ intent: "success", title: "Cleared", text: done }];
      }
      const cells = cleared.notFound.map((c) => `${c.sheet}!${c.cell}`).join(", ");
      return [
        {
          intent: "warning",
          title: "Some marks were not found",
          text:
            `${done} ${plural(cleared.notFound.length, "mark")} could not be found (${cells}): their note and fill ` +
            "were changed or moved by hand. Their record is kept, so Clear marks can finish once they are back.",
        },
      ];
    });

  const onInsertTemplate = () =>
    run("Inserting the template…", "Could not insert the template", async () => {
      const sheet = await insertTemplate();
      return [
        {
          intent: "success",
          title: "Template inserted",
          text: `A blank savings template is on the new sheet “${sheet}”.`,
        },
      ];
    });

  const onCompareMarked = () =>
    run("Comparing with the last marked version…", "Could not compare", async () => {
      const marked = await loadMarkedDraft();
      if (marked === "not-marked" || marked === "no-snapshot") {
        setComparison(null);
        return [{ intent: "info", title: "Nothing to compare with", text: NO_MARKED_DRAFT[marked] }];
      }
      const workbook = await readWorkbook();
      setComparison({
        result: compareDrafts(marked, readDraft(workbook, { settings }).draft),
        comparedWith: "the last marked version",
      });
      return [];
    });

  const onCompareFile = (file: File) =>
    run(`Comparing with ${file.name}…`, `Could not compare with ${file.name}`, async () => {
      // The file reader is loaded only now: the pane's first bundle does not carry it.
      const { draftOfFile } = await import(/* webpackChunkName: "compare-file" */ "./compare-file.js");
      const before = await draftOfFile(file);
      setComparison({
        result: compareDrafts(before, readDraft(await readWorkbook(), { settings }).draft),
        comparedWith: file.name,
      });
      return [];
    });

  const onShowReport = () =>
    run("Opening the report…", "Could not open the report sheet", async () => {
      await showReportSheet();
      return [];
    });

  // Selecting a cell is quick and leaves the findings' notices alone; only a failure is said.
  // Selecting a finding's or a change's cell.
  const onSelect = (at: { sheet: string; cell: string }) =>
    selectCell(at.sheet, at.cell).catch((error: unknown) =>
      setNotices([{ intent: "error", title: `Could not select ${at.sheet}!${at.cell}`, text: errorMessage(error) }]),
    );

  const toggleSeverity = (severity: Severity) => {
    const next = new Set(shown);
    if (!next.delete(severity)) next.add(severity);
    setShown(next);
  };

  const groups = check ? groupFindings(check.result.findings, shown) : [];
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Savings check</h1>
      <CheckControls
        activeSheetOnly={activeSheetOnly}
        onActiveSheetOnlyChange={setActiveSheetOnly}
        onCheck={onCheck}
        busyLabel={busyLabel}
      />
      <div aria-live="polite">
        {check && <Verdict result={check.result} checkedAt={check.checkedAt} activeSheetOnly={check.activeSheetOnly} />}
        <Notices notices={notices} />
      </div>
      <MarkActions
        canMark={check !== null}
        busy={busyLabel !== null}
        reportSheet={reportSheet}
        onMark={onMark}
        onClear={onClear}
        onInsertTemplate={onInsertTemplate}
        onShowReport={onShowReport}
      />
      <SettingsActions
        busy={busyLabel !== null}
        onDeclare={onDeclare}
        onSettings={() => setDialog({ kind: "settings" })}
      />
      <CompareActions busy={busyLabel !== null} onCompareMarked={onCompareMarked} onCompareFile={onCompareFile} />
      {comparison && (
        <section className={styles.findings} aria-labelledby="changes-heading">
          <h2 id="changes-heading" className={styles.heading}>
            Changes
          </h2>
          <ChangeList comparison={comparison.result} comparedWith={comparison.comparedWith} onSelect={onSelect} />
        </section>
      )}
      {check && check.result.findings.length > 0 && (
        <section className={styles.findings} aria-labelledby="findings-heading">
          <h2 id="findings-heading" className={styles.heading}>
            Findings
          </h2>
          <SeverityFilter counts={check.result.counts} shown={shown} onToggle={toggleSeverity} />
          {groups.length === 0 ? (
            <p>No findings of the chosen severities.</p>
          ) : (
            <FindingList
              groups={groups}
              collapsed={collapsed}
              onCollapsedChange={setCollapsed}
              onSelect={onSelect}
              onAccept={(finding) => setDialog({ kind: "accept", finding })}
            />
          )}
        </section>
      )}
      {dialog?.kind === "declare" && (
        <DeclareTableDialog
          initial={dialog.table}
          onSave={(table) => applySettings(withDeclaredTable(settings, table))}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "accept" && (
        <AcceptDialog
          finding={dialog.finding}
          onAccept={(reason, by) => onAccepted(dialog.finding, reason, by)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === "settings" && (
        <SettingsDialog
          settings={settings}
          sheets={check?.workbook.sheets.map((s) => s.name) ?? []}
          onChange={applySettings}
          onClose={() => setDialog(null)}
        />
      )}
    </main>
  );
}
