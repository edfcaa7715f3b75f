import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Comparison, groupChanges, verdictChangeText } from "../../core/compare/compare";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  change: {
    width: "100%",
    height: "auto",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  gone: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, display: "block" },
  message: { overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground2 },
});

export interface ChangeListProps {
  comparison: Comparison;
  /** What the open workbook was compared with: "the last marked version", a file name. */
  comparedWith: string;
  onSelect(at: { sheet: string; cell: string }): void;
}

/** What changed, per table, like the findings: a change whose cell is still there selects it. */
export function ChangeList({ comparison, comparedWith, onSelect }: ChangeListProps) {
  const styles = useStyles();
  const groups = groupChanges(comparison.changes);
  return (
    <>
      <Text>
        {comparison.changes.length === 0
          ? `No changes since ${comparedWith} (formatting aside).`
          : `${comparison.changes.length} ${comparison.changes.length === 1 ? "change" : "changes"} since ${comparedWith}.`}{" "}
        {verdictChangeText(comparison)}
      </Text>
      {groups.map((group) => (
        <section key={group.key}>
          <h3 className={styles.heading}>
            {group.table} <span className={styles.where}>({group.sheet})</span>
          </h3>
          <ul className={styles.list}>
            {group.changes.map((change, i) => (
              <li key={i}>
                {change.cell !== null ? (
                  <Button
                    appearance="subtle"
                    className={styles.change}
                    onClick={() => onSelect({ sheet: change.sheet, cell: change.cell! })}
                  >
                    <span className={styles.where}>
                      {change.sheet}!{change.cell}
                    </span>
                    <span className={styles.message}>{change.message}</span>
                  </Button>
                ) : (
                  <Text className={styles.gone}>
                    <span className={styles.message}>{change.message}</span>
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
