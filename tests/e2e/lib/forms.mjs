// Helpers for the specs that fill the app's forms and follow its links.
//
// Values are set the way a person's typing ends up: the element's value
// through the native setter, then `input` and `change` events, so that
// Svelte's bindings see them. This also works for <input type="date"> and
// <select>, which WebKitWebDriver's keystrokes do not fill reliably.

import { after, before } from "node:test";
import { launchApp, saveScreenshot, UI_TIMEOUT } from "./app.mjs";

/** Sets the value of the form control matching `selector` (e.g. "#new-event-title"). */
export async function setField(browser, selector, value) {
  const element = await browser.$(selector);
  await element.waitForExist();
  const ok = await browser.execute(
    (sel, val) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const proto = Object.getPrototypeOf(el);
      const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
      if (setter) setter.call(el, val);
      else el.value = val;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
      return true;
    },
    selector,
    value,
  );
  if (!ok) throw new Error(`no form control ${selector}`);
}

/** Ticks or clears the checkbox matching `selector`. */
export async function setChecked(browser, selector, checked) {
  const box = await browser.$(selector);
  await box.waitForExist();
  if ((await box.isSelected()) !== checked) await box.click();
}

/** The current value of the form control matching `selector`. */
export async function valueOf(browser, selector) {
  return browser.execute((sel) => document.querySelector(sel)?.value ?? null, selector);
}

/** Goes to a place of the app by its URL hash (e.g. "#/organisations"). */
export async function goTo(browser, hash) {
  await browser.execute((h) => {
    location.hash = h;
  }, hash);
}

/** The first element matching `selector` whose text includes `text`. */
export async function elementWithText(browser, selector, text) {
  let found = null;
  await browser.waitUntil(
    async () => {
      for (const element of await browser.$$(selector)) {
        if ((await element.getText()).includes(text)) {
          found = element;
          return true;
        }
      }
      return false;
    },
    { timeout: UI_TIMEOUT, timeoutMsg: `no ${selector} with the text "${text}"` },
  );
  return found;
}

/** Waits until the element matching `selector` has text that includes `text` (or matches it, a RegExp); returns the text. */
export async function waitForText(browser, selector, text) {
  let last = "";
  await browser.waitUntil(
    async () => {
      // textContent, not WebDriver's visible text: WebKitWebDriver gives ""
      // for a heading that is clipped with an ellipsis.
      last = await browser.execute((sel) => {
        const element = document.querySelector(sel);
        return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
      }, selector);
      return typeof text === "string" ? last.includes(text) : text.test(last);
    },
    { timeout: UI_TIMEOUT, timeoutMsg: `${selector} never showed "${text}" (last: "${last}")` },
  );
  return last;
}

/** Loads the worked examples from the home screen and waits for their rows. */
export async function loadExamples(browser) {
  await browser.$('[data-testid="load-examples"]').waitForClickable();
  await browser.$('[data-testid="load-examples"]').click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="event-row"]')).length >= 3, {
    timeout: UI_TIMEOUT,
    timeoutMsg: "the three example events were not listed",
  });
}

/**
 * The window of a describe block: launched on the spec's plan with the
 * examples loaded before its first test, closed after its last. Its tests use
 * `window.browser`.
 */
export function windowWithExamples() {
  const window = { browser: null };
  before(async () => {
    window.browser = await launchApp();
    await loadExamples(window.browser);
  });
  after(async () => {
    await window.browser?.deleteSession();
  });
  return window;
}

/** Saves a screenshot once the page has painted what the test just did
 *  (WebKitWebDriver can otherwise return the previous frame). */
export async function snapshot(browser, name) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await browser.pause(150);
  return saveScreenshot(browser, name);
}
