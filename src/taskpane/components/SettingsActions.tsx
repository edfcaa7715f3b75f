import { Button, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface SettingsActionsProps {
  busy: boolean;
  onDeclare(): void;
  onSettings(): void;
}

/** Teaching the check this workbook's layout (SPEC §8): declare the selected range a table, or open the settings. */
export function SettingsActions({ busy, onDeclare, onSettings }: SettingsActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button onClick={onDeclare} disabledFocusable={busy}>
        Declare table…
      </Button>
      <Button onClick={onSettings} disabledFocusable={busy}>
        Settings…
      </Button>
    </div>
  );
}
