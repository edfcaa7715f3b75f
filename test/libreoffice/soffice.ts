/**
 * LibreOffice Calc, headless, as the LibreOffice tests run it: one run converts many files (it
 * takes seconds to start), each run with a user profile of its own (two runs sharing one hang).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";

/** Calc recalculates every formula of an .xlsx or .ods it opens (by default it keeps the cached values). */
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function soffice(): string {
  for (const candidate of ["/usr/bin/soffice", "/usr/local/bin/soffice"]) if (existsSync(candidate)) return candidate;
  throw new Error(
    "LibreOffice is missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui (.ci/run does)",
  );
}

/**
 * Converts `files` to `format` (soffice's --convert-to argument) into `outdir`, with a fresh
 * profile in `profile`; with `recalculate`, formulas are recalculated as each file opens.
 */
export function convert(
  files: string[],
  format: string,
  outdir: string,
  profile: string,
  { recalculate = false } = {},
): void {
  if (recalculate) {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALCULATE_ON_LOAD);
  }
  mkdirSync(outdir, { recursive: true });
  execFileSync(
    soffice(),
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", outdir, ...files],
    { stdio: "ignore", timeout: 600_000 },
  );
}
