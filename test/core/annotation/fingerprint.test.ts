import { createHash } from "crypto";
import fc from "fast-check";
import { fingerprintWorkbook, Sha256 } from "../../../src/core/annotation/fingerprint";
import { RECORD_SHEET, REPORT_SHEET } from "../../../src/core/annotation/names";
import { sheetFromValues, WorkbookGrid } from "../../../src/core/grid";
import { tt2017Workbook } from "../validate/fixture-grids";

const nodeSha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("Sha256", () => {
  it("gives the FIPS 180-4 test vectors", () => {
    const enc = new TextEncoder();
    expect(new Sha256().update(enc.encode("")).hex()).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(new Sha256().update(enc.encode("abc")).hex()).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(new Sha256().update(enc.encode("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).hex()).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with Node's crypto on random bytes fed in random pieces", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 5 }), (bytes, cuts) => {
        const hash = new Sha256();
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const to = Math.min(cut, bytes.length);
          if (to < at) continue;
          hash.update(bytes.subarray(at, to));
          at = to;
        }
        hash.update(bytes.subarray(at));
        expect(hash.hex()).toBe(nodeSha(bytes));
      }),
      { numRuns: 500 },
    );
  });
});

describe("fingerprintWorkbook", () => {
  it("is Node's SHA-256 of the canonical text of values and formulas", () => {
    const workbook: WorkbookGrid = {
      sheets: [
        sheetFromValues(
          "Summary",
          [
            ["Line", "Budget £", null],
            ["Tab\there", 1.5, { error: "#DIV/0!" }],
            [true, 3, "é✓"],
          ],
          { formulas: [[], [null, null, "=B2/0"], [null, "=B2*2"]] },
        ),
      ],
    };
    const text =
      "Summary\tA1\ts\tLine\t\n" +
      "Summary\tB1\ts\tBudget £\t\n" +
      "Summary\tA2\ts\tTab\\there\t\n" +
      "Summary\tB2\tn\t1.5\t\n" +
      "Summary\tC2\te\t#DIV/0!\t=B2/0\n" +
      "Summary\tA3\tb\tTRUE\t\n" +
      "Summary\tB3\tn\t3\t=B2*2\n" +
      "Summary\tC3\ts\té✓\t\n";
    expect(fingerprintWorkbook(workbook)).toBe(nodeSha(new TextEncoder().encode(text)));
  });

  it("ignores padding, empty strings and the add-in's own sheets, but not a changed figure", () => {
    const base = tt2017Workbook();
    const fp = fingerprintWorkbook(base);
    const padded = tt2017Workbook();
    padded.sheets[0].values.push([null, "", null], []);
    padded.sheets.push(sheetFromValues(REPORT_SHEET, [["x"]]), sheetFromValues(RECORD_SHEET, [["y"]]));
    expect(fingerprintWorkbook(padded)).toBe(fp);
    const changed = tt2017Workbook();
    changed.sheets[0].values[5][1] = 52.6;
    expect(fingerprintWorkbook(changed)).not.toBe(fp);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
  });
});
