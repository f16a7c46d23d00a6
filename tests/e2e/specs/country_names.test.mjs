// File → Plan settings…, Name countries: a plan names countries as the UN does until the
// organiser chooses ISO's names; then the tracker, its order and the country
// picker change at once, without reopening the screen, and back again.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNoError, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, snapshot, windowWithExamples } from "../lib/forms.mjs";

const TRACKER_ROW = '[data-testid="tracker-row"]';

describe("country names", () => {
  const app = windowWithExamples();

  async function trackerNames() {
    const names = [];
    for (const row of await app.browser.$$(TRACKER_ROW)) names.push(await row.getAttribute("data-name"));
    return names;
  }

  async function waitForTracker(expected) {
    await app.browser.waitUntil(async () => JSON.stringify(await trackerNames()) === JSON.stringify(expected), {
      timeout: UI_TIMEOUT,
      timeoutMsg: `the tracker does not read ${expected.join(", ")}`,
    });
  }

  /** The text of the country picker's option for `code`. */
  function pickerName(code) {
    return app.browser.execute(
      (value) => document.querySelector(`[data-testid="delegation-country"] option[value="${value}"]`)?.textContent?.trim(),
      code,
    );
  }

  async function chooseNames(choice, screenshot) {
    await app.browser.$('[data-testid="menu-file"]').click();
    const item = await app.browser.$('[data-testid="menu-plan-settings"]');
    await item.waitForClickable();
    await item.click();
    await app.browser.$('[data-testid="plan-settings-dialog"][open]').waitForDisplayed();
    await app.browser.waitUntil(async () => app.browser.$('[data-testid="plan-settings-save"]').isEnabled(), {
      timeout: UI_TIMEOUT,
      timeoutMsg: "the setting was not fetched",
    });
    await app.browser.$(`[data-testid="country-names-${choice}"]`).click();
    if (screenshot) await snapshot(app.browser, screenshot);
    await app.browser.$('[data-testid="plan-settings-save"]').click();
    await app.browser.$('[data-testid="plan-settings-dialog"][open]').waitForDisplayed({ reverse: true });
  }

  test("the UN's names until ISO's are chosen; the tracker and the picker follow at once", () =>
    withFailureScreenshot(app.browser, "country-names", async () => {
      const mexico = await elementWithText(app.browser, '[data-testid="event-row"]', "Mexico City");
      await mexico.$('[data-testid="event-link"]').click();
      await app.browser.$('[data-testid="tab-delegations"]').click();
      await app.browser.$('[data-testid="new-delegation"]').click();
      const country = await app.browser.$('[data-testid="delegation-country"]');
      for (const [added, code] of ["KR", "BO", "PH"].entries()) {
        await country.waitForDisplayed();
        await country.selectByAttribute("value", code);
        await app.browser.$('[data-testid="delegation-submit"]').click();
        await app.browser.waitUntil(async () => (await app.browser.$$(TRACKER_ROW)).length === added + 1, {
          timeout: UI_TIMEOUT,
          timeoutMsg: `the delegation of ${code} was not added`,
        });
      }
      await waitForTracker(["Bolivia (Plurinational State of)", "Philippines", "Republic of Korea"]);
      assert.equal(await pickerName("KR"), "Republic of Korea");

      await chooseNames("iso", "plan-settings-dialog");
      await waitForTracker(["Bolivia, Plurinational State of", "Korea, Republic of", "Philippines"]);
      assert.equal(await pickerName("KR"), "Korea, Republic of");
      await assertNoError(app.browser);
      await snapshot(app.browser, "country-names-iso-tracker");

      await chooseNames("un");
      await waitForTracker(["Bolivia (Plurinational State of)", "Philippines", "Republic of Korea"]);
    }));
});
