import {
  MessageBar,
  MessageBarBody,
  MessageBarIntent,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";

export interface Notice {
  intent: MessageBarIntent;
  title: string;
  text: string;
}

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** What the last action did or why it failed: messages only, never a stack trace. */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  const styles = useStyles();
  if (notices.length === 0) return null;
  return (
    <div className={styles.column}>
      {notices.map((notice, i) => (
        <MessageBar key={i} intent={notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
