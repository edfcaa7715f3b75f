/**
 * Every rule of SPEC §5, one file each, named by its rule id. `rounding-difference` has no check
 * of its own: the four rules that compare a stated figure with a computed one file their
 * differences through ./rounding-difference.ts, which decides mismatch or rounding difference.
 */
import { cellError } from "./cell-error";
import { claRateMismatch } from "./cla-rate-mismatch";
import { Rule } from "./context";
import { eiaMissing } from "./eia-missing";
import { figuresUnchecked } from "./figures-unchecked";
import { footnoteUndefined } from "./footnote-undefined";
import { fyDuplicate } from "./fy-duplicate";
import { fyGap } from "./fy-gap";
import { fyInvalid } from "./fy-invalid";
import { hardcodedTotal } from "./hardcoded-total";
import { hiddenRow } from "./hidden-row";
import { highSavingShare } from "./high-saving-share";
import { labelDuplicate } from "./label-duplicate";
import { missingValue } from "./missing-value";
import { noTemplate } from "./no-template";
import { numberAsText } from "./number-as-text";
import { pctMismatch } from "./pct-mismatch";
import { ragInvalid } from "./rag-invalid";
import { refDuplicate } from "./ref-duplicate";
import { settingsInvalid } from "./settings-invalid";
import { savingExceedsBudget } from "./saving-exceeds-budget";
import { subtotalMismatch } from "./subtotal-mismatch";
import { targetMet } from "./target-met";
import { targetShortfall } from "./target-shortfall";
import { totalMismatch } from "./total-mismatch";
import { unitMissing } from "./unit-missing";
import { unitUnrecognised } from "./unit-unrecognised";

export type { Rule, RuleContext } from "./context";

export const RULES: readonly Rule[] = [
  pctMismatch,
  subtotalMismatch,
  totalMismatch,
  fyDuplicate,
  fyGap,
  refDuplicate,
  targetShortfall,
  savingExceedsBudget,
  claRateMismatch,
  cellError,
  missingValue,
  numberAsText,
  footnoteUndefined,
  unitMissing,
  hiddenRow,
  highSavingShare,
  labelDuplicate,
  ragInvalid,
  eiaMissing,
  hardcodedTotal,
  targetMet,
  noTemplate,
  figuresUnchecked,
  fyInvalid,
  unitUnrecognised,
  settingsInvalid,
];
