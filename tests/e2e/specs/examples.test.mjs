// First run: an empty plan, "Load examples", and the worked examples listed.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  assertNoError,
  launchApp,
  saveScreenshot,
  textsOf,
  UI_TIMEOUT,
  withFailureScreenshot,
} from "../lib/app.mjs";

const ROW = '[data-testid="event-row"]';

describe("worked examples", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("a fresh plan shows the empty state and the Load examples button", () =>
    withFailureScreenshot(browser, "empty", async () => {
      const title = await browser.$("h1");
      await title.waitForDisplayed();
      assert.equal(await title.getText(), "Roundtable Planner");

      await browser.$('[data-testid="empty-state"]').waitForDisplayed();
      await browser.$('[data-testid="load-examples"]').waitForClickable();
      assert.equal((await browser.$$(ROW)).length, 0, "a fresh ROUNDTABLE_DB has no events");
      await assertNoError(browser);
      await saveScreenshot(browser, "empty");
    }));

  test("Load examples lists the Bangkok dialogue and the MIEUX round-table", () =>
    withFailureScreenshot(browser, "examples", async () => {
      await browser.$('[data-testid="load-examples"]').click();

      await browser.waitUntil(async () => (await browser.$$(ROW)).length >= 2, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "fewer than two event rows after Load examples",
      });
      await browser.$('[data-testid="event-list"]').waitForDisplayed();

      const rows = await textsOf(browser, ROW);
      const all = rows.join("\n---\n");
      const dialogue = rows.findIndex((t) => t.includes("Bangkok") && t.includes("2022"));
      assert.notEqual(dialogue, -1, `no row for the 2022 Bangkok dialogue in:\n${all}`);
      const mieux = rows.findIndex((t, i) => i !== dialogue && t.includes("MIEUX"));
      assert.notEqual(mieux, -1, `no MIEUX row besides the dialogue in:\n${all}`);
      await assertNoError(browser);

      await saveScreenshot(browser, "examples");
    }));
});
