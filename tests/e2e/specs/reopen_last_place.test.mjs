// The window reopens a plan where the organiser left it: closed on an event's
// agenda, the next start shows that event's agenda, not Home.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { assertNoError, launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const EVENT = "Migrant Protection in South-East Asia";

describe("the last place in a plan", () => {
  let browser;

  after(async () => {
    await browser?.deleteSession();
  });

  test("is where the window opens the plan next time", async () => {
    browser = await launchApp();
    await withFailureScreenshot(browser, "reopen-first-run", async () => {
      await loadExamples(browser);
      const row = await elementWithText(browser, '[data-testid="event-row"]', EVENT);
      await row.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="tab-agenda"]').click();
      await browser.waitUntil(async () => (await browser.getUrl()).includes("/agenda"));
    });
    await browser.deleteSession();

    browser = await launchApp();
    await withFailureScreenshot(browser, "reopen-second-run", async () => {
      await browser.waitUntil(async () => (await browser.getUrl()).includes("/agenda"), {
        timeoutMsg: "the window opened elsewhere than the agenda it was closed on",
      });
      await waitForText(browser, '[data-testid="event-title"]', EVENT);
      assert.equal(await browser.$('[data-testid="tab-agenda"]').getAttribute("aria-current"), "page");
      await assertNoError(browser);
      await snapshot(browser, "reopen-last-place");
    });
  });
});
