import { makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { ValidationResult } from "../../core/validate";
import { verdict } from "../../core/annotation/plan";
import { plural } from "../../core/findings";
import { coverageText } from "../../core/validate/verdict";

const useStyles = makeStyles({
  ready: { color: tokens.colorPaletteGreenForeground1 },
  notReady: { color: tokens.colorPaletteRedForeground1 },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
});

export interface VerdictProps {
  result: ValidationResult;
  checkedAt: Date;
  activeSheetOnly: boolean;
}

/** The answer to "can this go to committee?", with when and what was checked. */
export function Verdict({ result, checkedAt, activeSheetOnly }: VerdictProps) {
  const styles = useStyles();
  const scope = activeSheetOnly ? "the active sheet" : "the whole workbook";
  // What the workbook's own settings changed (SPEC §8): said with the verdict, never silent.
  const declared = result.tables.filter((t) => t.declared).length;
  const accepted = result.findings.filter((f) => f.accepted).length;
  const own = [
    declared > 0 ? plural(declared, "declared table") : "",
    accepted > 0 ? `${plural(accepted, "finding")} accepted` : "",
    result.skipped.length > 0 ? `skipped: ${result.skipped.join(", ")}` : "",
  ].filter((t) => t !== "");
  return (
    <div>
      <Text as="p" size={500} weight="semibold" className={result.ready ? styles.ready : styles.notReady}>
        {verdict(result)}
      </Text>
      <Text as="p" size={200} className={styles.detail}>
        {coverageText(result.coverage)}.
      </Text>
      <Text as="p" size={200} className={styles.detail}>
        Checked {scope} at <time dateTime={checkedAt.toISOString()}>{formatTime(checkedAt)}</time>:{" "}
        {result.tables.length === 0 ? "no table of figures recognised" : plural(result.tables.length, "table")}
        {result.counts.info > 0 && `, ${result.counts.info} info`}.
      </Text>
      {own.length > 0 && (
        <Text as="p" size={200} className={styles.detail}>
          Your settings: {own.join("; ")}.
        </Text>
      )}
    </div>
  );
}

function formatTime(date: Date): string {
  return date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}
