// Gender balance on panels: the Bangkok dialogue's panel of three men is
// marked on the agenda, with its speakers' split in its summary, and listed in
// the readiness; unticking "Flag panels of one gender" (a women's leadership
// round-table, say) takes every mark and item away at once, ticking it
// brings them back.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot } from "../lib/forms.mjs";

const FLAGGED = '[data-testid="session-block"][data-single-gender="true"]';
const MEN = "Responding to the needs of stranded migrants";

describe("panels of one gender", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  async function flaggedCount(expected) {
    await browser.waitUntil(async () => (await browser.$$(FLAGGED)).length === expected, {
      timeout: UI_TIMEOUT,
      timeoutMsg: `not ${expected} sessions flagged`,
    });
  }

  async function readinessKinds() {
    await browser.$('[data-testid="tab-overview"]').click();
    const shown = '[data-testid="readiness-item"], [data-testid="readiness-clear"]';
    await browser.$(shown).waitForExist({ timeout: UI_TIMEOUT });
    const kinds = [];
    for (const item of await browser.$$('[data-testid="readiness-item"]')) kinds.push(await item.getAttribute("data-kind"));
    return kinds;
  }

  test("are marked on the agenda and in the readiness until the event stops checking", () =>
    withFailureScreenshot(browser, "panel-balance", async () => {
      const row = await elementWithText(browser, '[data-testid="event-row"]', "High-level Regional Dialogue");
      await row.$('[data-testid="event-link"]').click();
      assert.ok((await readinessKinds()).includes("single_gender_panel"));

      await browser.$('[data-testid="tab-agenda"]').click();
      await flaggedCount(3);
      const men = await elementWithText(browser, FLAGGED, MEN);
      const block = `[data-testid="session-block"][data-session-id="${await men.getAttribute("data-session-id")}"]`;
      const summary = await men.getAttribute("title");
      assert.match(summary, /Speakers: 3 men/);
      assert.match(summary, /All 3 speakers are men/);
      await men.scrollIntoView({ block: "center" });
      await snapshot(browser, "panel-balance-agenda");

      const check = await browser.$('[data-testid="check-panel-balance"]');
      assert.equal(await check.isSelected(), true, "on for every event");
      await check.click();
      await flaggedCount(0);
      const unflagged = await browser.$(block).getAttribute("title");
      assert.match(unflagged, /Speakers: 3 men/, "the split is still told");
      assert.doesNotMatch(unflagged, /All 3 speakers/);
      assert.equal((await readinessKinds()).includes("single_gender_panel"), false);

      await browser.$('[data-testid="tab-agenda"]').click();
      await browser.$('[data-testid="check-panel-balance"]').click();
      await flaggedCount(3);
      await assertNoError(browser);
    }));
});
