import { findingsOf } from "../validate/build";

const register = (rags: (string | null)[]) => [
  ["Ref", "Description", "Saving £000", "RAG status"],
  ...rags.map((rag, i) => [`T${i + 1}`, `Proposal ${i + 1}`, 10, rag]),
];

describe("rag-invalid", () => {
  it("flags a status other than Red, Amber, Green, Blue/Delivered", () => {
    expect(findingsOf("rag-invalid", register(["Green", "Purple"]))).toEqual([
      {
        rule: "rag-invalid",
        severity: "warning",
        sheet: "Sheet1",
        cell: "D3",
        table: "Savings register A1:D3",
        message: 'RAG status "Purple" is not one of Red, Amber, Green, Blue/Delivered (or R, A, G, B).',
      },
    ]);
  });

  it("accepts every valid status and its letter, in any case, and a blank", () => {
    const valid = ["Red", "AMBER", "green", "Blue", "Delivered", "Blue/Delivered", "R", "a", "G", "b", null];
    expect(findingsOf("rag-invalid", register(valid))).toEqual([]);
  });
});
