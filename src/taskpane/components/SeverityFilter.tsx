import { makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Severity, SeverityCounts } from "../../core/findings";
import { SEVERITIES, SEVERITY_HEADING } from "../findings-view";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface SeverityFilterProps {
  counts: SeverityCounts;
  shown: ReadonlySet<Severity>;
  onToggle(severity: Severity): void;
}

/** One toggle per severity; pressed means its findings are listed. */
export function SeverityFilter({ counts, shown, onToggle }: SeverityFilterProps) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="Show findings of severity" className={styles.row}>
      {SEVERITIES.map((severity) => (
        <ToggleButton key={severity} size="small" checked={shown.has(severity)} onClick={() => onToggle(severity)}>
          {SEVERITY_HEADING[severity]} ({counts[severity]})
        </ToggleButton>
      ))}
    </div>
  );
}
