// Edit in the menu bar acts on the field the person was in: in Home's search,
// Select all then Copy, the field emptied, Paste brings the text back, Cut
// takes it out again; with no field, Cut, Copy, Paste and Select all are
// greyed out; Find puts the focus in the screen's search, as "/" does.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { loadExamples, setField, snapshot, valueOf, waitForText } from "../lib/forms.mjs";

const SEARCH = "#event-search";

async function edit(browser, testid) {
  await browser.$('[data-testid="menu-edit"]').click();
  const item = await browser.$(`[data-testid="${testid}"]`);
  await item.waitForClickable();
  await item.click();
  await item.waitForDisplayed({ reverse: true });
}

async function waitForValue(browser, value) {
  await browser.waitUntil(async () => (await valueOf(browser, SEARCH)) === value, {
    timeout: UI_TIMEOUT,
    timeoutMsg: `the search never held "${value}" (last: "${await valueOf(browser, SEARCH)}")`,
  });
}

describe("the Edit menu", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("Find, then Select all, Copy, Paste and Cut act on the search field", () =>
    withFailureScreenshot(browser, "edit-menu", async () => {
      await browser.$('[data-testid="menu-edit"]').click();
      await browser.$('[data-testid="menu-copy"]').waitForDisplayed();
      for (const item of ["menu-cut", "menu-copy", "menu-paste", "menu-select-all"]) {
        assert.equal(await browser.$(`[data-testid="${item}"]`).getAttribute("aria-disabled"), "true", `${item} greyed out`);
      }
      // Undo names the examples just loaded (read as text: the long label is clipped with an ellipsis).
      await waitForText(browser, '[data-testid="menu-undo"]', /^Undo Added .* and \d+ more records/);
      await browser.keys(["Escape"]);

      await edit(browser, "menu-find");
      await browser.waitUntil(async () => browser.execute(() => document.activeElement?.id === "event-search"), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Find did not put the focus in the search",
      });

      await setField(browser, SEARCH, "Bangkok");
      await edit(browser, "menu-select-all");
      const selected = await browser.execute((sel) => {
        const field = document.querySelector(sel);
        return [document.activeElement === field, field.selectionStart, field.selectionEnd];
      }, SEARCH);
      assert.deepEqual(selected, [true, 0, 7], "the whole text is selected, in the field");
      await browser.$('[data-testid="menu-edit"]').click();
      await browser.$('[data-testid="menu-copy"]').waitForDisplayed();
      await snapshot(browser, "edit-menu");
      await browser.keys(["Escape"]);
      await edit(browser, "menu-copy");

      await setField(browser, SEARCH, "");
      await edit(browser, "menu-paste");
      await waitForValue(browser, "Bangkok");

      await edit(browser, "menu-select-all");
      await edit(browser, "menu-cut");
      await waitForValue(browser, "");
      await edit(browser, "menu-paste");
      await waitForValue(browser, "Bangkok");
      await assertNoError(browser);
    }));
});
