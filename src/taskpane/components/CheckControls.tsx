import { Button, makeStyles, Spinner, Switch, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});

export interface CheckControlsProps {
  activeSheetOnly: boolean;
  onActiveSheetOnlyChange(value: boolean): void;
  onCheck(): void;
  /** What is running, for the progress indicator; null when idle. */
  busyLabel: string | null;
}

/** "Check workbook", the scope switch, and a spinner while any Excel call runs. */
export function CheckControls(props: CheckControlsProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button appearance="primary" onClick={props.onCheck} disabledFocusable={props.busyLabel !== null}>
        Check workbook
      </Button>
      <Switch
        label="Active sheet only"
        checked={props.activeSheetOnly}
        onChange={(_, data) => props.onActiveSheetOnlyChange(data.checked)}
      />
      {props.busyLabel !== null && <Spinner size="tiny" label={props.busyLabel} />}
    </div>
  );
}
