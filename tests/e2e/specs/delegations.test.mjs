// The delegation tracker: three country delegations added with their quotas to
// the Mexico City round-table (which has none in the examples), shown with
// their quota and zero counts; a duplicate country refused with the error next
// to the country field; a delegation opened from the tracker, changed and
// deleted; and the examples' trackers (the Bangkok dialogue, MIEUX Asia with
// Myanmar's missing head) for the screenshots.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, saveScreenshot, textsOf, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";

const EVENT_ROW = '[data-testid="event-row"]';
const TRACKER_ROW = '[data-testid="tracker-row"]';

describe("delegation tracker", () => {
  let browser;
  /** Example event ids by a word of their title. */
  const events = {};

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  /** Saves NAME.png at 1024x768, the smallest window the app supports, then restores the size. */
  async function screenshotAt1024(name) {
    const before = await browser.getWindowSize().catch(() => null);
    try {
      await browser.setWindowSize(1024, 768);
      await browser.pause(300);
      await saveScreenshot(browser, name);
    } catch (error) {
      console.warn(`could not resize the window (${error.message}); no ${name}.png`);
    } finally {
      if (before) await browser.setWindowSize(before.width, before.height).catch(() => {});
    }
  }

  async function go(eventId, tab, focus) {
    await browser.execute(
      (hash) => (location.hash = hash),
      `#/events/${eventId}/${tab}${focus ? `?focus=${encodeURIComponent(focus)}` : ""}`,
    );
  }

  async function trackerRow(name) {
    const row = await browser.$(`${TRACKER_ROW}[data-name="${name}"]`);
    await row.waitForExist({ timeout: UI_TIMEOUT, timeoutMsg: `no tracker row for ${name}` });
    return row;
  }

  async function cell(name, column) {
    return (await (await trackerRow(name)).$(`[data-testid="cell-${column}"]`)).getText();
  }

  async function addCountry(code, quota) {
    const country = await browser.$('[data-testid="delegation-country"]');
    await country.waitForDisplayed();
    await country.selectByAttribute("value", code);
    const quotaInput = await browser.$('[data-testid="delegation-quota"]');
    await quotaInput.setValue(String(quota));
    await browser.$('[data-testid="delegation-submit"]').click();
  }

  test("load the examples and open the Mexico City round-table's delegations", () =>
    withFailureScreenshot(browser, "delegations", async () => {
      await browser.$('[data-testid="load-examples"]').waitForClickable();
      await browser.$('[data-testid="load-examples"]').click();
      await browser.waitUntil(async () => (await browser.$$(EVENT_ROW)).length >= 3, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the example events were not listed",
      });
      for (const row of await browser.$$(EVENT_ROW)) {
        const text = await row.getText();
        const id = await row.getAttribute("data-event-id");
        if (text.includes("Mexico City")) events.mexico = id;
        else if (text.includes("Dialogue")) events.dialogue = id;
        else if (text.includes("Asia")) events.asia = id;
      }
      assert.ok(events.mexico && events.dialogue && events.asia, `example events: ${(await textsOf(browser, EVENT_ROW)).join(" | ")}`);

      const mexico = await browser.$(`${EVENT_ROW}[data-event-id="${events.mexico}"] [data-testid="event-link"]`);
      await mexico.click();
      await browser.$('[data-testid="tab-delegations"]').waitForClickable();
      await browser.$('[data-testid="tab-delegations"]').click();
      await browser.$('[data-testid="tracker-empty"]').waitForDisplayed();
      await assertNoError(browser);
    }));

  test("add three country delegations with quotas: the tracker lists them with zero counts", () =>
    withFailureScreenshot(browser, "delegations", async () => {
      await browser.$('[data-testid="new-delegation"]').click();
      await browser.$('[data-testid="new-delegation-panel"]').waitForDisplayed();

      await addCountry("MX", 4);
      await trackerRow("Mexico");
      // The form stays open for the next delegation.
      await addCountry("GT", 3);
      await trackerRow("Guatemala");
      await addCountry("CO", 2);
      await trackerRow("Colombia");

      await browser.waitUntil(async () => (await browser.$$(TRACKER_ROW)).length === 3, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the tracker does not list three delegations",
      });
      // Protocol order: countries alphabetically.
      const names = [];
      for (const row of await browser.$$(TRACKER_ROW)) names.push(await row.getAttribute("data-name"));
      assert.deepEqual(names, ["Colombia", "Guatemala", "Mexico"]);

      for (const [name, quota] of [["Mexico", 4], ["Guatemala", 3], ["Colombia", 2]]) {
        assert.match(await cell(name, "quota"), new RegExp(`^0 / ${quota}\\b`), `${name}: no seat taken of ${quota}`);
        assert.match(await cell(name, "quota"), new RegExp(`${quota} free`));
        for (const column of ["invited", "nominated", "confirmed", "attended", "declined", "visa"]) {
          assert.equal(await cell(name, column), "0", `${name}: ${column} is 0`);
        }
        assert.equal(await cell(name, "head"), "No head");
      }
      const totals = await browser.$('[data-testid="tracker-totals"]');
      assert.match(await totals.$('[data-testid="total-quota"]').getText(), /^0\s+9 by quota/);
      await assertNoError(browser);
    }));

  test("a duplicate country and a mistyped quota show their errors next to their fields", () =>
    withFailureScreenshot(browser, "delegations-error", async () => {
      await addCountry("MX", 2);
      const error = await browser.$('[data-testid="error-delegation-country"]');
      await error.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "no error next to the country field" });
      assert.match(await error.getText(), /Mexico already has a delegation at this event/);
      // Next to the field: in the same labelled field as the country select.
      const sameField = await browser.execute(() => {
        const message = document.querySelector('[data-testid="error-delegation-country"]');
        const select = document.getElementById("delegation-country");
        return !!message && !!select && message.parentElement === select.parentElement;
      });
      assert.ok(sameField, "the country error sits with the country select");
      // What was typed stays.
      assert.equal(await browser.$('[data-testid="delegation-quota"]').getValue(), "2");
      assert.equal((await browser.$$(TRACKER_ROW)).length, 3, "nothing was added");
      await saveScreenshot(browser, "delegations-error");

      await browser.$('[data-testid="delegation-country"]').selectByAttribute("value", "PE");
      await browser.$('[data-testid="delegation-quota"]').setValue("three");
      await browser.$('[data-testid="delegation-submit"]').click();
      const quotaError = await browser.$('[data-testid="error-delegation-quota"]');
      await quotaError.waitForDisplayed();
      assert.match(await quotaError.getText(), /whole number/);

      // Escape asks before dropping what was typed, then closes the panel.
      await browser.keys("Escape");
      await browser.$('[data-testid="unsaved-dialog"]').waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "no question before dropping the typed delegation" });
      await saveScreenshot(browser, "delegations-unsaved");
      await browser.$('[data-testid="discard-changes"]').click();
      await browser.waitUntil(async () => !(await browser.$('[data-testid="new-delegation-panel"]').isExisting()), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Escape did not close the new delegation panel",
      });
      assert.equal((await browser.$$(TRACKER_ROW)).length, 3);
    }));

  test("open a delegation from the tracker, change its quota, delete another", () =>
    withFailureScreenshot(browser, "delegation-panel", async () => {
      await (await (await trackerRow("Mexico")).$('[data-testid="open-delegation"]')).click();
      const panel = await browser.$('[data-testid="delegation-panel"]');
      await panel.waitForDisplayed();
      assert.equal(await browser.$('[data-testid="delegation-panel-title"]').getText(), "Mexico");
      assert.match(await browser.execute(() => location.hash), /delegations\?focus=/);

      const quota = await browser.$('[data-testid="edit-delegation-quota"]');
      await quota.setValue("5");
      await browser.$('[data-testid="edit-delegation-submit"]').click();
      await browser.waitUntil(async () => /^0 \/ 5/.test(await cell("Mexico", "quota")), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the tracker did not show Mexico's new quota",
      });

      await browser.keys("Escape");
      await browser.waitUntil(async () => !(await panel.isExisting()), { timeout: UI_TIMEOUT });

      await (await (await trackerRow("Colombia")).$('[data-testid="open-delegation"]')).click();
      await browser.$('[data-testid="delete-delegation"]').waitForClickable();
      await browser.$('[data-testid="delete-delegation"]').click();
      const dialog = await browser.$('[data-testid="confirm-dialog"]');
      await dialog.waitForDisplayed();
      assert.match(await dialog.getText(), /Delete the delegation of Colombia\?/);
      await browser.$('[data-testid="confirm"]').click();
      await browser.waitUntil(async () => (await browser.$$(TRACKER_ROW)).length === 2, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Colombia was not deleted",
      });
      await assertNoError(browser);
    }));

  test("the examples: MIEUX Asia marks Myanmar without a head; the Bangkok dialogue's tracker", () =>
    withFailureScreenshot(browser, "delegations", async () => {
      await go(events.asia, "delegations");
      await browser.waitUntil(async () => (await browser.$$(TRACKER_ROW)).length === 9, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "MIEUX Asia does not show 9 delegations",
      });
      assert.equal(await cell("Myanmar", "head"), "No head");
      await browser.$('[data-testid="filter-attention"]').selectByAttribute("value", "no_head");
      await browser.waitUntil(async () => (await browser.$$(TRACKER_ROW)).length === 1, { timeout: UI_TIMEOUT });
      assert.equal(await (await browser.$(TRACKER_ROW)).getAttribute("data-name"), "Myanmar");
      await browser.$('[data-testid="filter-attention"]').selectByAttribute("value", "all");

      // Sort by confirmed, most first; a third click goes back to protocol order.
      await browser.$('[data-testid="sort-confirmed"]').click();
      const first = await (await browser.$(TRACKER_ROW)).getAttribute("data-name");
      const confirmed = [];
      for (const row of await browser.$$(TRACKER_ROW)) {
        confirmed.push(Number(await (await row.$('[data-testid="cell-confirmed"]')).getText()));
      }
      assert.deepEqual(confirmed, [...confirmed].sort((a, b) => b - a), `sorted by confirmed: ${first}`);
      await saveScreenshot(browser, "delegations-mieux");

      // The readiness panel links here with focus = delegation id.
      const myanmar = await (await trackerRow("Myanmar")).getAttribute("data-delegation-id");
      await go(events.asia, "delegations", myanmar);
      await browser.$('[data-testid="delegation-panel"]').waitForDisplayed();
      assert.equal(await browser.$('[data-testid="delegation-panel-title"]').getText(), "Myanmar");
      await browser.waitUntil(async () => (await browser.$$('[data-testid="panel-member"]')).length === 2, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Myanmar's two members are not listed",
      });
      await saveScreenshot(browser, "delegation-panel");
      await screenshotAt1024("delegation-panel-1024");
      await browser.keys("Escape");

      await go(events.dialogue, "delegations");
      await browser.waitUntil(async () => (await browser.$$(TRACKER_ROW)).length === 6, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the Bangkok dialogue does not show 6 delegations",
      });
      await assertNoError(browser);
      await saveScreenshot(browser, "delegations");
      await screenshotAt1024("delegations-1024");
    }));
});
