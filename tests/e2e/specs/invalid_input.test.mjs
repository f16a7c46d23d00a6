// Job: an invalid input shows its error next to the field it concerns, and
// nothing typed is lost; once corrected, the event is created.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { setField, snapshot, valueOf, waitForText } from "../lib/forms.mjs";

const TITLE = "Dialogue on Alternatives to Immigration Detention";

/** Whether the error shown for `field` sits in the same labelled field as its input, below it. */
async function errorIsUnderItsField(browser, field) {
  return browser.execute((id) => {
    const input = document.getElementById(id);
    const error = document.getElementById(`${id}-error`);
    if (!input || !error) return false;
    const sameField = input.closest(".field") === error.closest(".field");
    const below = error.getBoundingClientRect().top >= input.getBoundingClientRect().bottom;
    const described = (input.getAttribute("aria-describedby") ?? "").includes(`${id}-error`);
    return sameField && below && described;
  }, field);
}

describe("an invalid input shows its error next to the field", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("a last day before the first day is refused under the last-day field", () =>
    withFailureScreenshot(browser, "invalid_input", async () => {
      await browser.$('[data-testid="new-event"]').waitForClickable();
      await browser.$('[data-testid="new-event"]').click();
      await browser.$('[data-testid="new-event-form"]').waitForDisplayed();
      await setField(browser, "#new-event-title", TITLE);
      await setField(browser, "#new-event-host_city", "Bangkok");
      await setField(browser, "#new-event-host_country", "TH");
      await setField(browser, "#new-event-start_date", "2027-03-10");
      await setField(browser, "#new-event-end_date", "2027-03-08");
      await browser.$('[data-testid="create-event"]').click();

      const text = await waitForText(browser, '[data-testid="error-new-event-end_date"]', "before the first day");
      assert.match(text, /8 Mar 2027.*10 Mar 2027/, "the dates read as the screens show them");
      assert.ok(await errorIsUnderItsField(browser, "new-event-end_date"), "the message is under the last-day field");
      assert.equal(await valueOf(browser, "#new-event-title"), TITLE, "the typed title is still there");
      assert.equal(await valueOf(browser, "#new-event-host_city"), "Bangkok");
      assert.equal(await valueOf(browser, "#new-event-start_date"), "2027-03-10");
      assert.equal(await browser.$('[data-testid="error-new-event-title"]').isExisting(), false);
      await snapshot(browser, "invalid_input");
    }));

  test("an unknown time zone is refused under the time-zone field", () =>
    withFailureScreenshot(browser, "invalid_input", async () => {
      await setField(browser, "#new-event-end_date", "2027-03-12");
      await setField(browser, "#new-event-time_zone", "Asia/Bangkog");
      await browser.$('[data-testid="create-event"]').click();
      await waitForText(browser, '[data-testid="error-new-event-time_zone"]', "is not an IANA time zone");
      assert.ok(await errorIsUnderItsField(browser, "new-event-time_zone"));
      assert.equal(
        await browser.$('[data-testid="error-new-event-end_date"]').isExisting(),
        false,
        "the corrected last day no longer shows an error",
      );
      assert.equal(await valueOf(browser, "#new-event-title"), TITLE);
    }));

  test("once corrected, the event is created", () =>
    withFailureScreenshot(browser, "invalid_input", async () => {
      await setField(browser, "#new-event-time_zone", "Asia/Bangkok");
      await browser.$('[data-testid="create-event"]').click();
      await browser.$('[data-testid="event-overview"]').waitForDisplayed();
      await waitForText(browser, '[data-testid="event-title"]', TITLE);
      await waitForText(browser, '[data-testid="count-days"]', "3");
    }));

  test("an edit refused by the store keeps what was typed, with the error next to its field", () =>
    withFailureScreenshot(browser, "invalid_input", async () => {
      await browser.$('[data-testid="edit-event"]').click();
      await browser.$('[data-testid="event-edit-form"]').waitForDisplayed();
      await setField(browser, "#edit-objectives", "Share practice on alternatives to detention.");
      await setField(browser, "#edit-host_city", "   ");
      await browser.$('[data-testid="save-event"]').click();
      await waitForText(browser, '[data-testid="error-edit-host_city"]', "Host city is required");
      assert.equal(await valueOf(browser, "#edit-objectives"), "Share practice on alternatives to detention.");
      await snapshot(browser, "invalid_input-edit");
    }));

  test("a status the lifecycle does not allow is explained next to the status", () =>
    withFailureScreenshot(browser, "invalid_input", async () => {
      await setField(browser, "#edit-host_city", "Bangkok");
      await browser.$('[data-testid="save-event"]').click();
      await browser.$('[data-testid="event-status"]').waitForDisplayed();
      await setField(browser, '[data-testid="event-status"]', "held");
      const text = await waitForText(browser, '[data-testid="error-event-status"]', "2027-03-10");
      assert.match(text, /cannot be marked held/);
      assert.equal(await browser.$('[data-testid="event-status"]').getValue(), "draft", "the status is unchanged");
    }));
});
