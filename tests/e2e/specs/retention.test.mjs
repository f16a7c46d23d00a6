// The plan's retention setting, from File → Personal data…: off at first;
// 0 months is refused by the field; 12 months asks first, naming the events
// that ended long ago (the 2018 round-table and the 2022 dialogue), then
// erases: the notice says how many people, and the dialogue's participant
// list shows anonymous seats with its count unchanged. The app started again
// on the same plan shows the setting as saved.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { goTo, loadExamples, setField, snapshot, waitForText } from "../lib/forms.mjs";

const EVENT_ROW = '[data-testid="event-row"]';
const PARTICIPANT_ROW = '[data-testid="participant-row"]';

async function openPersonalData(browser) {
  await browser.$('[data-testid="menu-file"]').click();
  const item = await browser.$('[data-testid="menu-personal-data"]');
  await item.waitForClickable();
  await item.click();
  await browser.$('[data-testid="retention-dialog"][open]').waitForDisplayed();
  await browser.waitUntil(async () => browser.$('[data-testid="retention-save"]').isEnabled(), {
    timeout: UI_TIMEOUT,
    timeoutMsg: "the setting was not fetched",
  });
}

describe("the retention setting", () => {
  let browser;
  let dialogue = null;

  before(async () => {
    browser = await launchApp();
    await loadExamples(browser);
    for (const row of await browser.$$(EVENT_ROW)) {
      if ((await row.getText()).includes("Dialogue")) dialogue = await row.getAttribute("data-event-id");
    }
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("12 months asks, naming the old events, then erases their people", () =>
    withFailureScreenshot(browser, "retention", async () => {
      assert.ok(dialogue, "the Bangkok dialogue is listed");
      await openPersonalData(browser);
      assert.equal(await browser.$('[data-testid="retention-off"]').isSelected(), true, "off by default");
      await browser.$('[data-testid="retention-on"]').click();

      // Zero months: the backend's refusal, by the field, and nothing asked.
      await setField(browser, '[data-testid="retention-months"]', "0");
      await browser.$('[data-testid="retention-save"]').click();
      await waitForText(browser, '[data-testid="error-retention-months"]', "at least one month");
      await snapshot(browser, "retention-refused");

      await setField(browser, '[data-testid="retention-months"]', "12");
      await snapshot(browser, "retention-dialog");
      await browser.$('[data-testid="retention-save"]').click();
      const question = await browser.$('[data-testid="confirm-dialog"][open]');
      await question.waitForDisplayed({ timeout: UI_TIMEOUT });
      const text = await question.getText();
      assert.match(text, /Erase personal data of events that ended before/);
      assert.match(text, /every time this plan is opened/);
      const events = await browser.$('[data-testid="retention-events"]').getText();
      assert.match(events, /2018/, events);
      assert.match(events, /Sep 2022/, events);
      await snapshot(browser, "retention-confirm");

      await question.$('[data-testid="confirm"]').click();
      const notice = await waitForText(browser, '[data-testid="plan-notice"]', "Erased now:");
      assert.match(notice, /kept for 12 months after an event ends\. Erased now: \d+ (person|people)/, notice);
      await snapshot(browser, "retention-done");

      await goTo(browser, `#/events/${dialogue}/participants`);
      const summary = await browser.$('[data-testid="participants-summary"]');
      await summary.waitForDisplayed();
      await browser.waitUntil(async () => (await summary.getText()) === "41 participants", {
        timeout: UI_TIMEOUT,
        timeoutMsg: `the summary says ${await summary.getText()}`,
      });
      const names = () =>
        browser.execute((sel) => [...document.querySelectorAll(sel)].map((row) => row.dataset.name), PARTICIPANT_ROW);
      await browser.waitUntil(async () => (await names()).includes("Erased participant"), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the dialogue's list shows no anonymous seat",
      });
      await snapshot(browser, "retention-participants");
      await assertNoError(browser);
    }));

  test("the app started again shows the setting as saved", () =>
    withFailureScreenshot(browser, "retention", async () => {
      await browser.deleteSession();
      browser = await launchApp();
      // It reopens where it was closed: the dialogue's participants.
      await browser.$('[data-testid="participants-summary"]').waitForDisplayed();
      await openPersonalData(browser);
      assert.equal(await browser.$('[data-testid="retention-on"]').isSelected(), true);
      assert.equal(await browser.$('[data-testid="retention-months"]').getValue(), "12");
      await snapshot(browser, "retention-reopened");
    }));
});
