// A long import does not freeze the window. A registration list of 30,000
// people is checked and imported into the Bangkok dialogue; while the import
// commits, the organiser switches to the Delegations screen, which shows its
// tracker, and asks for an export, which says it waits for the import and
// then saves. Finally the participants screen lists everyone imported.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const dialogDir = process.env.E2E_DIALOG_DIR;
const ROWS = 30_000;
const COUNTRIES = ["Thailand", "Cambodia", "Lao PDR", "Viet Nam", "Malaysia", "Indonesia", "The Philippines"];

/** A registration list of `rows` distinct people, as a CSV. */
function registrations(rows) {
  const lines = ["Surname;Given name;Country;E-mail"];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(`Registrant${i};Person;${COUNTRIES[i % COUNTRIES.length]};registrant${i}@example.org`);
  }
  return `${lines.join("\n")}\n`;
}

describe("a long import", () => {
  let browser;

  before(async () => {
    assert.ok(dialogDir && fs.existsSync(dialogDir), "run.sh sets E2E_DIALOG_DIR to an existing directory");
    fs.writeFileSync(path.join(dialogDir, "registrations.csv"), registrations(ROWS));
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("leaves the window answering, and a second job waits its turn", () =>
    withFailureScreenshot(browser, "long-import", async () => {
      const row = await elementWithText(browser, '[data-testid="event-row"]', "Migrant Protection");
      await row.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="tab-participants"]').click();
      await browser.$('[data-testid="open-import"]').click();
      await browser.$('[data-testid="import-wizard"]').waitForDisplayed();
      await browser.$('[data-testid="import-choose"]').click();
      await waitForText(browser, '[data-testid="import-counts"]', "0 rejected rows");
      await browser.$('[data-testid="import-commit"]').waitForEnabled({ timeout: UI_TIMEOUT });

      await browser.$('[data-testid="import-commit"]').click();
      await waitForText(browser, '[data-testid="job-progress"]', "of 30,000 rows");
      await snapshot(browser, "long-import-progress");

      // Another screen while the import commits.
      await browser.keys(["Alt", "2"]);
      await browser.$('[data-testid="screen-delegations"]').waitForDisplayed();
      await browser.$('[data-testid="tracker-row"]').waitForDisplayed();
      await browser.keys(["Control", "e"]);
      await browser.$('[data-testid="export-dialog"]').waitForDisplayed();
      await browser.$('[data-testid="export-document-programme"]').click();
      await browser.$('[data-testid="export-format-html"]').click();
      await browser.$('[data-testid="export-save"]').click();
      await waitForText(browser, '[data-testid="job-progress"]', "Waiting for the import to finish");
      await snapshot(browser, "long-import-export-waits");

      await waitForText(browser, '[data-testid="export-saved"]', "Saved to");
      await browser.keys(["Escape"]);
      await browser.$('[data-testid="export-dialog"]').waitForDisplayed({ reverse: true });
      // Every text the participants summary shows from here on.
      await browser.execute(() => {
        window.__summaries = [];
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="participants-summary"]')?.textContent.trim();
          if (text && window.__summaries.at(-1) !== text) window.__summaries.push(text);
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await browser.keys(["Alt", "3"]);
      // The list comes in pages, the first on screen at once, then whole.
      const summary = await waitForText(browser, '[data-testid="participants-summary"]', /^\d+ participants$/);
      const listed = Number(summary.match(/\d+/)[0]);
      const shown = await browser.execute(() => window.__summaries);
      assert.match(shown[0], /^Loading [\d,]+ of 30,\d{3} participants…$/, shown.join(" | "));
      assert.ok(listed >= ROWS, `everyone imported is listed: ${summary}`);
      await assertNoError(browser);
    }));
});
