// Job: undo a mistake with a backup. With the examples loaded, the organiser
// backs up the plan (Backups → Back up now), deletes an event, opens the
// backups from the home screen, restores the backup they took, and finds the
// event listed again; the plan as it was before the restore is itself a
// backup, and restoring it takes the event away again.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const plan = process.env.E2E_DB;
const EVENT = "Migrant Protection in South-East Asia";
const ROW = '[data-testid="backup-row"]';
const DIALOG = 'dialog[open][data-testid="confirm-dialog"]';

/** The titles of the events listed on the home screen. */
async function eventTitles(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="event-row"]')].map((row) => row.textContent.replace(/\s+/g, " ")),
  );
}

/** Opens the backups screen from the home screen's link and waits for its list. */
async function openBackups(browser) {
  await browser.keys(["Alt", "h"]);
  await browser.$('[data-testid="backups-link"]').waitForClickable();
  await browser.$('[data-testid="backups-link"]').click();
  await browser.$('[data-testid="screen-backups"]').waitForDisplayed();
  await browser.$('[data-testid="backup-folder"]').waitForDisplayed();
}

/** Restores the backup whose row matches `selector`, through its question. */
async function restore(browser, selector) {
  await browser.$(`${selector} [data-testid="restore-backup"]`).click();
  const dialog = await browser.$(DIALOG);
  await dialog.waitForDisplayed();
  return dialog;
}

describe("restore from a backup", () => {
  let browser;
  let held = "";

  before(async () => {
    assert.ok(plan, "run.sh sets E2E_DB to the app's plan file");
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("Back up now, from the home screen's Backups, lists a new backup of the plan", () =>
    withFailureScreenshot(browser, "backups", async () => {
      await openBackups(browser);
      const folder = await waitForText(browser, '[data-testid="backup-folder"]', "backups");
      assert.ok(folder.startsWith(path.dirname(plan)), `the backups of ${plan} are kept beside it in tests: ${folder}`);
      const before = (await browser.$$(ROW)).length;

      await browser.$('[data-testid="back-up-now"]').click();
      const notice = await waitForText(browser, '[data-testid="notice"]', "Backed up the plan as it is now");
      held = /\((\d+ events, \d+ participants)\)/.exec(notice)?.[1] ?? "";
      assert.match(held, /^3 events, \d+ participants$/, notice);
      await browser.waitUntil(async () => (await browser.$$(ROW)).length === before + 1, {
        timeoutMsg: "the new backup was not listed",
      });
      const newest = await browser.$(ROW).getText();
      for (const part of ["Requested", "just taken", held]) assert.ok(newest.includes(part), `${part} in: ${newest}`);
      await assertNoError(browser);
    }));

  test("deleting an event takes it off the home screen", () =>
    withFailureScreenshot(browser, "backups", async () => {
      await browser.keys(["Alt", "h"]);
      const row = await elementWithText(browser, '[data-testid="event-row"]', EVENT);
      await row.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="delete-event"]').click();
      await browser.$(DIALOG).waitForDisplayed();
      await browser.$(`${DIALOG} [data-testid="confirm"]`).click();
      await browser.$('[data-testid="load-examples"]').waitForDisplayed();
      await browser.waitUntil(async () => (await eventTitles(browser)).length === 2, {
        timeoutMsg: "the deleted event is still listed",
      });
      assert.ok(!(await eventTitles(browser)).some((t) => t.includes(EVENT)));
    }));

  test("restoring the backup taken asks first, then the deleted event is listed again", () =>
    withFailureScreenshot(browser, "backups", async () => {
      await openBackups(browser);
      // The delete took its own backup, which is now the newest.
      await browser.waitUntil(async () => (await browser.$(ROW).getAttribute("data-reason")) === "before_delete", {
        timeoutMsg: "no backup before the delete at the top of the list",
      });
      const requested = `${ROW}[data-reason="requested"]`;
      assert.ok((await browser.$(requested).getText()).includes(held));
      await snapshot(browser, "backups-list");

      const dialog = await restore(browser, requested);
      const question = await waitForText(browser, DIALOG, "Put the plan back as it was on");
      assert.ok(question.includes(`holds ${held}.`), question);
      assert.ok(question.includes("The plan as it is now is backed up first, so you can undo this"), question);
      await snapshot(browser, "backups-confirm");
      await dialog.$('[data-testid="confirm"]').click();

      const notice = await waitForText(browser, '[data-testid="notice"]', "The plan is back as it was on");
      assert.ok(notice.includes(`(${held})`), notice);
      assert.ok(notice.includes("kept as the backup “Before a restore” of"), notice);
      await browser.waitUntil(async () => (await browser.$(ROW).getAttribute("data-reason")) === "before_restore", {
        timeoutMsg: "the backup of the plan as it was before the restore is not at the top of the list",
      });
      assert.ok((await browser.$(ROW).getText()).includes("just taken"));
      await assertNoError(browser);
      await snapshot(browser, "backups-restored");

      await browser.$('[data-testid="notice-link"]').click();
      await elementWithText(browser, '[data-testid="event-row"]', EVENT);
      assert.equal((await eventTitles(browser)).length, 3);
      await assertNoError(browser);
      await snapshot(browser, "backups-home-restored");
    }));

  test("restoring the backup taken before the restore undoes it", () =>
    withFailureScreenshot(browser, "backups", async () => {
      await openBackups(browser);
      const dialog = await restore(browser, `${ROW}[data-reason="before_restore"]`);
      await dialog.$('[data-testid="confirm"]').click();
      await waitForText(browser, '[data-testid="notice"]', "The plan is back as it was on");
      await browser.$('[data-testid="notice-link"]').click();
      await browser.waitUntil(async () => (await eventTitles(browser)).length === 2, {
        timeoutMsg: "the event restored is still listed after the undo",
      });
      assert.ok(!(await eventTitles(browser)).some((t) => t.includes(EVENT)));
      await assertNoError(browser);
    }));
});
