// The UI bench: how the window behaves while a 100,000-row participant import
// commits (the longest frame, goal under 50 ms), and how fast the panel of a
// 500-member delegation opens (goal under 100 ms). Run on the release app by
// `bash scripts/bench.sh` (or alone: `bash scripts/bench.sh --ui-only`), as
//   APP=target/release/roundtable-planner tests/e2e/run.sh tests/e2e/bench/ui_timings.bench.mjs
// It is not a test (no goal fails it) and the default specs/*.test.mjs glob
// leaves it out, so CI does not run it.
//
// Every run starts the app afresh on a copy of one plan made with the
// `roundtable` command line: an empty event to import into, and an event whose
// delegation has 500 members. In each run the panel is opened once cold (the
// first opening after launch) and WARM_OPENS times more, then the import is
// checked and committed while frames are recorded. Medians and the worst run
// are printed as a table and written to artifacts/ui_timings.json and .md
// (ui_timings-compositing-off.* with compositing off).
//
// Environment: BENCH_RUNS (default 5), BENCH_IMPORT_ROWS (default 100000).
// WEBKIT_DISABLE_COMPOSITING_MODE=1 (WebKitGTK's own switch, inherited by the
// app) draws without accelerated compositing: under Xvfb there is no GPU, and
// compositing runs on Mesa's software renderer (llvmpipe), which costs more than
// a core at every frame; scripts/bench.sh measures both ways.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { artifactsDir, launchApp, UI_TIMEOUT } from "../lib/app.mjs";
import { elementWithText, waitForText } from "../lib/forms.mjs";
import { cpuBetween, cpuSnapshot } from "./cpu.mjs";
import { commitImportInPage, longestFrame, median, ms, openPanelInPage, installProbes } from "./probes.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const MEMBERS = 500;
const WARM_OPENS = 3;
const DELEGATION = "Indonesia";
const IMPORT_EVENT = "Import bench dialogue";
const DELEGATION_EVENT = "Large delegation dialogue";
/** Frames recorded at rest before the commit click, and after the list shows everyone. */
const REST_MS = 1_000;
const TAIL_MS = 500;
const COUNTRIES = ["Thailand", "Cambodia", "Lao PDR", "Viet Nam", "Malaysia", "Indonesia", "The Philippines"];

const COMPOSITING_OFF = Boolean(process.env.WEBKIT_DISABLE_COMPOSITING_MODE);
const plan = process.env.E2E_DB;
const dialogDir = process.env.E2E_DIALOG_DIR;

/** Runs the `roundtable` command line built beside the app on the plan file `db`. */
function roundtable(db, ...args) {
  const cli = path.join(path.dirname(process.env.APP), "roundtable");
  return execFileSync(cli, ["--db", db, ...args], { encoding: "utf8" });
}

/** The plan every run starts from, built once in `dir`. */
function buildTemplate(dir) {
  const db = path.join(dir, "template.sqlite");
  const event = (title) =>
    roundtable(db, "event", "create", "--title", title, "--city", "Bangkok", "--country", "TH", "--time-zone", "Asia/Bangkok", "--start", "2026-09-21", "--end", "2026-09-23");
  event(IMPORT_EVENT);
  event(DELEGATION_EVENT);
  const members = Array.from({ length: MEMBERS }, (_, i) => `Member${i},Person ${String(i).padStart(3, "0")},${DELEGATION}`);
  const file = path.join(dir, "delegation.csv");
  fs.writeFileSync(file, ["Given name,Family name,Country", ...members].join("\n") + "\n");
  roundtable(db, "import", "participants", "--event", DELEGATION_EVENT, file);
  return db;
}

/** A registration list of `rows` distinct people, as a CSV (the long-import spec's shape). */
function registrations(rows) {
  const lines = ["Surname;Given name;Country;E-mail"];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(`Registrant${i};Person;${COUNTRIES[i % COUNTRIES.length]};registrant${i}@example.org`);
  }
  return `${lines.join("\n")}\n`;
}

/** Puts a fresh copy of the template where the app opens its plan. */
function restorePlan(template) {
  for (const suffix of ["", "-wal", "-shm"]) {
    fs.rmSync(plan + suffix, { force: true });
    if (fs.existsSync(template + suffix)) fs.copyFileSync(template + suffix, plan + suffix);
  }
}

/** Waits until no process runs the app binary any more (the last session's app has quit). */
async function appGone() {
  const app = fs.realpathSync(process.env.APP);
  const running = () =>
    fs.readdirSync("/proc").some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return fs.readlinkSync(`/proc/${pid}/exe`) === app;
      } catch {
        return false;
      }
    });
  for (let i = 0; i < 100 && running(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function openEvent(browser, title, tab) {
  // Home first: the window reopens a plan where the last run left it.
  await browser.keys(["Alt", "h"]);
  const row = await elementWithText(browser, '[data-testid="event-row"]', title);
  await row.$('[data-testid="event-link"]').click();
  await browser.$(`[data-testid="tab-${tab}"]`).click();
}

/** Opens the delegation's panel from the tracker, timed in the page, checks it and closes it. */
async function timePanel(browser) {
  const result = await browser.executeAsync(openPanelInPage, DELEGATION);
  if (result.error) throw new Error(result.error);
  const drawn = (await browser.$$('[data-testid="panel-member"]')).length;
  assert.ok(drawn > 0 && drawn <= 40, `${drawn} members drawn at once, not all ${MEMBERS}`);
  assert.match(await browser.$("#members-heading").getText(), new RegExp(`${MEMBERS} people`));
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await browser.$('[data-testid="delegation-panel"]').isExisting()), {
    timeout: UI_TIMEOUT,
    timeoutMsg: "the panel did not close",
  });
  return result;
}

/** Checks the registration list in the import wizard, then commits it with frames recorded. */
async function timeImport(browser) {
  await browser.$('[data-testid="open-import"]').click();
  await browser.$('[data-testid="import-wizard"]').waitForDisplayed();
  await browser.$('[data-testid="import-choose"]').click();
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelector('[data-testid="import-counts"]')?.textContent ?? "")).includes("0 rejected rows"),
    { timeout: 120_000, timeoutMsg: "the import check did not end" },
  );
  await browser.$('[data-testid="import-commit"]').waitForEnabled({ timeout: UI_TIMEOUT });
  const before = cpuSnapshot(process.env.APP);
  const run = await browser.executeAsync(commitImportInPage, ROWS, REST_MS, TAIL_MS);
  const cpu = cpuBetween(before, cpuSnapshot(process.env.APP));
  if (run.error) throw new Error(run.error);
  await waitForText(browser, '[data-testid="import-done"]', "Imported.");
  return {
    rest: longestFrame(run, -REST_MS, 0),
    commit: longestFrame(run, 0, run.endMessage),
    refresh: longestFrame(run, run.endMessage, run.listed),
    cpu,
    commitMs: run.endMessage,
    listedMs: run.listed,
    frames: run.frames.map((t) => Math.round(t * 10) / 10),
    calls: run.calls,
  };
}

function row(figure, goal, values) {
  const shown = values.map((v) => Math.round(v)).join(" / ");
  return `| ${figure} | ${goal} | ${ms(median(values))} | ${ms(Math.max(...values))} | ${shown} |`;
}

function report(runs) {
  const cold = runs.map((r) => r.panels[0].ms);
  const warm = runs.flatMap((r) => r.panels.slice(1).map((p) => p.ms));
  const lines = [
    `UI timings of ${process.env.APP}, ${runs.length} runs (${new Date().toISOString().slice(0, 16)} UTC, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}), ${COMPOSITING_OFF ? "compositing off" : "accelerated compositing"}`,
    "",
    "| figure | goal | median | worst | each run |",
    "| --- | --- | ---: | ---: | --- |",
    row(`longest frame while ${ROWS.toLocaleString("en-GB")} rows commit (click to end message)`, "< 50 ms", runs.map((r) => r.import.commit.ms)),
    row("longest frame while the list refreshes (end message to all listed)", "", runs.map((r) => r.import.refresh.ms)),
    row("longest frame at rest, before the click", "", runs.map((r) => r.import.rest.ms)),
    row("import commit, click to end message", "", runs.map((r) => r.import.commitMs)),
    row("import, click to everyone listed", "", runs.map((r) => r.import.listedMs)),
    row(`${MEMBERS}-member panel, first opening after launch`, "< 100 ms", cold),
    row(`${MEMBERS}-member panel, later openings (${WARM_OPENS} a run)`, "< 100 ms", warm),
    "",
    "Where each run's longest frames were (ms after the click; IPC answers that arrived in them):",
  ];
  runs.forEach((r, i) => {
    for (const [label, frame] of [["commit", r.import.commit], ["refresh", r.import.refresh]]) {
      lines.push(`  run ${i + 1} ${label}: ${Math.round(frame.ms)} ms at ${Math.round(frame.at)}: ${frame.answered.join(", ") || "no IPC answer"}`);
    }
    const { cpu } = r.import;
    const busiest = cpu.threads.slice(0, 5).map((t) => `${t.name} ${Math.round(t.ms)}`).join(", ");
    lines.push(
      `  run ${i + 1} CPU over ${Math.round(cpu.wallMs)} ms (1 s at rest, commit, refresh): app ${Math.round(cpu.appMs)} ms (${busiest}), other programs ${Math.round(cpu.otherMs)} ms`,
    );
    const slowest = r.panels.reduce((a, b) => (b.ms > a.ms ? b : a));
    const calls = slowest.calls.map((c) => `${c.cmd} ${c.ms === null ? "?" : Math.round(c.ms)} ms`).join(", ");
    lines.push(`  run ${i + 1} slowest panel: ${Math.round(slowest.ms)} ms (panel drawn at ${Math.round(slowest.panelMs)} ms; calls: ${calls})`);
  });
  return lines.join("\n");
}

describe("UI timings in the release app", () => {
  let scratch;
  let template;
  let browser;

  before(() => {
    assert.ok(plan && dialogDir && fs.existsSync(dialogDir), "run.sh sets E2E_DB and E2E_DIALOG_DIR");
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "roundtable-ui-bench-"));
    template = buildTemplate(scratch);
    fs.writeFileSync(path.join(dialogDir, "registrations.csv"), registrations(ROWS));
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test(`${RUNS} runs: panel openings and a ${ROWS}-row import`, { timeout: RUNS * 600_000 }, async () => {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      restorePlan(template);
      browser = await launchApp();
      await browser.setTimeout({ script: 180_000 });
      await installProbes(browser);

      await openEvent(browser, DELEGATION_EVENT, "delegations");
      await browser
        .$(`[data-testid="tracker-row"][data-name="${DELEGATION}"] [data-testid="open-delegation"]`)
        .waitForClickable({ timeout: UI_TIMEOUT });
      const panels = [];
      for (let open = 0; open <= WARM_OPENS; open += 1) panels.push(await timePanel(browser));

      await browser.execute(() => {
        location.hash = "#/";
      });
      await openEvent(browser, IMPORT_EVENT, "participants");
      const imported = await timeImport(browser);
      runs.push({ panels, import: imported });
      console.log(
        `run ${i + 1}: panel ${panels.map((p) => Math.round(p.ms)).join(" / ")} ms; import commit ${Math.round(imported.commitMs)} ms, longest frame ${Math.round(imported.commit.ms)} ms (refresh ${Math.round(imported.refresh.ms)} ms)`,
      );

      await browser.deleteSession();
      browser = undefined;
      await appGone();
    }
    const table = report(runs);
    console.log(`\n${table}\n`);
    fs.mkdirSync(artifactsDir, { recursive: true });
    const name = COMPOSITING_OFF ? "ui_timings-compositing-off" : "ui_timings";
    const json = { app: process.env.APP, rows: ROWS, members: MEMBERS, compositingOff: COMPOSITING_OFF, runs };
    fs.writeFileSync(path.join(artifactsDir, `${name}.json`), JSON.stringify(json, null, 2));
    fs.writeFileSync(path.join(artifactsDir, `${name}.md`), `${table}\n`);
  });
});
