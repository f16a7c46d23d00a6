// A plan damaged by another program: one participant's status becomes a value
// no version of the app writes (the sqlite3 tool edits the plan file while the
// window has it open). The window's check, run after the change, warns under
// the menu bar and names the row; the participants list shows everyone else
// instead of failing, and the warning leads to the backups.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const plan = process.env.E2E_DB;
const EVENT = "Migrant Protection in South-East Asia";

describe("a damaged row in the plan", () => {
  let browser;

  before(async () => {
    assert.ok(plan, "run.sh sets E2E_DB to the app's plan file");
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("is named in a warning, left out of the list, and the others still show", () =>
    withFailureScreenshot(browser, "damaged-plan", async () => {
      const row = await elementWithText(browser, '[data-testid="event-row"]', EVENT);
      await row.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="tab-participants"]').click();
      const summary = await waitForText(browser, '[data-testid="participants-summary"]', "participants");
      const listed = Number(summary.match(/\d+/)[0]);
      assert.equal(await browser.$('[data-testid="plan-damaged"]').isExisting(), false, "a sound plan gets no warning");

      // Another program waits for the window's writes as the CLI does (sqlite3's default is to fail at once).
      execFileSync("sqlite3", [
        "-cmd",
        ".timeout 10000",
        plan,
        `UPDATE participant SET status = 'garbled'
         WHERE rowid = (SELECT min(p.rowid) FROM participant p JOIN event e ON e.id = p.event_id
                        WHERE e.title LIKE '%${EVENT}%')`,
      ]);

      await browser.$('[data-testid="plan-damaged"]').waitForDisplayed({ timeout: 15000 });
      const warning = await browser.$('[data-testid="plan-damage-lines"]').getText();
      assert.match(warning, /A participant of “High-level Regional Dialogue on Migrant Protection in South-East Asia” \(row \d+\) cannot be read/);
      assert.match(warning, /garbled/);
      await waitForText(browser, '[data-testid="participants-summary"]', `${listed - 1} participants`);
      await assertNoError(browser);
      await snapshot(browser, "damaged-plan-warning");

      await browser.$('[data-testid="plan-damaged-backups"]').click();
      await browser.$('[data-testid="screen-backups"]').waitForDisplayed();
      await browser.$('[data-testid="plan-damaged-dismiss"]').click();
      await browser.$('[data-testid="plan-damaged"]').waitForDisplayed({ reverse: true });
    }));
});
