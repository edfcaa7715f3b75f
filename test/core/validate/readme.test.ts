/** The README's rules section lists every rule id with its severity (the public interface). */
import { readFileSync } from "fs";
import { join } from "path";
import { RULE_IDS, RULE_SEVERITY } from "../../../src/core/findings";

const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
const section = /<!-- section:rules[^>]*-->([\s\S]*?)<!-- \/section:rules -->/.exec(readme)?.[1] ?? "";

describe("README, section rules", () => {
  it("has a row for every rule id, with its severity and an example message", () => {
    const rows = new Map(
      [...section.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \| (.+) \|$/gm)].map((m) => [
        m[1],
        { severity: m[2], example: m[3] },
      ]),
    );
    expect([...rows.keys()].sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      expect(rows.get(id)!.severity).toBe(RULE_SEVERITY[id]);
      expect(rows.get(id)!.example.length).toBeGreaterThan(20);
    }
  });
});
