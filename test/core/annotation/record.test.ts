import fc from "fast-check";
import { RECORD_SHEET } from "../../../src/core/annotation/names";
import { AnnotationRecord, decodeRecord, encodeRecord, planClear } from "../../../src/core/annotation/record";

const record = (cells: AnnotationRecord["cells"]): AnnotationRecord => ({
  version: 1,
  checkedAt: "2026-11-23T11:00:00.000Z",
  fingerprint: "ab".repeat(32),
  reportSheet: "Savings check",
  cells,
});

describe("encodeRecord / decodeRecord", () => {
  it("round-trips any record, in labelled column-A chunks under 30,000 characters", () => {
    const cellArb = fc.record({
      sheet: fc.string({ unit: "grapheme", maxLength: 12 }),
      cell: fc.constantFrom("A1", "B7", "AA100"),
      note: fc.option(fc.string({ unit: "grapheme", maxLength: 40 })),
      priorFill: fc.option(fc.constantFrom("#FF0000", "#00B050")),
      fill: fc.constantFrom("#F8CBAD", "#FFE699"),
    });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 20 }), (cells) => {
        const rec = record(cells);
        const rows = encodeRecord(rec);
        for (const row of rows) {
          expect(row).toHaveLength(1);
          expect(row[0].length).toBeLessThan(30_000);
          expect(row[0]).toMatch(/^SavingsCheckRecord \d+\/\d+ /);
        }
        expect(decodeRecord(rows)).toEqual(rec);
      }),
      { numRuns: 200 },
    );
  });

  it("splits a large record over several cells without cutting a character in half", () => {
    const note = "😀".repeat(40_000); // surrogate pairs across every chunk boundary
    const rec = record([{ sheet: "S", cell: "A1", note, priorFill: null, fill: "#F8CBAD", priorFillDetail: "{}" }]);
    const rows = encodeRecord(rec);
    expect(rows.length).toBeGreaterThan(2);
    for (const [text] of rows) {
      expect(text.length).toBeLessThan(30_000);
      expect(/[\ud800-\udbff]$/.test(text)).toBe(false);
    }
    // Trailing empty rows, as a host may read a padded used range, are ignored.
    expect(decodeRecord([...rows, [null], []])).toEqual(rec);
  });

  it("throws a clear message for a damaged record", () => {
    const rows = encodeRecord(
      record([{ sheet: "S", cell: "A1", note: "x".repeat(70_000), priorFill: null, fill: "#F8CBAD" }]),
    );
    expect(() => decodeRecord([])).toThrow(`The ${RECORD_SHEET} sheet is empty.`);
    expect(() => decodeRecord([rows[0], rows[2]])).toThrow(/part 1 of 2 is missing or out of order/);
    expect(() => decodeRecord([rows[1], rows[0], rows[2]])).toThrow(/missing or out of order/);
    expect(() => decodeRecord([["SavingsCheckRecord 1/1 {not json"]])).toThrow(/not a readable record/);
    expect(() => decodeRecord([[42]])).toThrow(/damaged/);
    expect(() => decodeRecord([['SavingsCheckRecord 1/1 {"version":2}']])).toThrow(/unknown record version 2/);
    const noFill = JSON.stringify({ ...record([]), cells: [{ sheet: "S", cell: "A1", note: null, priorFill: null }] });
    expect(() => decodeRecord([[`SavingsCheckRecord 1/1 ${noFill}`]])).toThrow(/marked cell 1 is incomplete/);
  });
});

describe("planClear", () => {
  it("deletes only the notes annotating added, restores every prior fill, and drops both sheets", () => {
    const plan = planClear(
      record([
        { sheet: "S", cell: "B2", note: "Savings check: x", priorFill: null, fill: "#F8CBAD" },
        {
          sheet: "S",
          cell: "C3",
          note: null,
          priorFill: "#00B050",
          fill: "#FFE699",
          priorFillDetail: '{"type":"pattern"}',
        },
      ]),
    );
    expect(plan).toEqual({
      notesToDelete: [{ sheet: "S", cell: "B2" }],
      fills: [
        { sheet: "S", cell: "B2", fill: null },
        { sheet: "S", cell: "C3", fill: "#00B050", detail: '{"type":"pattern"}' },
      ],
      sheetsToDelete: ["Savings check", RECORD_SHEET],
    });
  });

  it("keeps what the user changed since annotating, and clears unread cells as recorded", () => {
    const rec = record([
      { sheet: "S", cell: "B2", note: "Savings check: x", priorFill: null, fill: "#F8CBAD" },
      { sheet: "S", cell: "C3", note: "Savings check: y", priorFill: "#00B050", fill: "#FFE699" },
      { sheet: "S", cell: "D4", note: "Savings check: z", priorFill: null, fill: "#BDD7EE" },
    ]);
    const current = {
      // B2: the user rewrote our note; C3: the user painted it red; D4: not read.
      notes: new Map([
        ["S!B2", "Checked: the % is right"],
        ["S!C3", "Savings check: y"],
      ]),
      fills: new Map<string, string | null>([
        ["S!B2", "#f8cbad"],
        ["S!C3", "#FF0000"],
      ]),
    };
    expect(planClear(rec, current)).toEqual({
      notesToDelete: [
        { sheet: "S", cell: "C3" },
        { sheet: "S", cell: "D4" },
      ],
      fills: [
        { sheet: "S", cell: "B2", fill: null },
        { sheet: "S", cell: "D4", fill: null },
      ],
      sheetsToDelete: ["Savings check", RECORD_SHEET],
    });
  });
});
