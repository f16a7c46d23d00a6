import { describe, expect, it } from "vitest";
import type { RowOutcome } from "../../lib/bindings";
import { columnSamples, fileName, rowsShown } from "./importReport";

const row = (line: number, action: RowOutcome["action"]): RowOutcome => ({
  line,
  action,
  name: `Person ${line}`,
  delegation: "Thailand",
  reason: action === "reject" ? "No family name" : null,
});

describe("rowsShown", () => {
  const rows = [row(2, "create"), row(3, "reject"), row(4, "update"), row(5, "reject")];

  it("shows every row, or only those with the chosen outcome, in file order", () => {
    expect(rowsShown(rows, "all").map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(rowsShown(rows, "reject").map((r) => r.line)).toEqual([3, 5]);
    expect(rowsShown(rows, "update").map((r) => r.line)).toEqual([4]);
    expect(rowsShown([], "create")).toEqual([]);
  });
});

describe("columnSamples", () => {
  it("takes the first non-empty values of the column, trimmed", () => {
    const sample = [
      ["Ms", "", "Thailand"],
      ["Dr", " Somchai ", "Lao PDR"],
      ["", "Anong", "Viet Nam"],
      ["H.E.", "Sok"],
    ];
    expect(columnSamples(sample, 1)).toEqual(["Somchai", "Anong", "Sok"]);
    expect(columnSamples(sample, 2, 2)).toEqual(["Thailand", "Lao PDR"]);
    expect(columnSamples(sample, 7)).toEqual([]);
  });
});

describe("fileName", () => {
  it("keeps the last part of Unix and Windows paths", () => {
    expect(fileName("/home/ana/Registrations 2022.xlsx")).toBe("Registrations 2022.xlsx");
    expect(fileName("C:\\Users\\ana\\list.csv")).toBe("list.csv");
    expect(fileName("list.csv")).toBe("list.csv");
  });
});
