// Job: start the next stop of a series from a copy of the last one. The
// MIEUX Asia round-table (Bangkok, March 2018) is duplicated as the Africa
// stop in Nairobi, with its agenda skeleton, delegations, organisers and
// people (invited afresh); the copy is listed with its counts and takes its
// place among the series' stops. Its copied sessions wait for review until
// someone has looked at them, and a second copy onto Nairobi on the same
// dates is refused until the person confirms it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, goTo, loadExamples, setChecked, setField, snapshot, valueOf, waitForText } from "../lib/forms.mjs";

const ASIA = "MIEUX Regional Round-table: Asia";
const AFRICA = "MIEUX Regional Round-table: Africa";

/** The counts shown on the home row of the event titled `title`. */
async function rowText(browser, title) {
  const row = await elementWithText(browser, '[data-testid="event-row"]', title);
  return row.getText();
}

describe("duplicate an event as the next stop", () => {
  let browser;
  let asiaCounts;

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("the dialog starts from the MIEUX Asia round-table and checks what is typed", () =>
    withFailureScreenshot(browser, "duplicate_next_stop", async () => {
      await loadExamples(browser);
      asiaCounts = await rowText(browser, ASIA);
      assert.match(asiaCounts, /9 delegations/);
      const row = await elementWithText(browser, '[data-testid="event-row"]', ASIA);
      await row.$('[data-testid="duplicate-event"]').click();
      await browser.$('[data-testid="next-stop-form"]').waitForDisplayed();
      assert.equal(await valueOf(browser, "#next-title"), ASIA, "the title starts as the source's");

      await setField(browser, "#next-title", AFRICA);
      await browser.$('[data-testid="create-next-stop"]').click();
      await waitForText(browser, '[data-testid="error-next-host_city"]', "Host city is required");
      assert.equal(await valueOf(browser, "#next-title"), AFRICA, "the typed title is kept");
    }));

  test("the next stop in Nairobi is created with the copied delegations and people", () =>
    withFailureScreenshot(browser, "duplicate_next_stop", async () => {
      await setField(browser, "#next-host_city", "Nairobi");
      await setField(browser, "#next-host_country", "KE");
      assert.equal(await valueOf(browser, "#next-time_zone"), "Africa/Nairobi");
      await setField(browser, "#next-venue", "United Nations Office at Nairobi");
      await setField(browser, "#next-start_date", "2018-09-10");
      await waitForText(browser, "#next-start_date-hint", "Last day: 11 Sep 2018");
      await setChecked(browser, '[data-testid="copy-participants"]', true);
      await snapshot(browser, "duplicate_next_stop-dialog");
      await browser.$('[data-testid="create-next-stop"]').click();

      await waitForText(browser, '[data-testid="notice"]', `Created the next stop “${AFRICA}” in Nairobi with 9 delegations`);
      await assertNoError(browser);
      const africa = await rowText(browser, AFRICA);
      for (const part of ["10–11 Sep 2018", "Nairobi, Kenya", "MIEUX Regional Round-tables 2018", "Draft", "9 delegations"]) {
        assert.ok(africa.includes(part), `the new row shows "${part}": ${africa}`);
      }
      const people = /(\d+) participants/.exec(asiaCounts)?.[1];
      const sessions = /(\d+) sessions/.exec(asiaCounts)?.[1];
      assert.ok(africa.includes(`${people} participants`), `the people are copied (${people}): ${africa}`);
      assert.ok(africa.includes(`${sessions} sessions`), `the agenda skeleton is copied (${sessions}): ${africa}`);
      assert.match(await rowText(browser, ASIA), /9 delegations/, "the source is unchanged");
      await snapshot(browser, "duplicate_next_stop");
    }));

  test("the new stop's overview lists it among the series' stops", () =>
    withFailureScreenshot(browser, "duplicate_next_stop", async () => {
      await browser.$('[data-testid="notice-link"]').click();
      await waitForText(browser, '[data-testid="event-title"]', AFRICA);
      await waitForText(browser, '[data-testid="count-delegations"]', "9");
      await waitForText(browser, '[data-testid="fact-place"]', "United Nations Office at Nairobi, Nairobi, Kenya");
      const stops = await waitForText(browser, '[data-testid="series-stops"]', "Nairobi (this event)");
      assert.ok(stops.indexOf("Bangkok") < stops.indexOf("Mexico City"), stops);
      assert.ok(stops.indexOf("Mexico City") < stops.indexOf("Nairobi"), stops);
      assert.equal(await browser.$('[data-testid="event-status"]').getValue(), "draft");
      await waitForText(browser, '[data-testid="organisers"]', "ICMPD");
    }));

  test("the copied sessions are marked for review until someone has looked at them", () =>
    withFailureScreenshot(browser, "duplicate_next_stop", async () => {
      await browser.$('[data-testid="tab-agenda"]').click();
      const marked = '[data-testid="session-block"][data-needs-review="true"]';
      await browser.$(marked).waitForExist({ timeout: 10_000 });
      const before = (await browser.$$(marked)).length;
      assert.ok(before > 0, "copied sessions carry the mark");
      await snapshot(browser, "duplicate_next_stop-agenda-review");
      const first = await browser.$(marked);
      const id = await first.getAttribute("data-session-id");
      await first.click();
      await browser.$('[data-testid="session-needs-review"]').waitForDisplayed();
      await setChecked(browser, '[data-testid="session-needs-review"] input', false);
      await browser.$('[data-testid="save-session"]').click();
      await browser.$('[data-testid="session-editor"]').waitForExist({ reverse: true });
      await browser.waitUntil(
        async () => (await browser.$(`[data-session-id="${id}"]`).getAttribute("data-needs-review")) === "false",
        { timeoutMsg: "the reviewed session loses its mark" },
      );
      assert.equal((await browser.$$(marked)).length, before - 1);
      await assertNoError(browser);
      await browser.$('[data-testid="tab-overview"]').click();
    }));

  test("the outcomes of the Mexico City stop point to Nairobi as the next stop", () =>
    withFailureScreenshot(browser, "duplicate_next_stop", async () => {
      const stop = await elementWithText(browser, '[data-testid="series-stops"] li', "Mexico City");
      await stop.$("a").click();
      await browser.$('[data-testid="tab-outcomes"]').click();
      await waitForText(browser, '[data-testid="next-stop"]', AFRICA);
      await browser.$('[data-testid="next-stop-link"]').click();
      await waitForText(browser, '[data-testid="event-title"]', AFRICA);
      await goTo(browser, (await browser.getUrl()).replace(/.*#/, "#").replace(/overview$/, "outcomes"));
      await waitForText(browser, '[data-testid="next-stop"]', "No later stop");
      await browser.$('[data-testid="next-stop"] [data-testid="duplicate-event"]').waitForClickable();
    }));

  test("a second copy onto Nairobi on the same dates is refused until the person confirms it", () =>
    withFailureScreenshot(browser, "duplicate_next_stop", async () => {
      await goTo(browser, "#/");
      const row = await elementWithText(browser, '[data-testid="event-row"]', ASIA);
      await row.$('[data-testid="duplicate-event"]').click();
      await browser.$('[data-testid="next-stop-form"]').waitForDisplayed();
      await setField(browser, "#next-title", `${AFRICA} (again)`);
      await setField(browser, "#next-host_city", "nairobi");
      await setField(browser, "#next-host_country", "KE");
      await setField(browser, "#next-start_date", "2018-09-11");
      await browser.$('[data-testid="create-next-stop"]').click();
      const warning = await waitForText(browser, '[data-testid="same-stop"]', "already has a stop in nairobi");
      assert.match(warning, /10–11 Sep 2018/, warning);
      await snapshot(browser, "duplicate_next_stop-same-stop");
      await setChecked(browser, '[data-testid="allow-same-stop"]', true);
      await browser.$('[data-testid="create-next-stop"]').click();
      await waitForText(browser, '[data-testid="notice"]', `Created the next stop “${AFRICA} (again)”`);
      await assertNoError(browser);
    }));
});
