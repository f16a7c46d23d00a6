// Gender balance on panels: the Bangkok dialogue's panel of three men is
// marked on the agenda, with its speakers' split in its summary, and listed in
// the readiness; unticking "Flag panels of one gender" (a women's leadership
// round-table, say) takes every mark and item away at once, ticking it
// brings them back.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNoError, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, snapshot, windowWithExamples } from "../lib/forms.mjs";

const FLAGGED = '[data-testid="session-block"][data-single-gender="true"]';
const MEN = "Responding to the needs of stranded migrants";

describe("panels of one gender", () => {
  const app = windowWithExamples();

  async function flaggedCount(expected) {
    await app.browser.waitUntil(async () => (await app.browser.$$(FLAGGED)).length === expected, {
      timeout: UI_TIMEOUT,
      timeoutMsg: `not ${expected} sessions flagged`,
    });
  }

  async function readinessKinds() {
    await app.browser.$('[data-testid="tab-overview"]').click();
    const shown = '[data-testid="readiness-item"], [data-testid="readiness-clear"]';
    await app.browser.$(shown).waitForExist({ timeout: UI_TIMEOUT });
    const kinds = [];
    for (const item of await app.browser.$$('[data-testid="readiness-item"]')) kinds.push(await item.getAttribute("data-kind"));
    return kinds;
  }

  test("are marked on the agenda and in the readiness until the event stops checking", () =>
    withFailureScreenshot(app.browser, "panel-balance", async () => {
      const row = await elementWithText(app.browser, '[data-testid="event-row"]', "High-level Regional Dialogue");
      await row.$('[data-testid="event-link"]').click();
      assert.ok((await readinessKinds()).includes("single_gender_panel"));

      await app.browser.$('[data-testid="tab-agenda"]').click();
      await flaggedCount(3);
      const men = await elementWithText(app.browser, FLAGGED, MEN);
      const block = `[data-testid="session-block"][data-session-id="${await men.getAttribute("data-session-id")}"]`;
      const summary = await men.getAttribute("title");
      assert.match(summary, /Speakers: 3 men/);
      assert.match(summary, /All 3 speakers are men/);
      await men.scrollIntoView({ block: "center" });
      await snapshot(app.browser, "panel-balance-agenda");

      const check = await app.browser.$('[data-testid="check-panel-balance"]');
      assert.equal(await check.isSelected(), true, "on for every event");
      await check.click();
      await flaggedCount(0);
      const unflagged = await app.browser.$(block).getAttribute("title");
      assert.match(unflagged, /Speakers: 3 men/, "the split is still told");
      assert.doesNotMatch(unflagged, /All 3 speakers/);
      assert.equal((await readinessKinds()).includes("single_gender_panel"), false);

      await app.browser.$('[data-testid="tab-agenda"]').click();
      await app.browser.$('[data-testid="check-panel-balance"]').click();
      await flaggedCount(3);
      await assertNoError(app.browser);
    }));
});
