// Issue 9, defect 1: Home's search finds people, typed without accents or
// capitals, and opens the person where they take part.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, saveScreenshot, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";

describe("plan-wide search from Home", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("an accent-free name finds the person, and the link opens them", () =>
    withFailureScreenshot(browser, "plan-search", async () => {
      await browser.$('[data-testid="load-examples"]').waitForClickable();
      await browser.$('[data-testid="load-examples"]').click();
      await browser.$('[data-testid="event-search"]').waitForDisplayed({ timeout: UI_TIMEOUT });
      await browser.$('[data-testid="event-search"]').setValue("tomas novak");

      const found = browser.$('[data-testid="person-found"]');
      await found.waitForDisplayed({ timeout: UI_TIMEOUT });
      assert.match(await found.getText(), /Tomás Novák/);
      await saveScreenshot(browser, "plan-search");

      await found.$("a").click();
      await browser.waitUntil(async () => (await browser.execute(() => location.hash)).includes("/participants?focus="), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the person's link did not open the participants tab",
      });
      const family = browser.$('[data-testid="person-family_name"]');
      await family.waitForDisplayed({ timeout: UI_TIMEOUT });
      assert.equal(await family.getValue(), "Novák");
      await assertNoError(browser);
    }));
});
