// The plan changes underneath the window: with an event's participants on
// screen, the `roundtable` command line adds a participant to the same plan
// file, and the row appears without anything done in the window (the backend
// notices the other writer and tells the screen to reload).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, roundtableCli, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const plan = process.env.E2E_DB;
const EVENT = "Migrant Protection in South-East Asia";

describe("a change by another program", () => {
  let browser;

  before(async () => {
    assert.ok(plan, "run.sh sets E2E_DB to the app's plan file");
    assert.ok(fs.existsSync(roundtableCli), `the CLI is built (cargo build -p roundtable-cli): ${roundtableCli}`);
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("shows on the participants screen without touching the window", () =>
    withFailureScreenshot(browser, "plan-changed", async () => {
      const row = await elementWithText(browser, '[data-testid="event-row"]', EVENT);
      await row.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="tab-participants"]').click();
      await browser.$('[data-testid="participant-table"]').waitForDisplayed();
      const summary = await waitForText(browser, '[data-testid="participants-summary"]', "participants");
      const listed = Number(summary.match(/\d+/)[0]);
      assert.ok(listed > 0, "the example event has participants");

      execFileSync(roundtableCli, [
        "--db", plan, "participant", "add", "--event", EVENT, "--delegation", "TH",
        "--given-name", "Zeynep", "--family-name", "Quillfeather", "--status", "confirmed",
      ]);

      await waitForText(browser, '[data-testid="participants-summary"]', `${listed + 1} participants`);
      await assertNoError(browser);
      await snapshot(browser, "plan-changed-participants");
    }));
});
