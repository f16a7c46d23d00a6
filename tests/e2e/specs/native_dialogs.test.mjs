// The desktop's own file dialogs, as a person meets them: "Save as…" opens GTK's
// file chooser over the window with the suggested name and the format's filter;
// a path typed there receives the export; Escape cancels and nothing happens.
// "Choose file…" in the import wizard opens the chooser too, in the directory
// used last, and the file picked there is previewed. xdotool types into the chooser (WebDriver cannot reach it).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, waitForText } from "../lib/forms.mjs";

const dir = process.env.E2E_DIALOG_DIR;

/** Clicks without waiting on WebDriver: the click opens a modal native dialog, which WebKitWebDriver may wait out. */
async function clickOpeningDialog(browser, selector) {
  await browser.$(selector).waitForClickable();
  await browser.execute((sel) => setTimeout(() => document.querySelector(sel).click(), 50), selector);
}

function xdotool(...args) {
  return execFileSync("xdotool", args, { encoding: "utf8", timeout: 30_000 }).trim();
}

/** Waits for GTK's chooser titled `title` to be shown and focused; returns its X window id. */
function chooser(title) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    let id = "";
    try {
      id = xdotool("search", "--onlyvisible", "--name", `^${title}$`).split("\n")[0];
      // Viewable is not yet focusable: focus can be refused for a moment.
      xdotool("windowfocus", "--sync", id);
      return id;
    } catch {
      execFileSync("sleep", ["0.2"]);
    }
  }
  execFileSync("/usr/bin/import", ["-window", "root", path.join(process.env.E2E_ARTIFACTS, `native-no-${title}.png`)]);
  throw new Error(`no file chooser titled "${title}" appeared`);
}

function stillShown(title) {
  try {
    return xdotool("search", "--onlyvisible", "--name", `^${title}$`) !== "";
  } catch {
    return false; // xdotool exits 1 when nothing matches
  }
}

/**
 * Types `file` as the chooser's location and confirms it with Enter. The first
 * Enter can go to the location bar's completion instead, so it is pressed again
 * while the chooser is still shown.
 */
function typeLocation(title, keysBefore, file) {
  const id = chooser(title);
  xdotool("key", "--window", id, keysBefore);
  xdotool("type", "--window", id, "--delay", "15", file);
  for (let attempt = 0; attempt < 5 && stillShown(title); attempt += 1) {
    execFileSync("sleep", ["0.3"]);
    xdotool("key", "--window", id, "Return");
    execFileSync("sleep", ["0.7"]);
  }
  assert.equal(stillShown(title), false, `the "${title}" chooser took ${file}`);
}

describe("the desktop's file dialogs", () => {
  let browser;

  before(async () => {
    browser = await launchApp();
    await loadExamples(browser);
    const row = await elementWithText(browser, '[data-testid="event-row"]', "Migrant Protection");
    await row.$('[data-testid="event-link"]').click();
    await browser.$('[data-testid="event-title"]').waitForDisplayed();
  });

  after(async () => {
    await browser?.deleteSession();
  });

  test("Save as shows the suggested name; the typed path gets the file; Escape cancels", () =>
    withFailureScreenshot(browser, "native-save", async () => {
      await browser.$('[data-testid="open-export"]').click();
      await browser.$('[data-testid="export-dialog"]').waitForDisplayed();
      await browser.$('[data-testid="export-format-html"]').click();

      await clickOpeningDialog(browser, '[data-testid="export-save"]');
      const id = chooser("Save as");
      execFileSync("/usr/bin/import", ["-window", "root", path.join(process.env.E2E_ARTIFACTS, "native-save-dialog.png")]);
      xdotool("key", "--window", id, "Escape");
      await browser.$('[data-testid="export-save"]').waitForEnabled();
      assert.equal(await browser.$('[data-testid="export-saved"]').isExisting(), false, "cancelled: nothing saved");
      await assertNoError(browser);

      await clickOpeningDialog(browser, '[data-testid="export-save"]');
      const file = path.join(dir, "Programme for the web.html");
      typeLocation("Save as", "ctrl+a", file);
      await waitForText(browser, '[data-testid="export-saved"]', file);
      assert.match(fs.readFileSync(file, "utf8"), /High-level Regional Dialogue on Migrant Protection/);
      await browser.keys(["Escape"]);
    }));

  test("Choose file opens the chooser and the picked list is previewed", () =>
    withFailureScreenshot(browser, "native-open", async () => {
      const list = path.join(dir, "late registrations.csv");
      fs.writeFileSync(list, "Surname,Given name,Country,Email\nSok,Chanthy,Cambodia,sok.chanthy@example.org\n");
      await browser.$('[data-testid="tab-participants"]').click();
      await browser.$('[data-testid="open-import"]').click();
      await clickOpeningDialog(browser, '[data-testid="import-choose"]');
      // The chooser opens where the last file went (the export above): the name alone finds the list.
      typeLocation("Import participants", "ctrl+l", path.basename(list));
      const counts = await waitForText(browser, '[data-testid="import-counts"]', "1 new participant");
      assert.match(counts, /0 rejected rows/);
      await waitForText(browser, '[data-testid="import-new-delegations"]', "Cambodia");
      await browser.keys(["Escape"]);
      await assertNoError(browser);
    }));
});
