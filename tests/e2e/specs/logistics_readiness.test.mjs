// Logistics against the agenda: once a teammate's script moves Ms Jirapa
// Intharasuk's arrival to 11:00 on the first day, the Bangkok dialogue's
// readiness says she arrives after the opening session she chairs starts; the
// item leads to her participation, where the arrival is fixed. A visa letter
// still needed a month before an arrival is a problem with six weeks' lead
// time, and only a reminder once Plan settings… says two weeks.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, roundtableCli, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
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

  test("a visa letter a month before the arrival is a problem until the lead time is two weeks", () =>
    withFailureScreenshot(browser, "visa-lead-time", async () => {
      const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const rt = (...args) => execFileSync(roundtableCli, ["--db", plan, ...args]);
      rt("event", "create", "--title", "Dialogue on fair recruitment", "--city", "Bangkok", "--country", "TH",
        "--time-zone", "Asia/Bangkok", "--start", day(30), "--end", day(31), "--status", "planned");
      rt("delegation", "add", "--event", "fair recruitment", "--country", "ID");
      rt("participant", "add", "--event", "fair recruitment", "--delegation", "ID", "--given-name", "Siti",
        "--family-name", "Rahma", "--status", "confirmed", "--visa-letter", "--arrival", `${day(29)} 16:00`);
      await browser.execute(() => (location.hash = "#/"));
      const row = await elementWithText(browser, '[data-testid="event-row"]', "fair recruitment");
      await row.$('[data-testid="event-link"]').click();
      const late = '[data-testid="readiness-item"][data-kind="visa_letter_late"]';
      const item = await elementWithText(browser, late, "Siti Rahma (Indonesia) still needs a visa letter and arrives in 29 days");
      assert.equal(await item.getAttribute("data-severity"), "problem");

      await browser.$('[data-testid="menu-file"]').click();
      await browser.$('[data-testid="menu-plan-settings"]').click();
      await browser.waitUntil(async () => browser.$('[data-testid="plan-settings-save"]').isEnabled());
      const weeks = await browser.$('[data-testid="visa-letter-weeks"]');
      await weeks.clearValue();
      await weeks.setValue("2");
      await snapshot(browser, "plan-settings-visa-weeks");
      await browser.$('[data-testid="plan-settings-save"]').click();
      await browser.$(late).waitForExist({ reverse: true, timeout: UI_TIMEOUT });
      await elementWithText(browser, '[data-testid="readiness-item"][data-kind="visa_letter_needed"]', "Siti Rahma");
      await assertNoError(browser);
    }));
});
