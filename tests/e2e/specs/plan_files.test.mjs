// Job: work with plans as documents, from the window's menu bar. With the
// examples loaded, the organiser saves a copy of the plan (File → Save a
// copy…), starts a new, empty plan (File → New plan…; the window's title
// names it), and goes back to the copy through File → Open recent, where the
// examples are again. Another program's file offered to File → Open plan… is
// refused with a message and the plan open stays. Then the app starts on a
// plan file that is not a plan: the window says so, with the file's name and
// path and why, and New plan… from there gets a working window. The file
// dialogs answer from E2E_DIALOG_DIR (run.sh); the last part writes text over
// E2E_DB, the plan the app opens at start, and starts the app again.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { launchApp, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const dialogDir = process.env.E2E_DIALOG_DIR;
const plan = process.env.E2E_DB;
const ROWS = '[data-testid="event-row"]';
const APP = "Roundtable Planner";

/** The window's title as the window manager has it (xdotool), or null when no window has `title`. */
function nativeTitle(title) {
  try {
    const id = execFileSync("xdotool", ["search", "--name", `^${title}$`], { encoding: "utf8", timeout: 10_000 })
      .trim()
      .split("\n")[0];
    return id ? execFileSync("xdotool", ["getwindowname", id], { encoding: "utf8", timeout: 10_000 }).trim() : null;
  } catch {
    return null;
  }
}

/** Waits until the window's title (the document's and the native window's) is `title`. */
async function waitForTitle(browser, title) {
  await browser.waitUntil(async () => (await browser.getTitle()) === title, {
    timeout: UI_TIMEOUT,
    timeoutMsg: `the title never became "${title}" (last: "${await browser.getTitle()}")`,
  });
  await browser.waitUntil(async () => nativeTitle(title) === title, {
    timeout: UI_TIMEOUT,
    timeoutMsg: `no window is titled "${title}"`,
  });
}

/** Opens the File menu by a click and chooses the item `testid` in it. */
async function fileMenu(browser, testid) {
  await browser.$('[data-testid="menu-file"]').click();
  const item = await browser.$(`[data-testid="${testid}"]`);
  await item.waitForClickable();
  await item.click();
}

/** The item of the open submenu `testid` whose label is `label` (by textContent: WebDriver's
 *  visible text is "" for a label that can be cut short with an ellipsis). */
async function submenuItem(browser, testid, label) {
  let found = null;
  await browser.waitUntil(
    async () => {
      found = await browser.execute(
        (sel, text) =>
          [...document.querySelectorAll(sel)].find((item) => item.textContent.trim() === text)?.dataset.testid ?? null,
        `[data-testid="${testid}-items"] [role="menuitem"]`,
        label,
      );
      return found !== null;
    },
    { timeout: UI_TIMEOUT, timeoutMsg: `no item "${label}" in ${testid}` },
  );
  return browser.$(`[data-testid="${found}"]`);
}

const eventCount = async (browser) => (await browser.$$(ROWS)).length;

describe("plans as documents, from the menu bar", () => {
  let browser;

  before(async () => {
    assert.ok(dialogDir && fs.existsSync(dialogDir), "run.sh sets E2E_DIALOG_DIR to an existing directory");
    assert.ok(plan, "run.sh sets E2E_DB to the app's plan file");
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("the menu bar opens with the keyboard and the title names the plan and the screen", () =>
    withFailureScreenshot(browser, "plan-files", async () => {
      const name = path.basename(plan, path.extname(plan));
      await waitForTitle(browser, `${name} — Events — ${APP}`);

      // File by a click, then along the bar (File, Edit, View, Help) with the arrow keys; Escape closes.
      await browser.$('[data-testid="menu-file"]').click();
      await browser.$('[data-testid="menu-new-plan"]').waitForDisplayed();
      assert.equal(await browser.$('[data-testid="menu-file"]').getAttribute("aria-expanded"), "true");
      await browser.keys(["ArrowRight"]);
      await browser.$('[data-testid="menu-select-all"]').waitForDisplayed();
      assert.equal(await browser.$('[data-testid="menu-new-plan"]').isExisting(), false, "File closed when Edit opened");
      await browser.keys(["ArrowRight"]);
      await browser.$('[data-testid="menu-organisations"]').waitForDisplayed();
      await browser.keys(["ArrowDown", "Enter"]);
      await browser.$('[data-testid="menu-organisations"]').waitForDisplayed({ reverse: true });
      await waitForTitle(browser, `${name} — Organisations and funders — ${APP}`);
      await browser.$('[data-testid="menu-view"]').click();
      await browser.$('[data-testid="menu-home"]').waitForDisplayed();
      await browser.keys(["Escape"]);
      await browser.$('[data-testid="menu-home"]').waitForDisplayed({ reverse: true });
      await browser.$('[data-testid="menu-view"]').click();
      await browser.$('[data-testid="menu-home"]').click();
      await waitForTitle(browser, `${name} — Events — ${APP}`);
    }));

  test("File → Save a copy… writes the copy and the plan stays open", () =>
    withFailureScreenshot(browser, "plan-files", async () => {
      await fileMenu(browser, "menu-save-copy");
      const name = path.basename(plan, path.extname(plan));
      const copy = path.join(dialogDir, `${name} copy.rtplan`);
      await waitForText(browser, '[data-testid="plan-notice"]', `Saved a copy of the plan as ${copy}`);
      assert.ok(fs.existsSync(copy) && fs.statSync(copy).size > 0, `${copy} was written`);
      assert.equal(await eventCount(browser), 3);
    }));

  test("File → Show in folder is offered for the open plan and answers without an error", () =>
    withFailureScreenshot(browser, "plan-files", async () => {
      // Nothing here can look at a file manager: under the tests the app records what it was to show
      // (the headless tests check that it is the open plan's file, and only it).
      await browser.$('[data-testid="menu-file"]').click();
      const item = await browser.$('[data-testid="menu-show-in-folder"]');
      await item.waitForClickable();
      assert.equal(await item.getAttribute("aria-disabled"), null, "enabled while a plan is open");
      await snapshot(browser, "plan-files-menu-file");
      await item.click();
      await item.waitForDisplayed({ reverse: true });
      await browser.pause(500);
      assert.equal(await browser.$('[data-testid="plan-error"]').isExisting(), false, "no error was shown");
    }));

  test("File → New plan… opens an empty plan, named in the title", () =>
    withFailureScreenshot(browser, "plan-files", async () => {
      await fileMenu(browser, "menu-new-plan");
      await browser.$('[data-testid="empty-state"]').waitForDisplayed();
      assert.equal(await eventCount(browser), 0);
      assert.ok(fs.existsSync(path.join(dialogDir, "New plan.rtplan")), "the new plan's file is where the dialog said");
      await waitForTitle(browser, `New plan — Events — ${APP}`);
      await snapshot(browser, "plan-files-new-plan-title");
    }));

  test("File → Open recent ▸ the copy brings the examples back", () =>
    withFailureScreenshot(browser, "plan-files", async () => {
      const name = path.basename(plan, path.extname(plan));
      await browser.$('[data-testid="menu-file"]').click();
      await browser.$('[data-testid="menu-open-recent"]').click();
      const recent = await submenuItem(browser, "menu-open-recent", `${name} copy`);
      await snapshot(browser, "plan-files-menu-open-recent");
      await recent.click();
      await browser.waitUntil(async () => (await eventCount(browser)) === 3, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the copy's three example events were not listed",
      });
      await waitForTitle(browser, `${name} copy — Events — ${APP}`);
    }));

  test("another program's file is refused by File → Open plan…, and the plan open stays", () =>
    withFailureScreenshot(browser, "plan-files", async () => {
      const name = path.basename(plan, path.extname(plan));
      fs.writeFileSync(path.join(dialogDir, "x.rtplan"), "Shopping list\nmilk\neggs\n");
      await browser.keys(["Control", "o"]);
      const refusal = await waitForText(browser, '[data-testid="plan-error"]', "x.rtplan");
      assert.ok(refusal.length > "x.rtplan".length, `a reason is given: ${refusal}`);
      await snapshot(browser, "plan-files-refused");
      assert.equal(await eventCount(browser), 3);
      assert.equal(await browser.getTitle(), `${name} copy — Events — ${APP}`);
      await browser.$('[data-testid="plan-message-dismiss"]').click();
      await browser.$('[data-testid="plan-error"]').waitForDisplayed({ reverse: true });
    }));
});

describe("a plan that does not open at start", () => {
  let browser;

  before(async () => {
    // The app opens E2E_DB at start: make it a file of text, and start again.
    for (const file of [plan, `${plan}-wal`, `${plan}-shm`]) fs.rmSync(file, { force: true });
    fs.writeFileSync(plan, "These are my notes, not a plan.\n");
    for (const file of fs.readdirSync(dialogDir)) fs.rmSync(path.join(dialogDir, file));
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("the window says which plan and why, and New plan… gets to a working window", () =>
    withFailureScreenshot(browser, "plan-not-opened", async () => {
      await browser.$('[data-testid="plan-not-opened"]').waitForDisplayed();
      await waitForText(browser, '[data-testid="plan-not-opened"] h1', "This plan could not be opened");
      const name = path.basename(plan, path.extname(plan));
      assert.equal(await browser.$('[data-testid="failed-plan-name"]').getText(), name);
      await waitForText(browser, '[data-testid="failed-plan-path"]', plan);
      const message = await browser.$('[data-testid="failed-plan-message"]').getText();
      assert.ok(message.trim().length > 0, "the reason is shown");
      await waitForTitle(browser, `The plan could not be opened — ${APP}`);
      await snapshot(browser, "plan-files-not-opened");

      await browser.$('[data-testid="failed-new-plan"]').click();
      await browser.$('[data-testid="empty-state"]').waitForDisplayed();
      await waitForTitle(browser, `New plan — Events — ${APP}`);
      await loadExamples(browser);
      assert.equal(await eventCount(browser), 3);
      assert.equal(fs.readFileSync(plan, "utf8"), "These are my notes, not a plan.\n", "the file is left as it was");
    }));
});
