import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { RULE_IDS, RULE_SEVERITY, RuleId } from "../../core/findings";
import {
  withoutAccepted,
  withoutDeclaredTable,
  withSeverity,
  withSkipSheets,
  withThreshold,
  withWords,
} from "../../core/settings/edit";
import { RuleSeverity, settingSeverity, settingThreshold, Settings } from "../../core/settings/settings";
import { VOCABULARY } from "../../core/validate/vocabulary";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

const DEFAULT = "";
const DEFAULT_THRESHOLD = 50;

export interface SettingsDialogProps {
  settings: Settings;
  /** The workbook's sheets, to skip. */
  sheets: string[];
  /** Every change: the pane saves it and checks again at once. */
  onChange(settings: Settings): void;
  onClose(): void;
}

/** *Settings*: the high-saving-share threshold, a severity per rule, sheets to skip, extra words; declared tables and accepted findings to remove. */
export function SettingsDialog({ settings, sheets, onChange, onClose }: SettingsDialogProps) {
  const styles = useStyles();
  const threshold = settingThreshold(settings.rules?.["high-saving-share"]);
  const [percent, setPercent] = React.useState(String(threshold === undefined ? DEFAULT_THRESHOLD : threshold * 100));
  const percentValue = Number(percent);
  const percentValid = percent.trim() !== "" && percentValue > 0 && percentValue <= 100;
  const commitPercent = () => {
    if (percentValid && percentValue / 100 !== threshold)
      onChange(
        withThreshold(
          settings,
          "high-saving-share",
          percentValue === DEFAULT_THRESHOLD ? undefined : percentValue / 100,
        ),
      );
  };
  const skipped = new Set(settings.skipSheets ?? []);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Settings</DialogTitle>
          <DialogContent>
            <section className={styles.section} aria-labelledby="settings-threshold">
              <h3 id="settings-threshold" className={styles.heading}>
                Threshold
              </h3>
              <Field
                label="A saving above this share of its budget is flagged (high-saving-share), %"
                validationState={percentValid ? "none" : "error"}
                validationMessage={percentValid ? undefined : "A number above 0 and at most 100."}
              >
                <Input
                  type="number"
                  value={percent}
                  onChange={(_, d) => setPercent(d.value)}
                  onBlur={commitPercent}
                  onKeyDown={(e) => e.key === "Enter" && commitPercent()}
                />
              </Field>
            </section>
            <section className={styles.section} aria-labelledby="settings-severities">
              <h3 id="settings-severities" className={styles.heading}>
                Severities
              </h3>
              {RULE_IDS.map((rule: RuleId) => (
                <Field key={rule} label={rule}>
                  <Select
                    value={settingSeverity(settings.rules?.[rule]) ?? DEFAULT}
                    onChange={(_, d) =>
                      onChange(
                        withSeverity(settings, rule, d.value === DEFAULT ? undefined : (d.value as RuleSeverity)),
                      )
                    }
                  >
                    <option value={DEFAULT}>{RULE_SEVERITY[rule]} (as standard)</option>
                    {["error", "warning", "info", "off"].map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </section>
            <section className={styles.section} aria-labelledby="settings-skip">
              <h3 id="settings-skip" className={styles.heading}>
                Sheets to skip
              </h3>
              {sheets.map((sheet) => (
                <Checkbox
                  key={sheet}
                  label={sheet}
                  checked={skipped.has(sheet)}
                  onChange={(_, d) =>
                    onChange(
                      withSkipSheets(
                        settings,
                        d.checked ? [...skipped, sheet] : [...skipped].filter((s) => s !== sheet),
                      ),
                    )
                  }
                />
              ))}
            </section>
            <section className={styles.section} aria-labelledby="settings-words">
              <h3 id="settings-words" className={styles.heading}>
                Your own header words (comma between words)
              </h3>
              {VOCABULARY.map(({ concept }) => (
                <WordsField
                  key={concept}
                  label={concept}
                  words={settings.words?.[concept] ?? []}
                  onCommit={(text) => onChange(withWords(settings, concept, text))}
                />
              ))}
            </section>
            {(settings.tables ?? []).length > 0 && (
              <section className={styles.section} aria-labelledby="settings-tables">
                <h3 id="settings-tables" className={styles.heading}>
                  Declared tables
                </h3>
                <ul className={styles.list}>
                  {settings.tables!.map((t, i) => (
                    <li key={`${t.sheet}!${t.range}`} className={styles.item}>
                      {t.sheet}!{t.range} ({t.kind}){" "}
                      <Button size="small" onClick={() => onChange(withoutDeclaredTable(settings, i))}>
                        Remove {t.sheet}!{t.range}
                      </Button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {(settings.accepted ?? []).length > 0 && (
              <section className={styles.section} aria-labelledby="settings-accepted">
                <h3 id="settings-accepted" className={styles.heading}>
                  Accepted findings
                </h3>
                <ul className={styles.list}>
                  {settings.accepted!.map((a, i) => (
                    <li key={`${a.rule} ${a.sheet}!${a.cell}`} className={styles.item}>
                      {a.rule} at {a.sheet}!{a.cell}: {a.reason}{" "}
                      <Button size="small" onClick={() => onChange(withoutAccepted(settings, i))}>
                        Withdraw {a.rule} at {a.sheet}!{a.cell}
                      </Button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Words of one concept, typed freely and applied when the field is left or Enter is pressed. */
function WordsField({ label, words, onCommit }: { label: string; words: string[]; onCommit(text: string): void }) {
  const [text, setText] = React.useState(words.join(", "));
  const commit = () => {
    if (text !== words.join(", ")) onCommit(text);
  };
  return (
    <Field label={label}>
      <Input
        value={text}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </Field>
  );
}
