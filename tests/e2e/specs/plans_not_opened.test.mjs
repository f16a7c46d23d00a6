// Plans that do not open at start, each with its own message on the failure
// screen and the file left byte for byte as it was: an empty file, another
// program's SQLite database (tests/fixtures/foreign, made by its make.sh),
// and a plan saved by a newer version (this app's plan with a higher
// user_version in its header: the message names both versions). First the
// organiser works on a good plan and backs it up; at the end, the failure
// screen restores that backup into a new plan, which opens with its events.
// Each case writes E2E_DB, the plan the app opens at start, and starts the
// app again; the file dialogs answer from E2E_DIALOG_DIR (run.sh).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { launchApp, repoRoot, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const dialogDir = process.env.E2E_DIALOG_DIR;
const plan = process.env.E2E_DB;
const name = () => path.basename(plan);
const EVENT_ROW = '[data-testid="event-row"]';
const FOREIGN = path.join(repoRoot, "tests/fixtures/foreign/accounts.sqlite3");
/** Where SQLite keeps `PRAGMA user_version` in a database file's header (4 bytes, big-endian). */
const USER_VERSION_OFFSET = 60;

/** Makes `bytes` the plan the app opens at start, with no journal beside it. */
function writePlan(bytes) {
  for (const file of [plan, `${plan}-wal`, `${plan}-shm`, `${plan}-journal`]) fs.rmSync(file, { force: true });
  fs.writeFileSync(plan, bytes);
}

/** Starts the app on the plan as it is, and waits for the failure screen's message. */
async function startOnFailure() {
  const browser = await launchApp();
  await browser.$('[data-testid="plan-not-opened"]').waitForDisplayed();
  await waitForText(browser, '[data-testid="failed-plan-path"]', plan);
  return browser;
}

const message = (browser) =>
  browser.execute(() => document.querySelector('[data-testid="failed-plan-message"]')?.textContent.trim() ?? "");

describe("plans that do not open", () => {
  let browser;
  /** The good plan, saved as a copy before anything is broken. */
  let good;

  before(async () => {
    assert.ok(dialogDir && fs.existsSync(dialogDir), "run.sh sets E2E_DIALOG_DIR to an existing directory");
    assert.ok(plan, "run.sh sets E2E_DB to the app's plan file");
    assert.ok(fs.existsSync(FOREIGN), `${FOREIGN} is checked in (tests/fixtures/foreign/make.sh makes it)`);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("a good plan is backed up and saved as a copy", () =>
    withFailureScreenshot(browser, "plans-not-opened", async () => {
      browser = await launchApp();
      await loadExamples(browser);
      await browser.$('[data-testid="menu-file"]').click();
      await browser.$('[data-testid="menu-backups"]').click();
      await browser.$('[data-testid="back-up-now"]').waitForClickable();
      await browser.$('[data-testid="back-up-now"]').click();
      await waitForText(browser, '[data-testid="notice"]', "Backed up");
      await browser.$('[data-testid="menu-file"]').click();
      await browser.$('[data-testid="menu-save-copy"]').click();
      await waitForText(browser, '[data-testid="plan-notice"]', "Saved a copy of the plan");
      good = fs.readdirSync(dialogDir).find((file) => file.endsWith(".rtplan"));
      assert.ok(good, "the copy is among the dialog's files");
      good = fs.readFileSync(path.join(dialogDir, good));
      await browser.deleteSession();
      browser = null;
    }));

  test("an empty file is refused as empty, and left as it was", () =>
    withFailureScreenshot(browser, "plans-not-opened", async () => {
      writePlan(Buffer.alloc(0));
      browser = await startOnFailure();
      assert.equal(await message(browser), `${name()} is empty: it is not a Roundtable Planner plan`);
      await snapshot(browser, "plans-not-opened-empty");
      await browser.deleteSession();
      browser = null;
      assert.equal(fs.statSync(plan).size, 0, "the file is still empty");
    }));

  test("another program's database is refused as such, and left as it was", () =>
    withFailureScreenshot(browser, "plans-not-opened", async () => {
      const ledger = fs.readFileSync(FOREIGN);
      writePlan(ledger);
      browser = await startOnFailure();
      assert.equal(
        await message(browser),
        `${name()} is another program's database, not a Roundtable Planner plan; it was left as it is`,
      );
      await snapshot(browser, "plans-not-opened-foreign");
      await browser.deleteSession();
      browser = null;
      assert.ok(fs.readFileSync(plan).equals(ledger), "the database is byte for byte as it was");
      for (const beside of ["-wal", "-shm", "-journal"]) assert.equal(fs.existsSync(plan + beside), false, `no ${beside}`);
    }));

  test("a plan from a newer version names both versions, and a backup restores into a new plan", () =>
    withFailureScreenshot(browser, "plans-not-opened", async () => {
      const newer = Buffer.from(good);
      const latest = newer.readUInt32BE(USER_VERSION_OFFSET);
      assert.ok(latest > 0, "a plan carries its schema version");
      newer.writeUInt32BE(latest + 1, USER_VERSION_OFFSET);
      writePlan(newer);
      browser = await startOnFailure();
      assert.equal(
        await message(browser),
        `${name()} was saved by a newer version of Roundtable Planner (plan version ${latest + 1}; this version ` +
          `opens plans up to version ${latest}). Open it with the newer version, or update this one.`,
      );
      await snapshot(browser, "plans-not-opened-newer");

      // The backup taken of the good plan is offered here; restored, it is a new plan with the events.
      const requested = await browser.$('[data-testid="backup-row"][data-reason="requested"]');
      await requested.waitForDisplayed();
      await requested.$('[data-testid="restore-into-new-plan"]').click();
      await browser.waitUntil(async () => (await browser.$$(EVENT_ROW)).length === 3, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the restored plan's three events were not listed",
      });
      const restored = path.basename(plan, path.extname(plan)) + " restored";
      await browser.waitUntil(async () => (await browser.getTitle()).startsWith(`${restored} — Events`), {
        timeout: UI_TIMEOUT,
        timeoutMsg: `the title does not name ${restored}: ${await browser.getTitle()}`,
      });
      assert.ok(fs.existsSync(path.join(dialogDir, `${restored}.rtplan`)), "the new plan is where the dialog said");
      await snapshot(browser, "plans-not-opened-restored");
      assert.ok(fs.readFileSync(plan).equals(newer), "the newer plan is byte for byte as it was");
    }));
});
