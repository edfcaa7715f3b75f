import { Button, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface CompareActionsProps {
  /** While Excel works: buttons keep focus (disabledFocusable). */
  busy: boolean;
  onCompareMarked(): void;
}

/** What changed since the last draft (SPEC §9): against the figures kept when the pane last marked the workbook. */
export function CompareActions(props: CompareActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button onClick={props.onCompareMarked} disabledFocusable={props.busy}>
        Compare with last marked version
      </Button>
    </div>
  );
}
