import { describe, expect, it } from "vitest";
import { progressShare, progressText } from "./jobProgress.svelte";

describe("a long job's progress", () => {
  it("says what a job waits for", () => {
    expect(progressText({ stage: "waiting", behind: "import" })).toBe("Waiting for the import to finish…");
    expect(progressText({ stage: "waiting", behind: "export" })).toBe("Waiting for the export to finish…");
  });

  it("counts the rows and the items it works on", () => {
    expect(progressText({ stage: "checking", done: 12000, total: 20000 })).toBe("Checking 12,000 of 20,000 rows…");
    expect(progressText({ stage: "writing", done: 0, total: 1 })).toBe("Importing 0 of 1 row…");
    expect(progressText({ stage: "rendering", total: 512 })).toBe("Laying out 512 items…");
    expect(progressText({ stage: "finished", done: 19998, total: 20000 })).toBe("Done: 19,998 of 20,000");
  });

  it("moves the bar forward stage by stage, and row by row while an import checks and writes", () => {
    const importing = [
      progressShare({ stage: "reading" }),
      progressShare({ stage: "checking", done: 0, total: 9 }),
      progressShare({ stage: "checking", done: 5, total: 9 }),
      progressShare({ stage: "writing", done: 1, total: 9 }),
      progressShare({ stage: "writing", done: 9, total: 9 }),
      progressShare({ stage: "finished", done: 9, total: 9 }),
    ];
    const exporting = [
      progressShare({ stage: "reading" }),
      progressShare({ stage: "rendering", total: 9 }),
      progressShare({ stage: "saving" }),
      progressShare({ stage: "finished", done: 9, total: 9 }),
    ];
    for (const shares of [importing, exporting]) {
      expect(shares).toEqual([...shares].sort((a, b) => a - b));
      expect(new Set(shares).size).toBe(shares.length);
      expect(shares.at(-1)).toBe(1);
    }
  });
});
