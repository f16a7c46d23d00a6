// The organiser's home, event overview, organisations and outcomes screens
// with the worked examples loaded: what they show, their search, filters and
// forms, and screenshots of each at 1280x800 and at 1024x768.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, textsOf, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, goTo, loadExamples, setField, snapshot, valueOf, waitForText } from "../lib/forms.mjs";

const DIALOGUE = "High-level Regional Dialogue on Migrant Protection in South-East Asia";
const ASIA = "MIEUX Regional Round-table: Asia";
const MEXICO = "MIEUX Regional Round-table: Latin America and the Caribbean";
const ROW = '[data-testid="event-row"]';

async function openEvent(browser, title, tab = "overview") {
  await goTo(browser, "#/");
  const row = await elementWithText(browser, ROW, title);
  await row.$('[data-testid="event-link"]').click();
  await waitForText(browser, '[data-testid="event-title"]', title);
  if (tab !== "overview") await browser.$(`[data-testid="tab-${tab}"]`).click();
}

describe("the organiser's screens with the examples", () => {
  let browser;
  const urls = {};

  before(async () => {
    browser = await launchApp();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("home lists the examples as past events, searchable and filtered", () =>
    withFailureScreenshot(browser, "home", async () => {
      await loadExamples(browser);
      const past = await textsOf(browser, `[data-testid="past"] ${ROW}`);
      assert.equal(past.length, 3, "the examples are all past events");
      assert.ok(past[0].includes("2022"), "the latest past event comes first");
      await snapshot(browser, "home");

      await browser.$("h1").click();
      await browser.keys("/");
      assert.equal(await browser.execute(() => document.activeElement?.id), "event-search", "/ focuses the search");
      await setField(browser, "#event-search", "mexico");
      await browser.waitUntil(async () => (await browser.$$(ROW)).length === 1);
      await setField(browser, "#event-search", "");
      await setField(browser, '[data-testid="filter-status"]', "reported");
      await browser.waitUntil(async () => (await browser.$$(ROW)).length === 2);
      await setField(browser, '[data-testid="filter-status"]', "");
      const series = await browser.execute(
        () => [...document.querySelectorAll('[data-testid="filter-series"] option')].map((o) => o.textContent),
      );
      assert.ok(series.includes("MIEUX Regional Round-tables 2018"), series.join(", "));
      await setField(browser, '[data-testid="filter-series"]', "none");
      await browser.waitUntil(async () => (await browser.$$(ROW)).length === 1);
      assert.ok((await browser.$(ROW).getText()).includes(DIALOGUE));
      await setField(browser, '[data-testid="filter-series"]', "");
      await browser.waitUntil(async () => (await browser.$$(ROW)).length === 3);
    }));

  test("the Bangkok dialogue's overview shows its facts, organisers, funders, media and readiness", () =>
    withFailureScreenshot(browser, "overview", async () => {
      await openEvent(browser, DIALOGUE);
      urls.dialogue = await browser.getUrl();
      await waitForText(browser, '[data-testid="fact-dates"]', "21–23 Sep 2022");
      await waitForText(browser, '[data-testid="event-facts"]', "SDG 16");
      const organisers = (await textsOf(browser, '[data-testid="organiser-row"]')).join(" | ");
      for (const name of ["IOM Thailand", "OHCHR", "IDC", "PRM"]) assert.ok(organisers.includes(name), organisers);
      assert.equal((await browser.$$('[data-testid="funding-row"]')).length, 2);
      await waitForText(browser, '[data-testid="acknowledgement"]', "Asia Regional Migration Program");
      assert.equal((await browser.$$('[data-testid="media-row"]')).length, 2);
      await browser.$('[data-testid="readiness"]').waitForDisplayed();
      await assertNoError(browser);
      await snapshot(browser, "overview");
    }));

  test("a readiness item leads to where it is fixed", () =>
    withFailureScreenshot(browser, "overview", async () => {
      // The planned Mexico City stop has no delegations and no programme yet.
      await openEvent(browser, MEXICO);
      await waitForText(browser, '[data-testid="readiness"]', "No delegations");
      const items = await browser.$$('[data-testid="readiness-item"] a');
      assert.ok(items.length >= 2, "a planned event without delegations or sessions needs attention");
      const target = await items[0].getAttribute("href");
      await items[0].click();
      await browser.waitUntil(async () => (await browser.getUrl()).endsWith(target), {
        timeoutMsg: `the readiness link did not lead to ${target}`,
      });
      const tab = /#\/events\/[^/]+\/(\w+)/.exec(target)[1];
      await browser.$(`[data-testid="screen-${tab}"]`).waitForDisplayed();
    }));

  test("an organiser role can be assigned to a new organisation and removed with Undo", () =>
    withFailureScreenshot(browser, "overview", async () => {
      await goTo(browser, urls.dialogue.replace(/.*#/, "#"));
      const rows = async () => (await browser.$$('[data-testid="organiser-row"]')).length;
      await browser.$('[data-testid="organiser-row"]').waitForDisplayed();
      const before = await rows();
      await browser.$('[data-testid="add-organiser"]').click();
      await setField(browser, "#organiser-organisation", "ASEAN Secretariat");
      await waitForText(browser, "#organiser-organisation-hint", "New");
      await browser.$("#organiser-organisation-kind").waitForDisplayed();
      await setField(browser, "#organiser-role", "partner");
      await browser.$('[data-testid="assign-organiser"]').click();
      await browser.waitUntil(async () => (await rows()) === before + 1);
      await elementWithText(browser, '[data-testid="organiser-row"]', "ASEAN Secretariat");
      await browser.$('button[aria-label="Remove ASEAN Secretariat as partner"]').click();
      await browser.waitUntil(async () => (await rows()) === before);
      await (await elementWithText(browser, '[data-testid="organisers"] button', "Undo")).click();
      await browser.waitUntil(async () => (await rows()) === before + 1);
    }));

  test("a funding without an acknowledgement is flagged, and its readiness link opens it at that line", () =>
    withFailureScreenshot(browser, "overview", async () => {
      await goTo(browser, urls.dialogue.replace(/.*#/, "#"));
      const fundings = async () => (await browser.$$('[data-testid="funding-row"]')).length;
      await browser.$('[data-testid="funding-row"]').waitForDisplayed();
      const before = await fundings();
      await browser.$('[data-testid="add-funding"]').click();
      const funder = await browser.$('[data-testid="funding-form"] input[id$="-funder_id"]');
      const prefix = (await funder.getAttribute("id")).replace(/-funder_id$/, "");
      await setField(browser, `#${prefix}-funder_id`, "Government of Australia");
      await setField(browser, `#${prefix}-programme`, "Bali Process support");
      await setField(browser, `#${prefix}-amount`, "50,000");
      await browser.$('[data-testid="save-funding"]').click();
      await waitForText(browser, `[data-testid="error-${prefix}-currency"]`, "currency");
      await setField(browser, `#${prefix}-currency`, "aud");
      await browser.$('[data-testid="save-funding"]').click();
      await browser.waitUntil(async () => (await fundings()) === before + 1);
      const row = await elementWithText(browser, '[data-testid="funding-row"]', "Government of Australia");
      assert.match(await row.getText(), /AUD 50,000/);

      const item = await elementWithText(browser, '[data-testid="readiness-item"]', "Government of Australia");
      await item.$("a").click();
      const form = await browser.$('[data-testid="funding-form"]');
      await form.waitForDisplayed();
      const focused = await browser.execute(() => document.activeElement?.id ?? "");
      assert.match(focused, /-acknowledgement$/, "the acknowledgement line has the focus");
      await snapshot(browser, "overview-funding");
      await setField(browser, `#${focused}`, "With the support of the Government of Australia.");
      await form.$('[data-testid="save-funding"]').click();
      await waitForText(browser, '[data-testid="acknowledgement"]', "With the support of the Government of Australia.");
      await browser.waitUntil(
        async () => !(await textsOf(browser, '[data-testid="readiness-item"]')).some((t) => t.includes("Australia")),
        { timeoutMsg: "the readiness item stayed after the acknowledgement was written" },
      );
    }));

  test("a media contact needs an e-mail address or a phone number", () =>
    withFailureScreenshot(browser, "overview", async () => {
      const contacts = async () => (await browser.$$('[data-testid="media-row"]')).length;
      const before = await contacts();
      await browser.$('[data-testid="add-media"]').click();
      await setField(browser, "#media-new-name", "Press Officer");
      await setField(browser, "#media-new-organisation", "OHCHR");
      await browser.$('[data-testid="save-media"]').click();
      await waitForText(browser, '[data-testid="error-media-new-email"]', "e-mail address or a phone number");
      await setField(browser, "#media-new-email", "press@example.org");
      await browser.$('[data-testid="save-media"]').click();
      await browser.waitUntil(async () => (await contacts()) === before + 1);
      await browser.$('[data-testid="media-contacts"]').scrollIntoView();
      await snapshot(browser, "overview-lower");
    }));

  test("organisations are listed, added and edited; one in use is not deleted", () =>
    withFailureScreenshot(browser, "organisations", async () => {
      await goTo(browser, "#/");
      await browser.$('[data-testid="organisations-link"]').click();
      await browser.$('[data-testid="organisations-table"]').waitForDisplayed();
      await snapshot(browser, "organisations");

      const icmpd = await elementWithText(browser, '[data-testid="organisation-row"]', "ICMPD");
      await icmpd.$("button.danger").click();
      await browser.$('dialog[open] [data-testid="confirm"]').click();
      await waitForText(browser, '[data-testid="error"]', "still an organiser");
      await elementWithText(browser, '[data-testid="organisation-row"]', "ICMPD");

      await browser.$('[data-testid="add-organisation"]').click();
      await setField(browser, "#org-new-name", "African Union Commission");
      await setField(browser, "#org-new-kind", "government");
      await setField(browser, "#org-new-country_code", "ET");
      await browser.$('[data-testid="save-organisation"]').click();
      const row = await elementWithText(browser, '[data-testid="organisation-row"]', "African Union Commission");
      assert.match(await row.getText(), /Ethiopia/);

      await row.$("button").click();
      const form = await browser.$('[data-testid="organisation-form"]');
      await form.waitForDisplayed();
      const nameField = await form.$("input[id$='-short_name']");
      await setField(browser, `#${await nameField.getAttribute("id")}`, "AUC");
      await form.$('[data-testid="save-organisation"]').click();
      await elementWithText(browser, '[data-testid="organisation-row"]', "AUC");

      await setField(browser, "#organisation-search", "auc");
      await browser.waitUntil(async () => (await browser.$$('[data-testid="organisation-row"]')).length === 1);
    }));

  test("the MIEUX Asia outcomes per country, follow-ups and next stop", () =>
    withFailureScreenshot(browser, "outcomes", async () => {
      await openEvent(browser, ASIA, "outcomes");
      await browser.$('[data-testid="outcomes-screen"]').waitForDisplayed();
      const before = (await browser.$$('[data-testid="outcome-row"]')).length;
      assert.ok(before >= 5, `the outcomes per country are listed (${before})`);
      await waitForText(browser, '[data-testid="next-stop"]', "Latin America and the Caribbean");
      urls.outcomes = await browser.getUrl();
      await snapshot(browser, "outcomes");

      await browser.$('[data-testid="add-outcome"]').click();
      const country = await browser.$('[data-testid="outcome-form"] select');
      await setField(browser, `#${await country.getAttribute("id")}`, "MM");
      const summary = await browser.$('[data-testid="outcome-form"] textarea');
      await setField(browser, `#${await summary.getAttribute("id")}`, "Myanmar shared its labour migration database plans.");
      await browser.$('[data-testid="save-outcome"]').click();
      await browser.waitUntil(async () => (await browser.$$('[data-testid="outcome-row"]')).length === before + 1);
      await elementWithText(browser, '[data-testid="outcome-row"]', "Myanmar");

      const followUps = (await browser.$$('[data-testid="follow-up-row"]')).length;
      await browser.$('[data-testid="add-follow-up"]').click();
      await setField(browser, "#follow-up-new-action", "Send the publication draft to every delegation");
      await setField(browser, "#follow-up-new-owner", "MIEUX team");
      await setField(browser, "#follow-up-new-action", "   ");
      await browser.$('[data-testid="save-follow-up"]').click();
      await waitForText(browser, '[data-testid="error-follow-up-new-action"]', "Action is required");
      assert.equal(await valueOf(browser, "#follow-up-new-owner"), "MIEUX team");
      await setField(browser, "#follow-up-new-action", "Send the publication draft to every delegation");
      await setField(browser, "#follow-up-new-due_date", "2019-01-31");
      await browser.$('[data-testid="save-follow-up"]').click();
      await browser.waitUntil(async () => (await browser.$$('[data-testid="follow-up-row"]')).length === followUps + 1);
      await assertNoError(browser);
      await browser.$('[data-testid="follow-ups"]').scrollIntoView();
      await snapshot(browser, "outcomes-follow-ups");
    }));

  test("the screens read well at 1024x768", () =>
    withFailureScreenshot(browser, "screens-1024", async () => {
      await browser.setWindowSize(1024, 768);
      await goTo(browser, "#/");
      await browser.$(ROW).waitForDisplayed();
      await snapshot(browser, "home-1024");
      await goTo(browser, urls.dialogue.replace(/.*#/, "#"));
      await waitForText(browser, '[data-testid="event-title"]', DIALOGUE);
      await browser.$('[data-testid="readiness"]').waitForDisplayed();
      await snapshot(browser, "overview-1024");
      await goTo(browser, urls.outcomes.replace(/.*#/, "#"));
      await waitForText(browser, '[data-testid="event-title"]', ASIA);
      await browser.$('[data-testid="outcomes-screen"]').waitForDisplayed();
      await snapshot(browser, "outcomes-1024");
      await goTo(browser, "#/organisations");
      await browser.$('[data-testid="organisations-table"]').waitForDisplayed();
      await snapshot(browser, "organisations-1024");
      const overflow = await browser.execute(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, "no horizontal scrolling at 1024 px");
    }));
});
