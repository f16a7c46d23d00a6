// Where a long job (an import's check or commit, an export) is, as the
// backend streams it over the command's channel: a stage, and the count of
// rows or people when known. A job that waits for another says what for.

import { Channel } from "@tauri-apps/api/core";
import type { JobKind, JobProgress } from "./bindings";

const WAITING_FOR: Record<JobKind, string> = {
  import_check: "Waiting for the import check to finish…",
  import: "Waiting for the import to finish…",
  export: "Waiting for the export to finish…",
};

/** Where each stage starts and ends on the bar; a count moves it within. */
const STAGE_SPAN: Record<JobProgress["stage"], [number, number]> = {
  waiting: [0, 0],
  reading: [0.05, 0.05],
  checking: [0.1, 0.5],
  writing: [0.5, 0.95],
  rendering: [0.4, 0.4],
  saving: [0.9, 0.9],
  finished: [1, 1],
};

/** The progress of the job a screen runs now, if any. */
export class JobWatch {
  current = $state<JobProgress | null>(null);

  /** A channel for one command call: its messages become `current`. */
  channel(): Channel<JobProgress> {
    this.current = null;
    const channel = new Channel<JobProgress>();
    channel.onmessage = (progress) => (this.current = progress);
    return channel;
  }

  /** The job ended: nothing to show any more. */
  clear(): void {
    this.current = null;
  }
}

/** "Checking 20,000 rows…", "Waiting for the import to finish…". */
export function progressText(progress: JobProgress): string {
  const count = (n: number, what: string) => `${n.toLocaleString("en-GB")} ${what}${n === 1 ? "" : "s"}`;
  switch (progress.stage) {
    case "waiting":
      return WAITING_FOR[progress.behind];
    case "reading":
      return "Reading…";
    case "checking":
      return `Checking ${progress.done.toLocaleString("en-GB")} of ${count(progress.total, "row")}…`;
    case "writing":
      return `Importing ${progress.done.toLocaleString("en-GB")} of ${count(progress.total, "row")}…`;
    case "rendering":
      return `Laying out ${count(progress.total, "item")}…`;
    case "saving":
      return "Saving the file…";
    case "finished":
      return `Done: ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")}`;
  }
}

/** The bar's position between 0 and 1. */
export function progressShare(progress: JobProgress): number {
  const [from, to] = STAGE_SPAN[progress.stage];
  const counted = progress.stage === "checking" || progress.stage === "writing";
  const part = counted && progress.total > 0 ? Math.min(progress.done / progress.total, 1) : 0;
  return from + (to - from) * part;
}
