// Job: take back a mistake. With the examples loaded, the organiser deletes
// an event (the question no longer says it cannot be undone), presses Ctrl+Z
// and finds it listed again with its participants; Edit names what Redo
// would bring back and does it; Ctrl+Z takes the delete back once more.
// View → History lists the actions, the undo and redo among them, the latest first.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const EVENT = "Migrant Protection in South-East Asia";
const DIALOG = 'dialog[open][data-testid="confirm-dialog"]';
const ROW = '[data-testid="event-row"]';

async function eventRows(browser) {
  return browser.execute((sel) => [...document.querySelectorAll(sel)].map((r) => r.textContent.replace(/\s+/g, " ")), ROW);
}

async function waitForEvents(browser, count, why) {
  await browser.waitUntil(async () => (await eventRows(browser)).length === count, { timeoutMsg: why });
}

/** Presses Ctrl+Z (with Shift for redo) with the focus on no field. */
async function pressUndo(browser, redo = false) {
  await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await browser.keys(redo ? ["Control", "Shift", "z"] : ["Control", "z"]);
  await browser.keys(["Control", "Shift"]);
}

describe("undo, redo and history", () => {
  let browser;
  let listed = "";

  before(async () => {
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("an event deleted by mistake comes back with Ctrl+Z", () =>
    withFailureScreenshot(browser, "undo", async () => {
      listed = (await elementWithText(browser, ROW, EVENT).then((row) => row.getText())).replace(/\s+/g, " ");
      const row = await elementWithText(browser, ROW, EVENT);
      await row.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="delete-event"]').click();
      const question = await waitForText(browser, DIALOG, "Undo");
      assert.ok(!question.includes("cannot be undone"), question);
      await snapshot(browser, "undo-delete-question");
      await browser.$(`${DIALOG} [data-testid="confirm"]`).click();
      await browser.$('[data-testid="load-examples"]').waitForDisplayed();
      await waitForEvents(browser, 2, "the deleted event is still listed");

      await pressUndo(browser);
      const notice = await waitForText(browser, '[data-testid="plan-notice"]', "Undone: Deleted event");
      assert.ok(notice.includes(EVENT), notice);
      await waitForEvents(browser, 3, "the event did not come back");
      const back = (await elementWithText(browser, ROW, EVENT).then((r) => r.getText())).replace(/\s+/g, " ");
      assert.equal(back, listed, "the event is listed as it was, with its delegations and participants counted");
      await assertNoError(browser);
      await snapshot(browser, "undo-event-back");
    }));

  test("Edit names what Redo brings back, and Redo deletes the event again", () =>
    withFailureScreenshot(browser, "undo", async () => {
      await browser.$('[data-testid="menu-edit"]').click();
      // The label is clipped with an ellipsis, so its text is read, not WebDriver's visible text.
      await waitForText(browser, '[data-testid="menu-redo"]', /^Redo Deleted event High-level Regional Dialogue/);
      await snapshot(browser, "undo-edit-menu");
      await browser.$('[data-testid="menu-redo"]').click();
      await waitForText(browser, '[data-testid="plan-notice"]', "Redone: Deleted event");
      await waitForEvents(browser, 2, "Redo did not delete the event again");
      await pressUndo(browser);
      await waitForEvents(browser, 3, "the second undo did not bring the event back");
      await assertNoError(browser);
    }));

  test("View → History lists the undo and redo among the actions, the latest first", () =>
    withFailureScreenshot(browser, "undo", async () => {
      await browser.$('[data-testid="menu-view"]').click();
      await browser.$('[data-testid="menu-history"]').click();
      await browser.$('[data-testid="screen-history"]').waitForDisplayed();
      const first = await waitForText(browser, '[data-testid="activity-row"]', EVENT);
      assert.ok(first.startsWith(`Undo`) || first.includes("Undo Added event"), first);
      const steps = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="activity-row"]')].map((r) => r.dataset.step),
      );
      assert.deepEqual(steps.slice(0, 5), ["undo", "redo", "undo", "do", "do"], "undo, redo, undo, the delete, the examples");
      await assertNoError(browser);
      await snapshot(browser, "history");
    }));
});
