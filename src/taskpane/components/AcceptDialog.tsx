import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
} from "@fluentui/react-components";
import * as React from "react";
import { Finding } from "../../core/findings";

export interface AcceptDialogProps {
  finding: Finding;
  onAccept(reason: string, by: string): void;
  onCancel(): void;
}

/** *Accept* a finding: a reason is required; who accepts is optional (Excel does not say who the user is). */
export function AcceptDialog({ finding, onAccept, onCancel }: AcceptDialogProps) {
  const [reason, setReason] = React.useState("");
  const [by, setBy] = React.useState("");
  const [tried, setTried] = React.useState(false);
  const missing = reason.trim() === "";
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        {/* The pane says what is missing itself, in the page's words, rather than the browser's bubble. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (!missing) onAccept(reason, by);
          }}
        >
          <DialogBody>
            <DialogTitle>
              Accept {finding.rule} at {finding.sheet}!{finding.cell}
            </DialogTitle>
            <DialogContent>
              <p>{finding.message}</p>
              <p>
                An accepted finding stays listed with its reason and no longer blocks the verdict; it comes back if the
                cell&apos;s value changes.
              </p>
              <Field
                label="Reason"
                required
                validationState={tried && missing ? "error" : "none"}
                validationMessage={tried && missing ? "Say why the finding is accepted." : undefined}
              >
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
              </Field>
              <Field label="Your name (optional)">
                <Input value={by} onChange={(_, d) => setBy(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Accept
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
