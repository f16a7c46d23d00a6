// First run: an empty plan, "Load examples", and the worked examples listed.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchApp, saveScreenshot, textsOf, UI_TIMEOUT } from "../lib/app.mjs";

const ROW = '[data-testid="event-row"]';

describe("worked examples", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("a fresh plan shows the empty state and the Load examples button", async () => {
    const title = await browser.$("h1");
    await title.waitForDisplayed();
    assert.equal(await title.getText(), "Roundtable Planner");

    const button = await browser.$('[data-testid="load-examples"]');
    await button.waitForClickable();
    assert.equal((await browser.$$(ROW)).length, 0, "a fresh ROUNDTABLE_DB has no events");
    await saveScreenshot(browser, "empty");
  });

  test("Load examples lists the Bangkok dialogue and the MIEUX round-table", async () => {
    await browser.$('[data-testid="load-examples"]').click();

    await browser.waitUntil(async () => (await browser.$$(ROW)).length >= 2, {
      timeout: UI_TIMEOUT,
      timeoutMsg: "fewer than two event rows after Load examples",
    });
    await browser.$('[data-testid="event-list"]').waitForDisplayed();

    const rows = await textsOf(browser, ROW);
    const dialogue = rows.findIndex((t) => t.includes("Bangkok") && t.includes("2022"));
    assert.notEqual(dialogue, -1, `no row for the 2022 Bangkok dialogue in:\n${rows.join("\n---\n")}`);
    const mieux = rows.findIndex((t, i) => i !== dialogue && t.includes("MIEUX"));
    assert.notEqual(mieux, -1, `no MIEUX row besides the dialogue in:\n${rows.join("\n---\n")}`);

    const error = await browser.$('[data-testid="error"]');
    assert.equal(await error.isDisplayed(), false, `error shown: ${await error.getText()}`);

    await saveScreenshot(browser, "examples");
  });
});
