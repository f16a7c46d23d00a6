// Job: create an event with its days through the New event form; it is
// listed on the home screen; its overview shows its facts and its days.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, setField, snapshot, valueOf, waitForText } from "../lib/forms.mjs";

const TITLE = "Regional Round-table on Labour Migration in East Africa";

describe("create an event with its days", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("Ctrl+N opens the New event form", () =>
    withFailureScreenshot(browser, "create_event", async () => {
      await browser.$('[data-testid="empty-state"]').waitForDisplayed();
      await browser.keys(["Control", "n"]);
      await browser.$('[data-testid="new-event-form"]').waitForDisplayed();
      const focused = await browser.execute(() => document.activeElement?.id);
      assert.equal(focused, "new-event-title", "the title field has the focus");
    }));

  test("the form creates the event with a new series and opens its overview", () =>
    withFailureScreenshot(browser, "create_event", async () => {
      await setField(browser, "#new-event-title", TITLE);
      await setField(browser, "#new-event-series_id", "East Africa Dialogues 2027");
      await setField(browser, "#new-event-format", "dialogue");
      await setField(browser, "#new-event-host_city", "Nairobi");
      await setField(browser, "#new-event-host_country", "KE");
      assert.equal(await valueOf(browser, "#new-event-time_zone"), "Africa/Nairobi", "Kenya proposes Nairobi's zone");
      await setField(browser, "#new-event-venue", "United Nations Office at Nairobi");
      await setField(browser, "#new-event-start_date", "2027-02-01");
      assert.equal(await valueOf(browser, "#new-event-end_date"), "2027-02-01", "the first day is copied");
      await setField(browser, "#new-event-end_date", "2027-02-03");
      await setField(browser, "#new-event-status", "planned");
      await snapshot(browser, "create_event-form");
      await browser.$('[data-testid="create-event"]').click();

      await browser.$('[data-testid="event-overview"]').waitForDisplayed();
      await waitForText(browser, '[data-testid="event-title"]', TITLE);
      assert.match(await browser.getUrl(), /#\/events\/[^/]+\/overview$/);
      await waitForText(browser, '[data-testid="fact-place"]', "United Nations Office at Nairobi, Nairobi, Kenya");
      await waitForText(browser, '[data-testid="fact-dates"]', "1–3 Feb 2027");
      await waitForText(browser, '[data-testid="fact-dates"]', "3 days");
      await waitForText(browser, '[data-testid="fact-time-zone"]', "Africa/Nairobi");
      await waitForText(browser, '[data-testid="fact-format"]', "Dialogue");
      await waitForText(browser, '[data-testid="fact-series"]', "East Africa Dialogues 2027");
      assert.equal(await browser.$('[data-testid="event-status"]').getValue(), "planned");
      await waitForText(browser, '[data-testid="count-days"]', "3");
      await waitForText(browser, '[data-testid="count-sessions"]', "0");
      await assertNoError(browser);
      await snapshot(browser, "create_event-overview");
    }));

  test("the agenda tab belongs to the event and the readiness panel asks for a programme", () =>
    withFailureScreenshot(browser, "create_event", async () => {
      await elementWithText(browser, '[data-testid="readiness-item"]', "no sessions");
      await browser.$('[data-testid="tab-agenda"]').click();
      await browser.$('[data-testid="screen-agenda"]').waitForDisplayed();
      await waitForText(browser, '[data-testid="event-title"]', TITLE);
    }));

  test("the event is listed on the home screen among the upcoming events", () =>
    withFailureScreenshot(browser, "create_event", async () => {
      await browser.keys(["Alt", "h"]);
      const upcoming = await browser.$('[data-testid="upcoming"]');
      await upcoming.waitForDisplayed();
      const row = await elementWithText(browser, '[data-testid="upcoming"] [data-testid="event-row"]', TITLE);
      const text = await row.getText();
      for (const part of ["1–3 Feb 2027", "Nairobi, Kenya", "East Africa Dialogues 2027", "Planned", "Dialogue"]) {
        assert.ok(text.includes(part), `the row shows "${part}": ${text}`);
      }
      await snapshot(browser, "create_event");
      await row.$('[data-testid="event-link"]').click();
      await waitForText(browser, '[data-testid="fact-dates"]', "1–3 Feb 2027");
    }));

  test("deleting the event says what goes with it, then goes home", () =>
    withFailureScreenshot(browser, "create_event", async () => {
      await browser.$('[data-testid="delete-event"]').click();
      // The overview's other panels have confirm dialogs of their own, closed.
      const dialog = await browser.$('dialog[open][data-testid="confirm-dialog"]');
      await dialog.waitForDisplayed();
      const text = await waitForText(browser, 'dialog[open][data-testid="confirm-dialog"]', "3 agenda days");
      for (const part of ["0 delegations", "0 participants", "0 sessions"]) assert.ok(text.includes(part), text);
      await snapshot(browser, "create_event-delete");
      await dialog.$('[data-testid="confirm"]').click();
      await browser.$('[data-testid="empty-state"]').waitForDisplayed();
      assert.equal((await browser.$$('[data-testid="event-row"]')).length, 0);
    }));
});
