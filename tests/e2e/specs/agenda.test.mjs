// The agenda builder on the Bangkok 2022 dialogue: its three days on the time
// grid, a speaker double-booked by a new session and marked as a conflict on
// both sessions, the marker cleared when the session moves to a free time,
// and the backend's errors next to their fields.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, saveScreenshot, textsOf, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { setField } from "../lib/forms.mjs";

const ROW = '[data-testid="event-row"]';
const DAY = '[data-testid="agenda-day"]';
const BLOCK = '[data-testid="session-block"]';
const MARKED = '[data-testid="session-block"][data-conflict="true"]';
const EDITOR = '[data-testid="session-editor"]';
const QUESTION = '[data-testid="unsaved-dialog"]';
const NEW_TITLE = "Bilateral consultation with Thailand";

describe("agenda builder", () => {
  let browser;
  let dayIds = [];

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  /** Sets the input `selector` (a text field or a date or time picker) to `text`, replacing what it held. */
  async function fill(selector, text) {
    const input = await browser.$(selector);
    await input.waitForDisplayed();
    await setField(browser, selector, text);
    assert.equal(await input.getValue(), text, `${selector} holds what was typed`);
  }

  /** An element's text content (WebKit's visible text leaves out line-clamped titles). */
  async function contentOf(element) {
    return browser.execute((el) => el.textContent.replace(/\s+/g, " ").trim(), element);
  }

  /** Text content of every element matching `selector`. */
  async function contentsOf(selector) {
    const texts = [];
    for (const element of await browser.$$(selector)) texts.push(await contentOf(element));
    return texts;
  }

  /** The session block whose text includes `title`. */
  async function blockTitled(title) {
    for (const block of await browser.$$(BLOCK)) {
      if ((await contentOf(block)).includes(title)) return block;
    }
    return null;
  }

  /** Saves a screenshot once the page has painted its last change (WebKit may hand back an older frame). */
  async function screenshot(name) {
    await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    await browser.pause(250);
    return saveScreenshot(browser, name);
  }

  async function waitForEditorClosed() {
    await browser.waitUntil(async () => !(await browser.$(EDITOR).isExisting()), {
      timeout: UI_TIMEOUT,
      timeoutMsg: "the session form did not close after saving",
    });
  }

  test("the Bangkok dialogue's three days are shown with their sessions", () =>
    withFailureScreenshot(browser, "agenda", async () => {
      await browser.$('[data-testid="load-examples"]').waitForClickable();
      await browser.$('[data-testid="load-examples"]').click();
      await browser.waitUntil(async () => (await browser.$$(ROW)).length >= 3, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the example events were not listed",
      });

      let dialogue = null;
      for (const row of await browser.$$(ROW)) {
        const text = await row.getText();
        if (text.includes("Regional Dialogue") && text.includes("2022")) dialogue = row;
      }
      assert.ok(dialogue, `no row for the Bangkok 2022 dialogue in:\n${(await textsOf(browser, ROW)).join("\n---\n")}`);
      const link = await dialogue.$('[data-testid="event-link"]');
      if (await link.isExisting()) {
        await link.click();
      } else {
        const id = await dialogue.getAttribute("data-event-id");
        await browser.execute((eventId) => (location.hash = `#/events/${eventId}/overview`), id);
      }

      await browser.$('[data-testid="tab-agenda"]').waitForClickable();
      await browser.$('[data-testid="tab-agenda"]').click();

      await browser.waitUntil(async () => (await browser.$$(DAY)).length === 3, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the agenda did not show three days",
      });
      const dates = [];
      for (const day of await browser.$$(DAY)) {
        dates.push(await day.getAttribute("data-date"));
        dayIds.push(await day.getAttribute("data-day-id"));
      }
      assert.deepEqual(dates, ["2022-09-21", "2022-09-22", "2022-09-23"]);

      // Every session of the example is on the grid, in its day's column.
      await browser.waitUntil(async () => (await browser.$$(BLOCK)).length === 24, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the 24 sessions of the example are not all on the grid",
      });
      const firstDay = await browser.$(`${DAY}[data-date="2022-09-21"]`);
      assert.match(await contentOf(firstDay), /Opening session/);
      const headers = await contentsOf('[data-testid="day-header"]');
      assert.match(headers[2], /Fri 23 Sep 2022/);
      assert.match(headers[2], /Areas of cooperation and partnerships/);

      assert.match(await browser.$('[data-testid="time-zone"]').getText(), /Times in Asia\/Bangkok/);
      await browser.$('[data-testid="no-conflicts"]').waitForDisplayed();

      // The three national working groups run in parallel: side by side, not on top of each other.
      const groups = [];
      for (const name of ["Indonesia", "Malaysia", "Thailand"]) {
        const block = await blockTitled(`National working group: ${name}`);
        assert.ok(block, `no block for the ${name} working group`);
        groups.push({ ...(await block.getLocation()), ...(await block.getSize()) });
      }
      groups.sort((a, b) => a.x - b.x);
      for (let i = 1; i < groups.length; i++) {
        assert.ok(groups[i].x >= groups[i - 1].x + groups[i - 1].width - 1, "parallel sessions overlap on screen");
        assert.ok(Math.abs(groups[i].y - groups[0].y) < 2, "parallel sessions do not start on the same line");
      }

      // Breaks and lunches are set apart from substantive sessions.
      const lunch = await blockTitled("Farewell lunch");
      assert.match(await lunch.getAttribute("class"), /\bpause\b/);
      const opening = await blockTitled("Opening session");
      assert.doesNotMatch(await opening.getAttribute("class"), /\bpause\b/);

      await assertNoError(browser);
      await screenshot("agenda");

      // The smallest window the app supports still shows the three days side by side.
      const size = await browser.getWindowSize().catch(() => null);
      try {
        await browser.setWindowSize(1024, 768);
        await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= 1024, {
          timeout: 5000,
        });
        assert.equal((await browser.$$(DAY)).length, 3, "three day columns at 1024px");
        await screenshot("agenda-1024");
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        console.warn(`could not resize the window (${error.message}); no 1024x768 screenshot`);
      } finally {
        if (size) await browser.setWindowSize(size.width, size.height).catch(() => {});
      }
    }));

  test("a speaker booked in two sessions at once is marked on both, and the list names her", () =>
    withFailureScreenshot(browser, "agenda-conflict", async () => {
      await browser.$('[data-testid="add-session"]').click();
      await browser.$(EDITOR).waitForDisplayed();
      // Day 1 is the current day: the form starts on it.
      assert.equal(await browser.$("#session-day").getValue(), dayIds[0]);

      await fill("#session-title", NEW_TITLE);
      await fill("#session-start", "10:30");
      await fill("#session-end", "11:15");
      await fill("#session-room", "Meeting room 1");
      // Ms Jirapa Intharasuk speaks in "Migration in South-East Asia after COVID-19", 10:15–11:30.
      await fill("#session-people", "Intharasuk");
      const option = await browser.$('[data-testid="person-option"]');
      await option.waitForDisplayed();
      assert.match(await option.getText(), /Jirapa Intharasuk/);
      await option.click();
      await browser.$('[data-testid="session-person"]').waitForDisplayed();
      await browser.$("#person-role-0").selectByAttribute("value", "speaker");
      await browser.$('[data-testid="save-session"]').click();
      await waitForEditorClosed();

      await browser.waitUntil(async () => (await browser.$$(MARKED)).length === 2, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the double booking was not marked on two sessions",
      });
      const marked = await contentsOf(MARKED);
      assert.ok(marked.some((t) => t.includes(NEW_TITLE)), `the new session is not marked: ${marked.join(" | ")}`);
      assert.ok(
        marked.some((t) => t.includes("Migration in South-East Asia after COVID-19")),
        `the overlapping session is not marked: ${marked.join(" | ")}`,
      );

      const list = await browser.$('[data-testid="conflict-list"]');
      await list.waitForDisplayed();
      const items = await textsOf(browser, '[data-testid="conflict-item"]');
      assert.equal(items.length, 1, `one conflict expected, got:\n${items.join("\n")}`);
      assert.match(items[0], /Jirapa Intharasuk/);
      assert.match(items[0], /two sessions at once/);

      // The overlapping sessions sit side by side in day 1.
      const added = await blockTitled(NEW_TITLE);
      const other = await blockTitled("Migration in South-East Asia after COVID-19");
      const [a, b] = [await added.getLocation(), await other.getLocation()];
      assert.notEqual(Math.round(a.x), Math.round(b.x), "the overlapping sessions are drawn on top of each other");

      // Choosing the conflict in the list focuses one of its sessions.
      await browser.$('[data-testid="conflict-show"]').click();
      await browser.waitUntil(
        async () =>
          browser.execute(() => document.activeElement?.getAttribute("data-conflict") === "true"),
        { timeout: UI_TIMEOUT, timeoutMsg: "the conflict's session did not get the focus" },
      );
      // With the focus on it, the marked session says what clashes.
      const tipId = await browser.execute(() => document.activeElement?.getAttribute("aria-describedby"));
      assert.ok(tipId, "the marked session is not described by its conflicts");
      const tip = await browser.$(`[id="${tipId}"]`);
      await browser.waitUntil(async () => (await tip.isDisplayed()) && /Intharasuk/.test(await tip.getText()), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the marked session does not explain its conflict on focus",
      });

      // For the screenshot: the list at the top, the new session focused with its explanation.
      await browser.execute((el) => {
        window.scrollTo(0, 0);
        el.focus({ preventScroll: true });
      }, added);
      await assertNoError(browser);
      await screenshot("agenda-conflict");
    }));

  test("moving the new session to a free time clears the marker", () =>
    withFailureScreenshot(browser, "agenda-moved", async () => {
      await (await blockTitled(NEW_TITLE)).click();
      await browser.$(EDITOR).waitForDisplayed();
      assert.equal(await browser.$("#session-title").getValue(), NEW_TITLE);
      await fill("#session-start", "17:30");
      await fill("#session-end", "18:30");
      await browser.$('[data-testid="save-session"]').click();
      await waitForEditorClosed();

      await browser.waitUntil(async () => (await browser.$$(MARKED)).length === 0, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the conflict markers stayed after the session moved",
      });
      await browser.$('[data-testid="no-conflicts"]').waitForDisplayed();
      assert.equal(await browser.$('[data-testid="conflict-list"]').isExisting(), false);
      assert.match(await contentOf(await blockTitled(NEW_TITLE)), /17:30–18:30/);
    }));

  test("on a focused session, Alt+↓ moves it by a quarter hour", () =>
    withFailureScreenshot(browser, "agenda-keyboard", async () => {
      const block = await blockTitled(NEW_TITLE);
      await browser.execute((el) => el.focus(), block);
      await browser.keys(["Alt", "ArrowDown"]);
      await browser.waitUntil(async () => /17:45–18:45/.test(await contentOf(await blockTitled(NEW_TITLE))), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Alt+ArrowDown did not move the session to 17:45",
      });
    }));

  test("dragging a session moves it, dragging its bottom edge resizes it, on quarter hours", () =>
    withFailureScreenshot(browser, "agenda-drag", async () => {
      // 17:45–18:45 now; an hour is 72px on the grid, so 36px is half an hour.
      let block = await blockTitled(NEW_TITLE);
      await block.scrollIntoView({ block: "center" });
      await browser
        .action("pointer", { parameters: { pointerType: "mouse" } })
        .move({ origin: block, x: 0, y: -5 })
        .down({ button: 0 })
        .move({ origin: "pointer", x: 0, y: -12, duration: 100 })
        .move({ origin: "pointer", x: 0, y: -24, duration: 100 })
        .up({ button: 0 })
        .perform();
      await browser.waitUntil(async () => /17:15–18:15/.test(await contentOf(await blockTitled(NEW_TITLE))), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "dragging the session up by half an hour did not move it to 17:15",
      });
      assert.equal(await browser.$(EDITOR).isExisting(), false, "a drag does not open the session");

      block = await blockTitled(NEW_TITLE);
      const handle = await block.parentElement().$(".resize");
      await browser
        .action("pointer", { parameters: { pointerType: "mouse" } })
        .move({ origin: handle, x: 0, y: 0 })
        .down({ button: 0 })
        .move({ origin: "pointer", x: 0, y: 10, duration: 100 })
        .move({ origin: "pointer", x: 0, y: 26, duration: 100 })
        .up({ button: 0 })
        .perform();
      await browser.waitUntil(async () => /17:15–18:45/.test(await contentOf(await blockTitled(NEW_TITLE))), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "dragging the bottom edge down by half an hour did not end the session at 18:45",
      });
      await browser.execute(() => window.scrollTo(0, 0));
    }));

  test("an end before the start shows its error next to the End field, and nothing typed is lost", () =>
    withFailureScreenshot(browser, "agenda-error", async () => {
      await (await blockTitled(NEW_TITLE)).click();
      await browser.$(EDITOR).waitForDisplayed();
      await fill("#session-title", `${NEW_TITLE} (draft)`);
      await fill("#session-end", "17:00");
      await browser.$('[data-testid="save-session"]').click();

      const error = await browser.$('[data-testid="error-session-end"]');
      await error.waitForDisplayed();
      assert.match(await error.getText(), /ends \(17:00\) before it starts \(17:15\)/);
      // The message sits under the End field, not somewhere else in the form.
      const field = await browser.$("#session-end").parentElement();
      assert.equal(await field.$('[data-testid="error-session-end"]').isExisting(), true);
      // What was typed is still there, and the form is still open.
      assert.equal(await browser.$("#session-title").getValue(), `${NEW_TITLE} (draft)`);
      assert.equal(await browser.$("#session-end").getValue(), "17:00");
      await screenshot("agenda-error");

      // What was typed is not dropped without a word.
      await browser.keys("Escape");
      await browser.$(QUESTION).waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "no question before dropping the changed session" });
      await browser.$('[data-testid="discard-changes"]').click();
      await waitForEditorClosed();
      assert.ok(await blockTitled(NEW_TITLE), "the session is unchanged after cancelling");
      assert.equal(await blockTitled(`${NEW_TITLE} (draft)`), null);
    }));

  test("Escape on a changed session asks first: Keep editing keeps what was typed, Discard changes drops it", () =>
    withFailureScreenshot(browser, "agenda-unsaved", async () => {
      // Nothing changed: Escape closes at once.
      await (await blockTitled(NEW_TITLE)).click();
      await browser.$(EDITOR).waitForDisplayed();
      await browser.keys("Escape");
      await waitForEditorClosed();
      assert.equal(await browser.$(QUESTION).isDisplayed(), false, "a form with nothing changed asked before closing");

      await (await blockTitled(NEW_TITLE)).click();
      await browser.$(EDITOR).waitForDisplayed();
      await fill("#session-title", "Renamed but not saved");
      await browser.keys("Escape");
      const question = await browser.$(QUESTION);
      await question.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "Escape dropped the changed title without asking" });
      assert.match(await question.getText(), /Discard your changes\?/);
      assert.match(await question.getText(), new RegExp(`You changed “${NEW_TITLE}” without saving`));
      await screenshot("agenda-unsaved");

      // Escape on the question answers it, and only it: the form stays open under it.
      await browser.keys("Escape");
      await browser.waitUntil(async () => !(await question.isDisplayed()), {
        timeout: UI_TIMEOUT,
        timeoutMsg: "Escape did not answer the question",
      });
      assert.equal(await browser.$(EDITOR).isDisplayed(), true, "Escape on the question also closed the form");
      assert.equal(await browser.$("#session-title").getValue(), "Renamed but not saved");

      await browser.keys("Escape");
      await question.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "the second Escape did not ask" });
      await browser.$('[data-testid="keep-editing"]').click();
      await browser.waitUntil(async () => !(await question.isDisplayed()), { timeout: UI_TIMEOUT });
      assert.equal(await browser.$(EDITOR).isDisplayed(), true, "Keep editing closed the form");
      assert.equal(await browser.$("#session-title").getValue(), "Renamed but not saved");
      assert.ok(
        await browser.execute((selector) => document.querySelector(selector)?.contains(document.activeElement), EDITOR),
        "the focus did not come back into the form",
      );

      await browser.keys("Escape");
      await question.waitForDisplayed({ timeout: UI_TIMEOUT, timeoutMsg: "Escape after Keep editing did not ask" });
      await browser.$('[data-testid="discard-changes"]').click();
      await waitForEditorClosed();
      assert.ok(await blockTitled(NEW_TITLE), "the session's title changed on the grid");
      assert.equal(await blockTitled("Renamed but not saved"), null);
      await assertNoError(browser);
    }));

  test("a day outside the event's dates is refused next to the date field", () =>
    withFailureScreenshot(browser, "agenda-day-error", async () => {
      await browser.$('[data-testid="add-day"]').click();
      await fill("#new-day-date", "2022-09-25");
      await browser.$('[data-testid="add-day-submit"]').click();
      const error = await browser.$('[data-testid="error-new-day-date"]');
      await error.waitForDisplayed();
      assert.match(await error.getText(), /outside the event/);
      assert.equal(await browser.$("#new-day-date").getValue(), "2022-09-25");
      assert.equal((await browser.$$(DAY)).length, 3);
    }));

  test("the day switcher shows one day at a time, and ] moves to the next day", () =>
    withFailureScreenshot(browser, "agenda-one-day", async () => {
      await browser.$('[data-testid="one-day"]').click();
      await browser.waitUntil(async () => (await browser.$$(DAY)).length === 1, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "One day did not show a single day",
      });
      await browser.execute(() => document.activeElement?.blur());
      await browser.keys("]");
      await browser.waitUntil(async () => (await browser.$(DAY).getAttribute("data-date")) === "2022-09-22", {
        timeout: UI_TIMEOUT,
        timeoutMsg: "] did not show the next day",
      });
      await browser.keys("[");
      await browser.waitUntil(async () => (await browser.$(DAY).getAttribute("data-date")) === "2022-09-21", {
        timeout: UI_TIMEOUT,
        timeoutMsg: "[ did not show the previous day",
      });
      await browser.$('[data-testid="days-side-by-side"]').click();
      await browser.waitUntil(async () => (await browser.$$(DAY)).length === 3, { timeout: UI_TIMEOUT });
    }));

  test("a day's theme is edited in its header", () =>
    withFailureScreenshot(browser, "agenda-theme", async () => {
      const header = await browser.$(`[data-testid="day-header"][data-day-id="${dayIds[1]}"]`);
      await header.$('[data-testid="day-edit"]').click();
      await fill(`#day-theme-${dayIds[1]}`, "Priorities for migrant protection and return");
      await browser.keys("Enter");
      await browser.waitUntil(
        async () => (await contentOf(await header.$('[data-testid="day-theme"]'))) === "Priorities for migrant protection and return",
        { timeout: UI_TIMEOUT, timeoutMsg: "the new theme is not shown in the day's header" },
      );
    }));

  test("the readiness panel's link focuses and highlights the session it names", () =>
    withFailureScreenshot(browser, "agenda-focus", async () => {
      const lunch = await blockTitled("Farewell lunch");
      const id = await lunch.getAttribute("data-session-id");
      await browser.execute((sessionId) => {
        location.hash = location.hash.replace(/\?.*$/, "") + `?focus=${sessionId}`;
      }, id);
      await browser.waitUntil(
        async () => (await browser.execute(() => document.activeElement?.getAttribute("data-session-id"))) === id,
        { timeout: UI_TIMEOUT, timeoutMsg: "the focused session did not get the focus" },
      );
      assert.match(await lunch.parentElement().getAttribute("class"), /\bhighlighted\b/);
    }));

  test("deleting a session asks first, then removes it", () =>
    withFailureScreenshot(browser, "agenda-delete", async () => {
      await (await blockTitled(NEW_TITLE)).click();
      await browser.$(EDITOR).waitForDisplayed();
      await browser.$('[data-testid="delete-session"]').click();
      const dialog = await browser.$('[data-testid="confirm-dialog"]');
      await dialog.waitForDisplayed();
      assert.match(await dialog.getText(), /Jirapa Intharasuk/);
      await dialog.$('[data-testid="confirm"]').click();
      await browser.waitUntil(async () => (await browser.$$(BLOCK)).length === 24, {
        timeout: UI_TIMEOUT,
        timeoutMsg: "the session was not deleted",
      });
      assert.equal(await blockTitled(NEW_TITLE), null);
      await assertNoError(browser);
    }));
});
