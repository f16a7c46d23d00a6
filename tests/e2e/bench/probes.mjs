// What the UI bench measures inside the page, and how it sums the runs up.
//
// The functions passed to `browser.execute*` run in the webview, so each is
// self-contained. Times are the page's own `performance.now()`: a frame is the
// moment a requestAnimationFrame callback runs, so the gap between two
// callbacks is how long the window could not draw (and so could not answer).
// The IPC trace wraps the Tauri invoke the bindings go through, to tell which
// command's answer arrived in a long frame and how long each call took.

/**
 * Installs the page's probes (once per app session): the IPC trace, and a dot
 * whose colour `tick()` flips. WebKitGTK runs animation-frame callbacks only
 * while something on the page changes (an idle page gets none), so every
 * measuring callback ticks, as an animation on screen would.
 *
 * Tauri's invoke cannot be replaced (a read-only property), but it posts every
 * call with `fetch` to `ipc://localhost/COMMAND`, so the trace wraps `fetch`: a
 * call starts when posted and ends once its answer's body is read.
 */
export async function installProbes(browser) {
  await browser.execute(() => {
    if (window.__bench) return;
    const calls = [];
    const post = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === "string" ? input : input.url;
      if (!url.startsWith("ipc:")) return post(input, init);
      const call = { cmd: decodeURIComponent(url.slice(url.lastIndexOf("/") + 1)), start: performance.now(), end: null };
      calls.push(call);
      return post(input, init).then((response) => {
        for (const read of ["json", "text", "arrayBuffer"]) {
          const original = response[read].bind(response);
          response[read] = () =>
            original().then((body) => {
              call.end = performance.now();
              return body;
            });
        }
        return response;
      });
    };
    const dot = document.body.appendChild(document.createElement("div"));
    dot.style.cssText = "position:fixed;right:0;bottom:0;width:2px;height:2px;z-index:2147483647;pointer-events:none";
    let flips = 0;
    const tick = () => {
      flips += 1;
      dot.style.background = flips % 2 === 0 ? "#000" : "#fff";
    };
    window.__bench = { calls, tick };
  });
}

/**
 * Clicks the open link of the delegation `name` in the tracker, and resolves
 * with the time from the click to the first frame painted with its members
 * listed, the time until the panel itself (before its members) was drawn, and
 * the IPC calls made meanwhile.
 */
export function openPanelInPage(name, done) {
  const link = document.querySelector(`[data-testid="tracker-row"][data-name="${name}"] [data-testid="open-delegation"]`);
  if (!link) {
    done({ error: `no open link for the delegation ${name}` });
    return;
  }
  const calls = window.__bench.calls;
  const firstCall = calls.length;
  const start = performance.now();
  let panelMs = null;
  link.click();
  const poll = () => {
    const now = performance.now();
    window.__bench.tick();
    if (panelMs === null && document.querySelector('[data-testid="delegation-panel"]')) panelMs = now - start;
    if (document.querySelector('[data-testid="panel-member"]')) {
      // The rows are in this frame; the next callback comes once it was painted.
      requestAnimationFrame(() =>
        done({
          panelMs,
          ms: performance.now() - start,
          calls: calls.slice(firstCall).map((c) => ({ cmd: c.cmd, at: c.start - start, ms: c.end === null ? null : c.end - c.start })),
        }),
      );
    } else if (now - start > 30_000) {
      done({ error: "the panel's members were not drawn within 30 s" });
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
}

/**
 * Records frames for `restMs` at rest, clicks the import's commit button, and
 * goes on until the end message shows and then the participants summary counts
 * `rows` (the list refreshed after the import), plus `tailMs`. Resolves with
 * every frame's time and every IPC call, relative to the click.
 */
export function commitImportInPage(rows, restMs, tailMs, done) {
  const frames = [];
  const calls = window.__bench.calls;
  const firstCall = calls.length;
  let start = null;
  let endMessage = null;
  let listed = null;
  const listedCount = () => {
    const summary = document.querySelector('[data-testid="participants-summary"]');
    // "Loading 2,000 of 100,000 participants…" while the pages come in: not listed yet.
    if (!summary || summary.textContent.includes("Loading")) return 0;
    const digits = summary.textContent.replace(/[^\d]/g, "");
    return digits === "" ? 0 : Number(digits);
  };
  const finish = (error) => {
    done({
      error,
      frames: frames.map((t) => t - start),
      endMessage: endMessage === null ? null : endMessage - start,
      listed: listed === null ? null : listed - start,
      calls: calls.slice(firstCall).map((c) => ({ cmd: c.cmd, start: c.start - start, end: c.end === null ? null : c.end - start })),
    });
  };
  const frame = () => {
    const now = performance.now();
    frames.push(now);
    window.__bench.tick();
    if (start !== null) {
      if (endMessage === null && document.querySelector('[data-testid="import-done"]')) endMessage = now;
      if (endMessage !== null && listed === null && listedCount() >= rows) listed = now;
      if (listed !== null && now - listed >= tailMs) return finish(null);
      if (now - start > 170_000) return finish("the import did not end within 170 s");
      const error = document.querySelector('[data-testid="import-error"]');
      if (error && error.textContent.trim() !== "") return finish(`the import failed: ${error.textContent.trim()}`);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  setTimeout(() => {
    start = performance.now();
    document.querySelector('[data-testid="import-commit"]').click();
  }, restMs);
}

/**
 * The longest gap between two frames whose span meets [from, to] (times
 * relative to the click), where it was, and the IPC calls answered in it.
 */
export function longestFrame(run, from, to) {
  let longest = { ms: 0, at: null, answered: [] };
  for (let i = 1; i < run.frames.length; i += 1) {
    const [before, after] = [run.frames[i - 1], run.frames[i]];
    if (after <= from || before >= to) continue;
    if (after - before > longest.ms) longest = { ms: after - before, at: before, answered: [] };
  }
  if (longest.at !== null) {
    const end = longest.at + longest.ms;
    longest.answered = run.calls
      .filter((c) => c.end !== null && c.end >= longest.at && c.end <= end)
      .map((c) => `${c.cmd} (${Math.round(c.end - c.start)} ms)`);
  }
  return longest;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** "1,234 ms" for a table cell: whole milliseconds. */
export function ms(value) {
  return `${Math.round(value).toLocaleString("en-GB")} ms`;
}
