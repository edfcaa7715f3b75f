import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
} from "@fluentui/react-components";
import * as React from "react";
import { financialYearOfDate, formatFinancialYear } from "../../core/financial-year";
import { columnLetters, parseRangeA1 } from "../../core/grid";
import { DECLARED_ROLES, DeclaredRole, DeclaredTable, TABLE_KINDS, TEXT_ROLES } from "../../core/settings/settings";
import { UNITS } from "../../core/units";

const NOT_USED = "";

/** Year roles to choose from: the financial years of a medium-term plan around this one. */
function yearRoles(): string[] {
  const now = new Date();
  const current = financialYearOfDate(now.getFullYear(), now.getMonth() + 1);
  const roles: string[] = [];
  for (let y = current - 3; y <= current + 5; y++) roles.push(`year:${formatFinancialYear(y)}`);
  return roles;
}

export interface DeclareTableDialogProps {
  /** What recognition guessed of the selection: the dialog starts from it. */
  initial: DeclaredTable;
  onSave(table: DeclaredTable): void;
  onCancel(): void;
}

/** *Declare table*: the selection's kind and each column's role, prefilled from recognition's guesses. */
export function DeclareTableDialog({ initial, onSave, onCancel }: DeclareTableDialogProps) {
  const [table, setTable] = React.useState(initial);
  const years = React.useMemo(yearRoles, []);
  const range = parseRangeA1(initial.range)!;
  const letters: string[] = [];
  for (let c = range.left; c <= range.right; c++) letters.push(columnLetters(c));
  const setRole = (column: string, role: string) => {
    const columns = { ...table.columns };
    if (role === NOT_USED) delete columns[column];
    else columns[column] = role as DeclaredRole;
    setTable({ ...table, columns });
  };
  const hasFigures = Object.values(table.columns).some((r) => !TEXT_ROLES.has(r));
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (hasFigures) onSave(table);
          }}
        >
          <DialogBody>
            <DialogTitle>
              Declare table {table.sheet}!{table.range}
            </DialogTitle>
            <DialogContent>
              <Field label="Kind of table">
                <Select
                  value={table.kind}
                  onChange={(_, d) => setTable({ ...table, kind: d.value as DeclaredTable["kind"] })}
                >
                  {TABLE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </Select>
              </Field>
              {letters.map((column) => {
                const role = table.columns[column] ?? NOT_USED;
                const roles: string[] = [...DECLARED_ROLES, ...years];
                if (role.startsWith("year:") && !years.includes(role)) roles.push(role);
                return (
                  <Field key={column} label={`Column ${column}`}>
                    <Select value={role} onChange={(_, d) => setRole(column, d.value)}>
                      <option value={NOT_USED}>not used</option>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </Select>
                  </Field>
                );
              })}
              <Field label="Unit of its money columns">
                <Select
                  value={table.unit ?? ""}
                  onChange={(_, d) =>
                    setTable(
                      d.value === ""
                        ? { ...table, unit: undefined }
                        : { ...table, unit: d.value as DeclaredTable["unit"] },
                    )
                  }
                >
                  <option value="">as the table says</option>
                  {UNITS.map((u) => (
                    <option key={u} value={u}>
                      {u}
                    </option>
                  ))}
                </Select>
              </Field>
              {!hasFigures && <p role="alert">Give at least one column of figures.</p>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!hasFigures}>
                Save
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
