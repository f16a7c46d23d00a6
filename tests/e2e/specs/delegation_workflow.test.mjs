// A delegation's workflow: Mexico's delegation to the Mexico City round-table
// gets its focal point, a note verbale sent on 2 April 2018 and a nomination
// due on 30 April that never came; the tracker marks it, its filter finds it,
// the readiness names it as a problem; once the nomination is recorded, the
// tracker says when it came.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNoError, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, setField, snapshot, windowWithExamples } from "../lib/forms.mjs";

const ROW = '[data-testid="tracker-row"][data-name="Mexico"]';

describe("a delegation's workflow", () => {
  const app = windowWithExamples();

  test("an invitation sent and a nomination overdue show in the tracker, its filter and the readiness", () =>
    withFailureScreenshot(app.browser, "delegation-workflow", async () => {
      const browser = app.browser;
      const mexico = await elementWithText(browser, '[data-testid="event-row"]', "Latin America and the Caribbean");
      await mexico.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="tab-delegations"]').click();
      await browser.$('[data-testid="new-delegation"]').click();
      const country = await browser.$('[data-testid="delegation-country"]');
      await country.waitForDisplayed();
      await country.selectByAttribute("value", "MX");
      await browser.$('[data-testid="delegation-submit"]').click();
      await browser.$(ROW).waitForExist({ timeout: UI_TIMEOUT });
      await (await elementWithText(browser, '[data-testid="new-delegation-panel"] button', "Cancel")).click();

      await browser.$(`${ROW} [data-testid="open-delegation"]`).click();
      const form = await browser.$('[data-testid="workflow-form"]');
      await form.waitForDisplayed({ timeout: UI_TIMEOUT });
      await setField(browser, "#workflow-sent", "2018-04-02");
      await setField(browser, "#workflow-channel", "note_verbale");
      await setField(browser, "#workflow-deadline", "2018-04-30");
      await form.$('[data-testid="workflow-save"]').click();
      await browser.$(`${ROW} [data-testid="nomination-overdue"]`).waitForExist({ timeout: UI_TIMEOUT });
      await snapshot(browser, "delegation-workflow-panel");

      await setField(browser, '[data-testid="filter-attention"]', "nomination_overdue");
      await browser.waitUntil(async () => (await browser.$$('[data-testid="tracker-row"]')).length === 1, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the filter does not keep Mexico alone",
      });
      await setField(browser, '[data-testid="filter-attention"]', "all");

      await setField(browser, "#workflow-nominated", "2018-05-03");
      await form.$('[data-testid="workflow-save"]').click();
      const line = await browser.$(`${ROW} [data-testid="workflow-line"]`);
      await line.waitForExist({ timeout: UI_TIMEOUT });
      assert.equal(await line.getText(), "Nominated 3 May 2018");
      await assertNoError(browser);

      await setField(browser, "#workflow-nominated", "");
      await form.$('[data-testid="workflow-save"]').click();
      await browser.$(`${ROW} [data-testid="nomination-overdue"]`).waitForExist({ timeout: UI_TIMEOUT });
      await browser.$('[data-testid="tab-overview"]').click();
      await elementWithText(
        browser,
        '[data-testid="readiness-item"][data-kind="nomination_overdue"]',
        "Mexico's nomination was due on 30 Apr 2018 and has not come",
      );
    }));
});
