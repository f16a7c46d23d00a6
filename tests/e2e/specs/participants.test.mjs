// Participants and the tracker: people added to two delegations of the Mexico
// City round-table with the quick-add row and the keyboard only (type, Tab,
// Enter), one made head of delegation in the row, the tracker's counts, head
// and gender split following; a bulk status change followed by the tracker, and
// one refused as a whole (two heads); the person's panel with a logistics
// error next to its field, one Save for the name and the logistics, and a
// question before Escape drops a change; and the Bangkok dialogue's participants for the
// screenshots.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, saveScreenshot, textsOf, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { setField } from "../lib/forms.mjs";

const EVENT_ROW = '[data-testid="event-row"]';
const TRACKER_ROW = '[data-testid="tracker-row"]';
const PARTICIPANT_ROW = '[data-testid="participant-row"]';

describe("participants", () => {
  let browser;
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

  /** Waits until the row of `familyName` shows the stored `attribute` (role or status) `value`. */
  async function expectStored(familyName, attribute, value) {
    await browser.waitUntil(async () => (await (await rowOf(familyName)).getAttribute(`data-${attribute}`)) === value, {
      timeout: UI_TIMEOUT,
      timeoutMsg: `${familyName}'s ${attribute} is not ${value} in the store`,
    });
    const select = await (await rowOf(familyName)).$(`[data-testid="participant-${attribute}"]`);
    assert.equal(await select.getValue(), value, `${familyName}'s ${attribute} select shows ${value}`);
  }

  async function activeId() {
    return browser.execute(() => document.activeElement?.id ?? "");
  }

  async function trackerCell(name, column) {
    const row = await browser.$(`${TRACKER_ROW}[data-name="${name}"]`);
    await row.waitForExist({ timeout: UI_TIMEOUT, timeoutMsg: `no tracker row for ${name}` });
    return textOf(await row.$(`[data-testid="cell-${column}"]`));
  }

  /** Waits until the tracker row `name` shows `expected` (column → text or RegExp). */
  async function expectTracker(name, expected) {
    let last = {};
    await browser.waitUntil(
      async () => {
        last = {};
        for (const column of Object.keys(expected)) last[column] = await trackerCell(name, column);
        return Object.entries(expected).every(([column, want]) =>
          want instanceof RegExp ? want.test(last[column]) : last[column] === want,
        );
      },
      { timeout: UI_TIMEOUT, timeoutMsg: `${name}: expected ${JSON.stringify(expected, (_, v) => (v instanceof RegExp ? String(v) : v))}` },
    ).catch((error) => {
      throw new Error(`${error.message}; the tracker shows ${JSON.stringify(last)}`);
    });
  }

  async function rowOf(familyName) {
    const row = await browser.$(`${PARTICIPANT_ROW}[data-name$=" ${familyName}"]`);
    await row.waitForExist({ timeout: UI_TIMEOUT, timeoutMsg: `no participant row for ${familyName}` });
    return row;
  }

  /** The text of an element as in the page (WebDriver's getText leaves out text cut off by an ellipsis). */
  async function textOf(element) {
    return String(await element.getProperty("textContent")).replace(/\s+/g, " ").trim();
  }

  /** The label of the option a select shows. */
  async function selectedLabel(id) {
    return browser.execute((selectId) => {
      const select = document.getElementById(selectId);
      return select?.selectedOptions[0]?.textContent?.trim() ?? "";
    }, id);
  }

  /**
   * Types one person into the quick add with the keyboard only: each value,
   * then Tab to the next field; a select is set by typing the start of an
   * option (its type-ahead); Enter adds.
   */
  async function quickAdd(person) {
    assert.equal(await activeId(), "qa-family", "the quick add starts in the family name");
    const fields = ["family", "given", "honorific", "delegation", "role", "status", "email", "gender"];
    const selects = new Set(["delegation", "role", "status", "gender"]);
    for (const [i, field] of fields.entries()) {
      const value = person[field];
      if (value && !selects.has(field)) {
        await browser.keys([...value]);
      } else if (value) {
        // The select's type-ahead picks the first option that starts with what was typed.
        // On a loaded machine a key can miss WebKit's type-ahead window, so type again
        // (still only the keyboard) once the window has closed.
        let chosen = false;
        for (let attempt = 0; attempt < 3 && !chosen; attempt += 1) {
          await browser.keys([...value]);
          chosen = await browser
            .waitUntil(async () => (await selectedLabel(`qa-${field}`)).startsWith(value), { timeout: 1_500 })
            .catch(() => false);
        }
        assert.ok(chosen, `typing "${value}" in the ${field} select chose "${await selectedLabel(`qa-${field}`)}"`);
      }
      if (i < fields.length - 1) {
        await browser.keys("Tab");
        const next = `qa-${fields[i + 1]}`;
        await browser.waitUntil(async () => (await activeId()) === next, {
          timeout: 3_000,
          timeoutMsg: `Tab did not move from the ${field} field to ${next}`,
        });
      }
    }
    await browser.keys("Enter");
  }

  test("the Mexico City round-table gets two delegations", () =>
    withFailureScreenshot(browser, "participants", async () => {
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
      }
      assert.ok(events.mexico && events.dialogue, (await textsOf(browser, EVENT_ROW)).join(" | "));

      await go(events.mexico, "delegations");
      await browser.$('[data-testid="tracker-empty"]').waitForDisplayed();
      await browser.keys(["Control", "n"]);
      await browser.keys("Control");
      await browser.$('[data-testid="new-delegation-panel"]').waitForDisplayed();
      for (const [code, quota, name] of [["MX", 4, "Mexico"], ["GT", 3, "Guatemala"]]) {
        await browser.$('[data-testid="delegation-country"]').selectByAttribute("value", code);
        await browser.$('[data-testid="delegation-quota"]').setValue(String(quota));
        await browser.$('[data-testid="delegation-submit"]').click();
        await browser.$(`${TRACKER_ROW}[data-name="${name}"]`).waitForExist();
      }
      await browser.keys("Escape");
      await assertNoError(browser);
    }));

  test("quick add with the keyboard only: type, Tab, Enter", () =>
    withFailureScreenshot(browser, "participants-quick-add", async () => {
      await go(events.mexico, "participants");
      await browser.$('[data-testid="participants-empty"]').waitForDisplayed();
      // An empty event opens with the quick add; Ctrl+N puts the cursor in it.
      await browser.keys(["Control", "n"]);
      await browser.keys("Control");
      await browser.waitUntil(async () => (await activeId()) === "qa-family", {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Ctrl+N did not put the cursor in the family name",
      });

      const people = [
        { family: "Hernandez", given: "Lucia", honorific: "Ms", delegation: "Mex", role: "", status: "Con", email: "lucia.hernandez@example.org", gender: "F" },
        { family: "Ramirez", given: "Jorge", honorific: "Mr", delegation: "Mex", role: "", status: "Inv", email: "", gender: "M" },
        { family: "Morales", given: "Ana", honorific: "Dr", delegation: "Gua", role: "", status: "Inv", email: "", gender: "F" },
        { family: "Perez", given: "Carlos", honorific: "Mr", delegation: "Gua", role: "", status: "Nom", email: "", gender: "M" },
      ];
      for (const [i, person] of people.entries()) {
        await quickAdd(person);
        await browser.waitUntil(async () => (await browser.$$(PARTICIPANT_ROW)).length === i + 1, {
          timeout: UI_TIMEOUT,
          timeoutMsg: `${person.family} was not added; the quick add says: ${await browser.$('[data-testid="qa-form"]').getText()}`,
        });
        assert.match(await browser.$('[data-testid="qa-notice"]').getText(), new RegExp(`Added .*${person.family}`));
        // Ready for the next person.
        assert.equal(await activeId(), "qa-family", "the cursor is back in the family name");
        assert.equal(await browser.$("#qa-family").getValue(), "");
      }
      const ramirez = await rowOf("Ramirez");
      assert.equal(await textOf(await ramirez.$('[data-testid="participant-delegation"]')), "Mexico");
      assert.equal(await (await ramirez.$('[data-testid="participant-status"]')).getValue(), "invited");
      assert.equal(await (await (await rowOf("Hernandez")).$('[data-testid="participant-status"]')).getValue(), "confirmed");
      assert.equal(await textOf(await (await rowOf("Perez")).$('[data-testid="participant-delegation"]')), "Guatemala");

      // Escape clears what was typed.
      await browser.keys([..."Typo"]);
      await browser.keys("Escape");
      assert.equal(await browser.$("#qa-family").getValue(), "");

      // Enter with no family name: the error shows next to the field, and nothing is added.
      await browser.keys("Enter");
      const error = await browser.$('[data-testid="error-qa-family"]');
      await error.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "no error next to the family name" });
      assert.match(await error.getText(), /Family name/i);
      await browser.pause(300); // let the window paint the message before the screenshot
      await saveScreenshot(browser, "participants-quick-add");
      await browser.keys("Escape");
      assert.equal((await browser.$$(PARTICIPANT_ROW)).length, 4);
    }));

  test("make one the head in the row, and see the tracker's counts, head and gender split", () =>
    withFailureScreenshot(browser, "participants", async () => {
      const role = await (await rowOf("Hernandez")).$('[data-testid="participant-role"]');
      await role.selectByAttribute("value", "head");
      await expectStored("Hernandez", "role", "head");
      await assertNoError(browser);

      await browser.$('[data-testid="tab-delegations"]').click();
      await expectTracker("Mexico", {
        quota: /^2 \/ 4/,
        invited: "1",
        confirmed: "1",
        nominated: "0",
        head: "Ms Lucia Hernandez",
        gender: /1 F · 1 M/,
      });
      await expectTracker("Guatemala", { quota: /^2 \/ 3/, invited: "1", nominated: "1", confirmed: "0", head: "No head", gender: /1 F · 1 M/ });
      const totals = await browser.$('[data-testid="tracker-totals"]');
      assert.equal(await totals.$('[data-testid="total-invited"]').getText(), "2");
      assert.equal(await totals.$('[data-testid="total-confirmed"]').getText(), "1");
      await saveScreenshot(browser, "participants-tracker");
    }));

  test("a bulk status change, and the tracker follows", () =>
    withFailureScreenshot(browser, "participants-bulk", async () => {
      await browser.$('[data-testid="tab-participants"]').click();
      for (const family of ["Ramirez", "Morales"]) {
        await (await (await rowOf(family)).$('[data-testid="select-participant"]')).click();
      }
      const bar = await browser.$('[data-testid="bulk-bar"]');
      await bar.waitForDisplayed();
      assert.match(await bar.getText(), /2 participants selected/);
      await browser.$('[data-testid="bulk-status"]').selectByAttribute("value", "confirmed");
      await browser.$('[data-testid="bulk-apply"]').click();
      await browser.waitUntil(async () => /2 participants set to Confirmed/.test(await browser.$('[data-testid="notice"]').getText()), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "no notice of the bulk change",
      });
      await expectStored("Morales", "status", "confirmed");

      await browser.$('[data-testid="tab-delegations"]').click();
      await expectTracker("Mexico", { invited: "0", confirmed: "2" });
      await expectTracker("Guatemala", { invited: "0", nominated: "1", confirmed: "1" });
      assert.equal(await browser.$('[data-testid="total-confirmed"]').getText(), "3");
    }));

  test("a bulk change that would give a delegation two heads is refused as a whole", () =>
    withFailureScreenshot(browser, "participants-bulk-error", async () => {
      await browser.$('[data-testid="tab-participants"]').click();
      // Morales heads Guatemala; Perez, nominated, cannot be a second head...
      await (await (await rowOf("Morales")).$('[data-testid="participant-role"]')).selectByAttribute("value", "head");
      await expectStored("Morales", "role", "head");
      await (await (await rowOf("Perez")).$('[data-testid="participant-role"]')).selectByAttribute("value", "head");
      const error = await browser.$('[data-testid="error"]');
      await error.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "a second head was not refused" });
      assert.match(await error.getText(), /Guatemala already has a head of delegation/);
      await expectStored("Perez", "role", "member"); // the select went back

      // ...unless he declined; then bringing him back with Ramirez is refused for both.
      await (await (await rowOf("Perez")).$('[data-testid="participant-status"]')).selectByAttribute("value", "declined");
      await expectStored("Perez", "status", "declined");
      await (await (await rowOf("Perez")).$('[data-testid="participant-role"]')).selectByAttribute("value", "head");
      await expectStored("Perez", "role", "head");
      for (const family of ["Perez", "Ramirez"]) {
        await (await (await rowOf(family)).$('[data-testid="select-participant"]')).click();
      }
      await browser.$('[data-testid="bulk-status"]').selectByAttribute("value", "attended");
      await browser.$('[data-testid="bulk-apply"]').click();
      const bulkError = await browser.$('[data-testid="bulk-error"]');
      await bulkError.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "the bulk change was not refused" });
      assert.match(await bulkError.getText(), /Nothing was changed: .*two heads/);
      await saveScreenshot(browser, "participants-bulk-error");
      await expectStored("Ramirez", "status", "confirmed");
      await expectStored("Perez", "status", "declined");

      await browser.$('[data-testid="tab-delegations"]').click();
      await expectTracker("Mexico", { confirmed: "2", attended: "0" });
      await expectTracker("Guatemala", { head: "Dr Ana Morales", declined: "1", attended: "0" });
    }));

  test("the person's panel: logistics on date pickers, an error next to its field, one Save for name and logistics", () =>
    withFailureScreenshot(browser, "participants-panel", async () => {
      await browser.$('[data-testid="tab-participants"]').click();
      await (await (await rowOf("Hernandez")).$('[data-testid="open-participant"]')).click();
      await browser.$('[data-testid="participant-panel"]').waitForDisplayed();
      assert.equal(await browser.$('[data-testid="participant-panel-title"]').getText(), "Ms Lucia Hernandez");
      const arrival = await browser.$('[data-testid="part-arrival"]');
      assert.equal(await arrival.getAttribute("type"), "datetime-local", "arrival is a date and time picker");
      assert.match(await arrival.getAttribute("min"), /^2018-05-\d\dT00:00$/, "the picker is bounded by the event's days");

      await setField(browser, '[data-testid="part-arrival"]', "2018-05-28T19:30");
      await setField(browser, '[data-testid="part-departure"]', "2018-05-27T08:00");
      await browser.$('[data-testid="part-visa"]').click();
      await browser.$('[data-testid="save-participant"]').click();
      const error = await browser.$('[data-testid="error-part-departure"]');
      await error.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "no error next to the departure" });
      assert.match(await error.getText(), /before arrival/);
      assert.equal(await browser.$('[data-testid="part-arrival"]').getValue(), "2018-05-28T19:30", "what was typed stays");
      await saveScreenshot(browser, "participants-panel-error");

      // Defect 2: a changed family name is saved by the same Save as the logistics.
      await setField(browser, '[data-testid="person-family_name"]', "Hernandez Ruiz");
      await setField(browser, '[data-testid="part-departure"]', "2018-05-31T08:00");
      await browser.$('[data-testid="save-participant"]').click();
      await browser.waitUntil(async () => !(await error.isExisting()), { timeout: UI_TIMEOUT });
      const saved = await browser.$('[data-testid="participant-saved"]');
      await saved.waitForDisplayed();
      assert.equal(await saved.getText(), "Person and participation saved.");

      await browser.keys("Escape");
      await browser.waitUntil(async () => !(await browser.$('[data-testid="participant-panel"]').isExisting()), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Escape did not close the panel",
      });
      await rowOf("Hernandez Ruiz");

      // A change not saved: Escape asks before dropping it.
      await (await (await rowOf("Hernandez Ruiz")).$('[data-testid="open-participant"]')).click();
      await browser.$('[data-testid="participant-panel"]').waitForDisplayed();
      await setField(browser, '[data-testid="person-family_name"]', "Hernandez");
      await browser.keys("Escape");
      await browser.$('[data-testid="unsaved-dialog"]').waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "no question before dropping a change" });
      await saveScreenshot(browser, "participants-panel-unsaved");
      await browser.$('[data-testid="discard-changes"]').click();
      await browser.waitUntil(async () => !(await browser.$('[data-testid="participant-panel"]').isExisting()), { timeout: UI_TIMEOUT });
      await rowOf("Hernandez Ruiz");

      await browser.$('[data-testid="tab-delegations"]').click();
      await expectTracker("Mexico", { visa: "1" });
    }));

  test("the Bangkok dialogue's 41 participants: search as you type, filters, the person's panel", () =>
    withFailureScreenshot(browser, "participants", async () => {
      await go(events.dialogue, "participants");
      const summary = await browser.$('[data-testid="participants-summary"]');
      await summary.waitForDisplayed();
      await browser.waitUntil(async () => (await summary.getText()) === "41 participants", {
        timeout: UI_TIMEOUT,
        timeoutMsg: `the summary says ${await summary.getText()}`,
      });
      await assertNoError(browser);
      await saveScreenshot(browser, "participants");
      await screenshotAt1024("participants-1024");

      await browser.keys("/");
      await browser.keys([..."Mongkol"]);
      await browser.waitUntil(async () => (await browser.$$(PARTICIPANT_ROW)).length === 1, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "searching did not narrow the list to one person",
      });
      await (await browser.$(`${PARTICIPANT_ROW} [data-testid="open-participant"]`)).click();
      await browser.$('[data-testid="participant-panel"]').waitForDisplayed();
      assert.match(await browser.execute(() => location.hash), /participants\?focus=/);
      await saveScreenshot(browser, "participants-panel");
      await screenshotAt1024("participants-panel-1024");
      await browser.keys("Escape");
      await browser.$('[data-testid="participant-search"]').click();
      await browser.keys("Escape");
      await browser.waitUntil(async () => (await summary.getText()) === "41 participants", { timeout: UI_TIMEOUT });

      await browser.$('[data-testid="filter-needs"]').selectByAttribute("value", "visa");
      await browser.waitUntil(async () => /match the filters|matches the filters/.test(await summary.getText()), { timeout: UI_TIMEOUT });
    }));
});
