// Logistics against the agenda: once a teammate's script moves Ms Jirapa
// Intharasuk's arrival to 11:00 on the first day, the Bangkok dialogue's
// readiness says she arrives after the opening session she chairs starts; the
// item leads to her participation, where the arrival is fixed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, roundtableCli, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot } from "../lib/forms.mjs";

const plan = process.env.E2E_DB;
const EVENT = "Migrant Protection in South-East Asia";

describe("logistics against the agenda", () => {
  let browser;

  before(async () => {
    assert.ok(plan, "run.sh sets E2E_DB to the app's plan file");
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("a chair landing after her session starts is a readiness problem leading to her arrival", () =>
    withFailureScreenshot(browser, "logistics-readiness", async () => {
      execFileSync(roundtableCli, ["--db", plan, "participant", "update", "Intharasuk", "--event", EVENT, "--arrival", "2022-09-21 11:00"]);
      const row = await elementWithText(browser, '[data-testid="event-row"]', EVENT);
      await row.$('[data-testid="event-link"]').click();
      const late = await elementWithText(
        browser,
        '[data-testid="readiness-item"][data-kind="arrives_after_session"]',
        "Ms Jirapa Intharasuk (IOM) arrives 21 Sep 2022 11:00, after 'Opening session'",
      );
      assert.equal(await late.getAttribute("data-severity"), "problem");
      await late.scrollIntoView({ block: "center" });
      await snapshot(browser, "logistics-readiness");
      await late.$("a").click();
      await browser.$('[data-testid="tab-participants"][aria-current="page"]').waitForExist();
      const arrival = await browser.$('[data-testid="part-arrival"]');
      await arrival.waitForDisplayed();
      assert.equal(await arrival.getValue(), "2022-09-21T11:00", "her participation is open at the arrival to fix");
      await snapshot(browser, "logistics-readiness-arrival");
      await assertNoError(browser);
    }));
});
