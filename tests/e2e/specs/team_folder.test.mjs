// Job: plan together through a team folder. Laptop A (the window on its plan)
// loads the examples and chooses a team folder, giving its organiser's name
// first (asked for the first time a plan is shared); laptop B (the window on a
// new, empty plan) chooses the same folder and gets the whole plan, gives
// its organiser's name, renames the Bangkok dialogue and syncs (Ctrl+Shift+S). Meanwhile A renames
// it too (a script on A's plan, while A's window is closed). A's window syncs
// as it opens, says one disagreement waits, lists both titles with who wrote
// each in its Disagreements panel, and keeps B's; B's window, at its next
// sync, shows the title decided and no disagreement. Then each laptop makes an
// organisation "IOM": A's window holds its own back (B's was made first) and
// merges it into B's. Last, each laptop puts the event in another series: A's
// panel offers the two series by title, with nothing to type, and keeps B's.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { assertNoError, launchApp, repoRoot, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, setField, snapshot, waitForText } from "../lib/forms.mjs";

const cli =
  process.env.ROUNDTABLE_CLI ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, "target"), "debug/roundtable");
const planA = process.env.E2E_DB;
const planB = path.join(path.dirname(planA), "laptop-b.rtplan");
const EVENT = "Migrant Protection in South-East Asia";
const TITLE_B = "Bangkok dialogue (title from laptop B)";
const TITLE_A = "Bangkok dialogue (title from laptop A)";

async function menu(browser, menuId, item) {
  await browser.$(`[data-testid="${menuId}"]`).click();
  await browser.$(`[data-testid="${item}"]`).waitForClickable();
  await browser.$(`[data-testid="${item}"]`).click();
}

/** Gives the name teammates see beside this laptop's changes, in the dialog on screen. */
async function giveName(browser, name, organisation) {
  await browser.$('[data-testid="identity-dialog"]').waitForDisplayed();
  await setField(browser, '[data-testid="identity-name"]', name);
  await setField(browser, '[data-testid="identity-organisation"]', organisation);
  await browser.$('[data-testid="identity-save"]').click();
  await browser.$('[data-testid="identity-dialog"]').waitForDisplayed({ reverse: true });
}

/** File → Team folder…; the first time on this installation, the name is asked for first. */
async function chooseTeamFolder(browser, firstName) {
  await menu(browser, "menu-file", "menu-team-folder");
  if (firstName) {
    await waitForText(browser, '[data-testid="identity-intro"]', "Before the plan is shared");
    await snapshot(browser, "team-folder-a-name-asked");
    await giveName(browser, ...firstName);
  }
  await waitForText(browser, '[data-testid="team-status"]', "Synced just now");
}

/** Opens the window on `plan` (the spec's own when none), runs `steps`, and closes it whatever happens. */
async function onLaptop(plan, steps) {
  const browser = await launchApp({ args: plan ? [plan] : [] });
  try {
    await withFailureScreenshot(browser, "team-folder", () => steps(browser));
  } finally {
    await browser.deleteSession();
  }
}

describe("a team folder shared by two laptops", () => {
  test("laptop A shares its plan through the team folder", () => {
    assert.ok(fs.existsSync(cli), `the CLI is built (cargo build -p roundtable-cli): ${cli}`);
    return onLaptop(null, async (browser) => {
      await loadExamples(browser);
      await chooseTeamFolder(browser, ["Ana Reyes", "IOM Thailand"]);
      await assertNoError(browser);
    });
  });

  test("laptop B joins with an empty plan, gets the whole plan, renames the event and syncs", () => {
    execFileSync(cli, ["--db", planB, "plan", "id"]);
    return onLaptop(planB, async (browser) => {
      await chooseTeamFolder(browser);
      const row = await elementWithText(browser, '[data-testid="event-row"]', EVENT);
      await snapshot(browser, "team-folder-b-joined");
      // B gives the name teammates see beside its changes.
      await menu(browser, "menu-file", "menu-identity");
      await giveName(browser, "Ben Okafor", "OHCHR");
      await row.$('[data-testid="event-link"]').click();
      await browser.$('[data-testid="edit-event"]').click();
      await setField(browser, "#edit-title", TITLE_B);
      await browser.$('[data-testid="save-event"]').click();
      await waitForText(browser, '[data-testid="event-title"]', TITLE_B);
      await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      await browser.keys(["Control", "Shift", "s"]);
      await browser.keys(["Control", "Shift"]);
      await waitForText(browser, '[data-testid="team-status"]', "Synced just now");
      await assertNoError(browser);
    });
  });

  test("laptop A, renamed meanwhile, lists the disagreement and keeps B's title", () => {
    const id = JSON.parse(execFileSync(cli, ["--db", planA, "--json", "event", "list", "--search", "Migrant"]))[0].id;
    execFileSync(cli, ["--db", planA, "event", "update", id, "--title", TITLE_A]);
    return onLaptop(planA, async (browser) => {
      await waitForText(browser, '[data-testid="team-status"]', "1 to decide");
      await browser.$('[data-testid="team-status"]').click();
      await browser.$('[data-testid="screen-disagreements"]').waitForDisplayed();
      const item = await waitForText(browser, '[data-testid="disagreement"]', "title");
      assert.ok(item.includes(TITLE_A) && item.includes(TITLE_B), item);
      assert.ok(item.includes("Ben Okafor (OHCHR)"), `B's title is named after B: ${item}`);
      await snapshot(browser, "team-folder-disagreement");
      const keep = await browser.execute((title) => {
        const options = [...document.querySelectorAll('[data-testid="disagreement-option"]')];
        return options.findIndex((o) => o.textContent.includes(title));
      }, TITLE_B);
      assert.ok(keep >= 0);
      await (await browser.$$('[data-testid="keep-option"]'))[keep].click();
      await browser.$('[data-testid="no-disagreements"]').waitForDisplayed();
      await menu(browser, "menu-file", "menu-sync-now");
      await waitForText(browser, '[data-testid="team-status"]', "Synced just now");
      await assertNoError(browser);
    });
  });

  test("laptop B, at its next sync, shows the title decided and nothing to decide", () =>
    onLaptop(planB, async (browser) => {
      await waitForText(browser, '[data-testid="team-status"]', "Synced just now");
      // B reopens where it was, the event, then goes home to the list.
      await waitForText(browser, '[data-testid="event-title"]', TITLE_B);
      await snapshot(browser, "team-folder-b-synced");
      await browser.keys(["Alt", "h"]);
      await elementWithText(browser, '[data-testid="event-row"]', TITLE_B);
      await menu(browser, "menu-view", "menu-disagreements");
      await browser.$('[data-testid="no-disagreements"]').waitForDisplayed();
      await assertNoError(browser);
      await snapshot(browser, "team-folder-b-decided");
    }));

  test("two organisations of one name, one per laptop: A merges its own into B's, which was made first", () => {
    execFileSync(cli, ["--db", planB, "organisation", "create", "--name", "IOM", "--short-name", "IOM"]);
    execFileSync(cli, ["--db", planB, "sync"]);
    execFileSync(cli, ["--db", planA, "organisation", "create", "--name", "iom"]);
    return onLaptop(planA, async (browser) => {
      await waitForText(browser, '[data-testid="team-status"]', "1 to decide");
      await browser.$('[data-testid="team-status"]').click();
      const item = await waitForText(browser, '[data-testid="disagreement"]', "held back");
      assert.ok(item.includes("Another record already has the same name"), item);
      assert.ok(item.includes("Merge into IOM"), item);
      await snapshot(browser, "team-folder-same-name");
      const merge = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="keep-option"]')].findIndex((b) => b.textContent.trim() === "Merge"),
      );
      assert.ok(merge >= 0);
      await (await browser.$$('[data-testid="keep-option"]'))[merge].click();
      await browser.$('[data-testid="no-disagreements"]').waitForDisplayed();
      await assertNoError(browser);
    });
  });

  test("the event put in a different series on each laptop: A chooses between the series by title, nothing to type", () => {
    const event = (plan) =>
      JSON.parse(execFileSync(cli, ["--db", plan, "--json", "event", "list", "--search", TITLE_B]))[0].id;
    execFileSync(cli, ["--db", planB, "sync"]);
    execFileSync(cli, ["--db", planB, "event", "update", event(planB), "--series", "Bali Process"]);
    execFileSync(cli, ["--db", planB, "sync"]);
    execFileSync(cli, ["--db", planA, "event", "update", event(planA), "--series", "MIEUX 2018"]);
    return onLaptop(planA, async (browser) => {
      await waitForText(browser, '[data-testid="team-status"]', "1 to decide");
      await browser.$('[data-testid="team-status"]').click();
      const item = await waitForText(browser, '[data-testid="disagreement"]', "series");
      assert.ok(item.includes("MIEUX 2018") && item.includes("Bali Process"), `the series by title: ${item}`);
      assert.ok(!/[0-9a-f]{8}-[0-9a-f]{4}-/.test(item), `no id shown: ${item}`);
      assert.equal(await browser.$('[data-testid="disagreement-value"]').isExisting(), false, "a link is not typed");
      await snapshot(browser, "team-folder-series");
      const keep = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="disagreement-option"]')].findIndex((o) =>
          o.textContent.includes("Bali Process"),
        ),
      );
      assert.ok(keep >= 0);
      await (await browser.$$('[data-testid="keep-option"]'))[keep].click();
      await browser.$('[data-testid="no-disagreements"]').waitForDisplayed();
      await assertNoError(browser);
    });
  });
});
