import { describe, expect, it } from "vitest";
import { progressShare, progressText } from "./jobProgress.svelte";

describe("a long job's progress", () => {
  it("says what a job waits for", () => {
    expect(progressText({ stage: "waiting", behind: "import" })).toBe("Waiting for the import to finish…");
    expect(progressText({ stage: "waiting", behind: "export" })).toBe("Waiting for the export to finish…");
  });

  it("counts the rows and the items it works on", () => {
    expect(progressText({ stage: "checking", total: 20000 })).toBe("Checking 20,000 rows…");
    expect(progressText({ stage: "writing", total: 1 })).toBe("Importing 1 row…");
    expect(progressText({ stage: "rendering", total: 512 })).toBe("Laying out 512 items…");
    expect(progressText({ stage: "finished", done: 19998, total: 20000 })).toBe("Done: 19,998 of 20,000");
  });

  it("moves the bar forward stage by stage", () => {
    const shares = [
      progressShare({ stage: "reading" }),
      progressShare({ stage: "writing", total: 9 }),
      progressShare({ stage: "saving" }),
      progressShare({ stage: "finished", done: 9, total: 9 }),
    ];
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBe(1);
  });
});
