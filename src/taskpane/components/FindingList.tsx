import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  BadgeProps,
  Button,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Finding, Severity } from "../../core/findings";
import { countsText, FindingGroup, SEVERITY_HEADING, SEVERITY_LABEL } from "../findings-view";

const BADGE_COLOUR: Record<Severity, BadgeProps["color"]> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** The styles of a list of findings, which the list of changes shares. */
export const useListStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  severity: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  finding: {
    width: "100%",
    height: "auto",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "left",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  message: { overflowWrap: "anywhere" },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  counts: { color: tokens.colorNeutralForeground2 },
  accepted: { display: "block", padding: `0 ${tokens.spacingHorizontalS}`, overflowWrap: "anywhere" },
});

export interface FindingListProps {
  groups: FindingGroup[];
  /** Keys of the groups the user has collapsed. */
  collapsed: ReadonlySet<string>;
  onCollapsedChange(collapsed: Set<string>): void;
  onSelect(finding: Finding): void;
  /** *Accept* a finding (SPEC §8): asks for a reason. */
  onAccept(finding: Finding): void;
}

/** Findings per table (one accordion item each), per severity inside; each one a button that selects its cell. */
export function FindingList({ groups, collapsed, onCollapsedChange, onSelect, onAccept }: FindingListProps) {
  const styles = useListStyles();
  const open = groups.filter((g) => !collapsed.has(g.key)).map((g) => g.key);
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, data) => {
        const openNow = new Set(data.openItems);
        onCollapsedChange(new Set(groups.filter((g) => !openNow.has(g.key)).map((g) => g.key)));
      }}
    >
      {groups.map((group) => (
        <AccordionItem key={group.key} value={group.key}>
          <AccordionHeader as="h3">
            <span className={styles.header}>
              <span>{group.title}</span>
              <Text size={200} className={styles.counts}>
                {group.sheet}:{" "}
                {[countsText(group.counts), group.accepted > 0 ? `${group.accepted} accepted` : ""]
                  .filter((t) => t !== "")
                  .join(", ")}
              </Text>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            {group.bySeverity.map(({ severity, findings }) => (
              <section key={severity}>
                <h4 className={styles.severity}>
                  {SEVERITY_HEADING[severity]} ({findings.length})
                </h4>
                <ul className={styles.list}>
                  {findings.map((finding, i) => (
                    <li key={i}>
                      <Button appearance="subtle" className={styles.finding} onClick={() => onSelect(finding)}>
                        <span className={styles.line}>
                          <Badge appearance="tint" color={BADGE_COLOUR[severity]}>
                            {SEVERITY_LABEL[severity]}
                          </Badge>
                          <span>{finding.rule}</span>
                          <span>
                            {finding.sheet}!{finding.cell}
                          </span>
                        </span>
                        <span className={styles.message}>{finding.message}</span>
                      </Button>
                      {finding.accepted ? (
                        <Text size={200} className={styles.accepted}>
                          Accepted: {finding.accepted.reason}
                        </Text>
                      ) : (
                        <Button
                          size="small"
                          appearance="transparent"
                          onClick={() => onAccept(finding)}
                          aria-label={`Accept finding ${finding.rule} on ${finding.sheet} cell ${finding.cell}`}
                        >
                          Accept…
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
