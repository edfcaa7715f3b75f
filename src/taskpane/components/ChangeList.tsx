import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Comparison, groupChanges, verdictChangeText } from "../../core/compare/compare";
import { useListStyles } from "./FindingList";

const useStyles = makeStyles({
  gone: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, display: "block" },
});

export interface ChangeListProps {
  comparison: Comparison;
  /** What the open workbook was compared with: "the last marked version", a file name. */
  comparedWith: string;
  onSelect(at: { sheet: string; cell: string }): void;
}

/** What changed, per table, like the findings: a change whose cell is still there selects it. */
export function ChangeList({ comparison, comparedWith, onSelect }: ChangeListProps) {
  const styles = { ...useListStyles(), ...useStyles() };
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
          <h3 className={styles.severity}>
            {group.table} <span className={styles.counts}>({group.sheet})</span>
          </h3>
          <ul className={styles.list}>
            {group.changes.map((change, i) => (
              <li key={i}>
                {change.cell !== null ? (
                  <Button
                    appearance="subtle"
                    className={styles.finding}
                    onClick={() => onSelect({ sheet: change.sheet, cell: change.cell! })}
                  >
                    <span className={styles.counts}>
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
