import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface MarkActionsProps {
  /** Marking needs a check to mark. */
  canMark: boolean;
  /** While Excel works: buttons keep focus (disabledFocusable) so the keyboard user is not thrown out. */
  busy: boolean;
  /** The report sheet, once this pane has written it. */
  reportSheet: string | null;
  onMark(): void;
  onClear(): void;
  onInsertTemplate(): void;
  onShowReport(): void;
}

/** What the pane writes into the workbook: marks (and their removal), the template, and the way to the report. */
export function MarkActions(props: MarkActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button onClick={props.onMark} disabled={!props.canMark} disabledFocusable={props.busy}>
        Mark on sheet
      </Button>
      <Button onClick={props.onClear} disabledFocusable={props.busy}>
        Clear marks
      </Button>
      <Button onClick={props.onInsertTemplate} disabledFocusable={props.busy}>
        Insert blank template
      </Button>
      {props.reportSheet !== null && (
        <Link as="button" onClick={props.onShowReport} disabledFocusable={props.busy}>
          Open the report sheet “{props.reportSheet}”
        </Link>
      )}
    </div>
  );
}
