// Erasing a person from the whole plan: the Bangkok dialogue's first
// participant, from their panel, Erase person… asked once in plain words
// (backups left alone unless ticked), then their row reads "Erased
// participant", the count stays, and the message says what was kept and
// removed.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, saveScreenshot, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";

const EVENT_ROW = '[data-testid="event-row"]';
const PARTICIPANT_ROW = '[data-testid="participant-row"]';

describe("erase a person", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("Erase person… from the panel leaves an anonymous seat and says what it did", () =>
    withFailureScreenshot(browser, "erase-person", async () => {
      await browser.$('[data-testid="load-examples"]').waitForClickable();
      await browser.$('[data-testid="load-examples"]').click();
      await browser.waitUntil(async () => (await browser.$$(EVENT_ROW)).length >= 3, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the example events were not listed",
      });
      let dialogue = null;
      for (const row of await browser.$$(EVENT_ROW)) {
        if ((await row.getText()).includes("Dialogue")) dialogue = await row.getAttribute("data-event-id");
      }
      assert.ok(dialogue, "the Bangkok dialogue is listed");

      await browser.execute((hash) => (location.hash = hash), `#/events/${dialogue}/participants`);
      const summary = await browser.$('[data-testid="participants-summary"]');
      await summary.waitForDisplayed();
      await browser.waitUntil(async () => (await summary.getText()) === "41 participants", {
        timeout: UI_TIMEOUT,
        timeoutMsg: `the summary says ${await summary.getText()}`,
      });

      const first = await browser.$(PARTICIPANT_ROW);
      const id = await first.getAttribute("data-participant-id");
      const name = await first.getAttribute("data-name");
      await (await first.$('[data-testid="open-participant"]')).click();
      await browser.$('[data-testid="participant-panel"]').waitForDisplayed();

      await browser.$('[data-testid="erase-person"]').click();
      const dialog = await browser.$('[data-testid="confirm-dialog"][open]');
      await dialog.waitForDisplayed({ timeout: UI_TIMEOUT });
      const question = await dialog.getText();
      assert.match(question, /personal data from every event of this plan\?/);
      assert.match(question, /seats stay as anonymous seats so counts add up/);
      assert.match(question, /Also delete the backups that still hold/);
      assert.equal(await browser.$('[data-testid="erase-backups"]').isSelected(), false, "backups are kept unless ticked");
      await saveScreenshot(browser, "erase-person-confirm");

      await dialog.$('[data-testid="confirm"]').click();
      await browser.waitUntil(async () => !(await browser.$('[data-testid="participant-panel"]').isExisting()), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the panel stayed open after the erasure",
      });
      const notice = await browser.$('[data-testid="notice"]');
      await notice.waitForDisplayed({ timeout: UI_TIMEOUT });
      assert.match(await notice.getText(), /^Erased: \d+ seats? kept anonymous, \d+ session roles? removed\./);
      assert.equal(await summary.getText(), "41 participants", "the seat stays, so the count does");
      await saveScreenshot(browser, "erase-person-done");
      // The list may sort the row elsewhere: search for it.
      await browser.$('[data-testid="participant-search"]').setValue("Erased");
      const row = await browser.$(`${PARTICIPANT_ROW}[data-participant-id="${id}"]`);
      await row.waitForExist({ timeout: UI_TIMEOUT, timeoutMsg: `${name}'s row is not found by "Erased"` });
      assert.equal(await row.getAttribute("data-name"), "Erased participant");
      await assertNoError(browser);
    }));
});
