// Series memory: the MIEUX round-table in Mexico City is reminded in its
// readiness of what the Asia stop left open, and the reminder leads to the
// Asia stop's outcomes, where the follow-up is closed.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNoError, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, snapshot, windowWithExamples, waitForText } from "../lib/forms.mjs";

describe("series memory", () => {
  const app = windowWithExamples();

  test("the next stop is reminded of the last stop's open follow-ups, and led to them", () =>
    withFailureScreenshot(app.browser, "series-memory", async () => {
      const mexico = await elementWithText(app.browser, '[data-testid="event-row"]', "Latin America and the Caribbean");
      await mexico.$('[data-testid="event-link"]').click();
      const reminder = await elementWithText(
        app.browser,
        '[data-testid="readiness-item"][data-kind="open_follow_up"]',
        "Still open from MIEUX Regional Round-table: Asia: 'Follow the ratification of the National Migration Policy",
      );
      assert.match(await reminder.getText(), /Fix in Outcomes of that stop/);
      await reminder.scrollIntoView({ block: "center" });
      await snapshot(app.browser, "series-memory-readiness");
      await reminder.$("a").click();
      await waitForText(app.browser, '[data-testid="event-title"]', "MIEUX Regional Round-table: Asia");
      await app.browser.$('[data-testid="tab-outcomes"][aria-current="page"]').waitForExist();
      await assertNoError(app.browser);
    }));
});
