import { Button, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

export interface CompareActionsProps {
  /** While Excel works: buttons keep focus (disabledFocusable). */
  busy: boolean;
  onCompareMarked(): void;
  /** The earlier draft the user picked, to compare the open workbook with. */
  onCompareFile(file: File): void;
}

/**
 * What changed since the last draft (SPEC §9): against the figures kept when the pane last marked
 * the workbook, or against a workbook file the user picks.
 */
export function CompareActions(props: CompareActionsProps) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div className={styles.row}>
      <Button onClick={props.onCompareMarked} disabledFocusable={props.busy}>
        Compare with last marked version
      </Button>
      <Button onClick={() => input.current?.click()} disabledFocusable={props.busy}>
        Compare with a file…
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Earlier draft to compare with"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so that picking the same file again compares again.
          event.target.value = "";
          if (file) props.onCompareFile(file);
        }}
      />
    </div>
  );
}
