// The startup benchmark's mark: the home screen calls this once its events (or
// the empty plan's guidance) are on the page, and the shell prints the time
// since it started when the benchmark asks. Two frames later, because the
// frame that follows a change may still be painting it; once per run.

import { commands } from "./bindings";

let reported = false;

export function reportFirstPaint(): void {
  if (reported) return;
  reported = true;
  requestAnimationFrame(() => requestAnimationFrame(() => void commands.reportFirstPaint()));
}
