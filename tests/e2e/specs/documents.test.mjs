// Exports and imports from the window. The Bangkok dialogue's programme goes out
// as PDF and calendar, its list of participants as Excel and CSV, its badges as
// PDF (then only the confirmed people, as a final list), through the Export dialog (Ctrl+E) and "Save as…"; every file is read
// back with a reader of its own (pdftotext, pdfinfo, plain text). Then a messy
// registration list (semicolons, Windows-1252, a French header, a duplicate
// e-mail) is imported into the Mexico City round-table: the column is mapped by
// hand, the rejected row blocks the import until the file is corrected and
// checked again, and the import lands all at once. The file dialogs answer from
// E2E_DIALOG_DIR (run.sh sets ROUNDTABLE_TEST_DIALOG_DIR for the app).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { assertNoError, launchApp, UI_TIMEOUT, withFailureScreenshot } from "../lib/app.mjs";
import { elementWithText, loadExamples, snapshot, waitForText } from "../lib/forms.mjs";

const dialogDir = process.env.E2E_DIALOG_DIR;

/** A reader's output; its warnings (poppler's about tagged-PDF details) are not the test's. */
function read(command, ...args) {
  return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
}

describe("exports and imports", () => {
  let browser;

  before(async () => {
    assert.ok(dialogDir && fs.existsSync(dialogDir), "run.sh sets E2E_DIALOG_DIR to an existing directory");
    browser = await launchApp();
    await loadExamples(browser);
  });

  after(async () => {
    await browser?.deleteSession();
  });

  async function openEvent(text) {
    const row = await elementWithText(browser, '[data-testid="event-row"]', text);
    await row.$('[data-testid="event-link"]').click();
    await browser.$('[data-testid="event-title"]').waitForDisplayed();
  }

  /** Chooses the document and format in the open Export dialog, saves, and returns the file written. */
  async function exportAs(document, format) {
    await browser.$(`[data-testid="export-document-${document}"]`).click();
    await browser.$(`[data-testid="export-format-${format}"]`).click();
    // An earlier export of the same format would have the same suggested name.
    for (const old of fs.readdirSync(dialogDir).filter((f) => f.endsWith(`.${format}`))) {
      fs.rmSync(path.join(dialogDir, old));
    }
    await browser.$('[data-testid="export-save"]').click();
    const saved = await waitForText(browser, '[data-testid="export-saved"]', "Saved to");
    const written = fs.readdirSync(dialogDir).filter((f) => f.endsWith(`.${format}`));
    assert.equal(written.length, 1, `one new .${format} file in ${dialogDir}: ${written}`);
    assert.ok(saved.includes(written[0]), `the dialog names the file: ${saved}`);
    return path.join(dialogDir, written[0]);
  }

  test("the programme, the list of participants and the badges are saved where the dialog says", () =>
    withFailureScreenshot(browser, "export", async () => {
      await openEvent("Migrant Protection");
      await browser.keys(["Control", "e"]);
      await browser.$('[data-testid="export-dialog"]').waitForDisplayed();
      await snapshot(browser, "export-dialog");

      const pdf = await exportAs("programme", "pdf");
      assert.match(path.basename(pdf), /Programme\.pdf$/);
      const text = read("pdftotext", "-layout", pdf, "-");
      assert.match(text, /Final/, "a held event's programme is final");
      assert.match(text, /Bangkok/);
      const info = read("pdfinfo", pdf);
      assert.match(info, /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/, info);

      const ics = fs.readFileSync(await exportAs("programme", "ics"), "utf8");
      assert.ok(ics.startsWith("BEGIN:VCALENDAR"), ics.slice(0, 80));
      // The 09:00 Bangkok opening on 21 September 2022 is 02:00 UTC.
      assert.match(ics, /DTSTART:20220921T020000Z/);

      await browser.$('[data-testid="export-document-participants"]').click();
      await browser.$('[data-testid="export-format-xlsx"]').click();
      await browser.$('[data-testid="export-sheet-per-delegation"]').click();
      const xlsx = await exportAs("participants", "xlsx");
      assert.equal(fs.readFileSync(xlsx).subarray(0, 2).toString(), "PK", "an XLSX is a zip file");

      const csv = fs.readFileSync(await exportAs("participants", "csv"), "utf8");
      assert.ok(csv.startsWith("\uFEFF"), "the CSV starts with a BOM so Excel reads UTF-8");
      assert.ok(!csv.includes("@"), "no e-mail addresses unless asked for");
      await browser.$('[data-testid="export-contacts"]').click();
      const withContacts = fs.readFileSync(await exportAs("participants", "csv"), "utf8");
      assert.ok(withContacts.includes("@"), "contact details when asked for");
      // The hotel's and the transport's columns.
      await browser.$('[data-testid="export-logistics"]').click();
      const logistics = fs.readFileSync(await exportAs("participants", "csv"), "utf8");
      assert.match(logistics.split("\n")[0], /Arrival,Departure,Nights,Accommodation/);
      await browser.$('[data-testid="export-logistics"]').click();
      // Confirmed people only: the list says so under its title, and that it is final.
      await chooseByKeyboard('[data-testid="export-statuses"]', "Confirmed only");
      await snapshot(browser, "export-participants-options");
      const confirmed = read("pdftotext", await exportAs("participants", "pdf"), "-");
      assert.match(confirmed, /FINAL LIST OF PARTICIPANTS/);
      assert.match(confirmed, /Confirmed participants only/);

      const badges = await exportAs("badges", "pdf");
      assert.match(read("pdfinfo", badges), /Pages:\s+[1-9]/);
      await snapshot(browser, "export-saved");

      await browser.keys(["Escape"]);
      await browser.$('[data-testid="export-dialog"]').waitForDisplayed({ reverse: true });
      await assertNoError(browser);
    }));

  /**
   * Chooses `label` in a select the way a keyboard user does: focus it, type the
   * start of the option (its type-ahead). WebKitWebDriver's option click sets the
   * value inside a modal dialog without firing "change"; typing does fire it. A
   * key can miss WebKit's type-ahead window on a loaded machine, so type again.
   */
  async function chooseByKeyboard(selector, label) {
    const selected = () => browser.execute((sel) => document.querySelector(sel)?.selectedOptions[0]?.textContent.trim(), selector);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await browser.execute((sel) => document.querySelector(sel).focus(), selector);
      await browser.keys([...label]);
      const chosen = await browser.waitUntil(async () => (await selected()) === label, { timeout: 1_500 }).catch(() => false);
      if (chosen) return;
      await browser.pause(1_000);
    }
    assert.fail(`typing "${label}" in ${selector} chose "${await selected()}"`);
  }

  const HEADER = "Title;First name;Nom de famille;Country;Position;E-mail\n";
  const GOOD_ROWS = [
    "Ms;Thérèse;Dupré;Cambodia;Director;therese.dupre@example.org",
    "Mr;Sok;Chanthy;KH;Deputy Director;sok.chanthy@example.org",
    "Dr;Ana;García;Mexico;Adviser;ana.garcia@example.org",
  ];
  const DUPLICATE = "Ms;Lina;Duplicada;Mexico;Officer;ANA.GARCIA@example.org";

  /** Writes the registration list as a Windows spreadsheet would: semicolons, Windows-1252, CRLF. */
  function writeList(rows) {
    const file = path.join(dialogDir, "registrations.csv");
    fs.writeFileSync(file, Buffer.from(HEADER + rows.join("\r\n") + "\r\n", "latin1"));
    return file;
  }

  /** Imports the checked file (three new people), closes the wizard and waits for the three rows. */
  async function importThree(before) {
    await browser.$('[data-testid="import-commit"]').waitForEnabled({ timeout: UI_TIMEOUT });
    await browser.$('[data-testid="import-commit"]').click();
    await waitForText(browser, '[data-testid="import-done"]', "3 new participants");
    await browser.$('[data-testid="import-close"]').click();
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="participant-row"]')).length === before + 3,
      { timeout: UI_TIMEOUT, timeoutMsg: "the three imported participants are not listed" },
    );
  }

  test("a messy registration list is mapped, corrected, checked again and imported all at once", () =>
    withFailureScreenshot(browser, "import", async () => {
      await browser.$("a.back").click();
      await openEvent("Mexico City");
      await browser.$('[data-testid="tab-participants"]').click();
      await browser.$('[data-testid="open-import"]').waitForClickable();
      const before = (await browser.$$('[data-testid="participant-row"]')).length;

      writeList([...GOOD_ROWS, DUPLICATE]);
      await browser.$('[data-testid="open-import"]').click();
      await browser.$('[data-testid="import-wizard"]').waitForDisplayed();
      await browser.$('[data-testid="import-choose"]').click();

      // "Nom de famille" is not recognised: the family name column is chosen by hand.
      await waitForText(browser, '[data-testid="import-problem"]', "family name");
      const mapping = await waitForText(browser, '[data-testid="import-mapping"]', "Nom de famille");
      assert.ok(mapping.includes("Dupré"), `the sample is read as Windows-1252: ${mapping}`);
      await chooseByKeyboard('[data-testid="import-map-2"]', "Family name");

      const counts = await waitForText(browser, '[data-testid="import-counts"]', "1 rejected row");
      assert.ok(counts.includes("3 new participants"), counts);
      await waitForText(browser, '[data-testid="import-new-delegations"]', "Cambodia");
      await browser.$('[data-testid="import-show-reject"]').click();
      const rejected = await waitForText(browser, '[data-testid="import-rows"]', "Duplicada");
      assert.match(rejected, /line 4/, `the duplicate e-mail names Ana García's line: ${rejected}`);
      assert.equal(await browser.$('[data-testid="import-commit"]').isEnabled(), false, "rejected rows block the import");
      await snapshot(browser, "import-preview");

      // The organiser fixes the file and checks it again; the mapping is kept.
      writeList(GOOD_ROWS);
      await browser.$('[data-testid="import-recheck"]').click();
      await waitForText(browser, '[data-testid="import-counts"]', "0 rejected rows");
      await importThree(before);
      const names = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="participant-row"]')].map((r) => r.textContent),
      );
      assert.ok(names.some((t) => t.includes("Thérèse Dupré") && t.includes("Cambodia")), names.join("\n"));
      assert.ok(names.some((t) => t.includes("Sok Chanthy") && t.includes("Cambodia")), "KH is Cambodia");
      await waitForText(browser, '[data-testid="notice"]', "Imported 3 new participants.");

      // The same file again updates the three people instead of adding them twice.
      await browser.$('[data-testid="open-import"]').click();
      await browser.$('[data-testid="import-choose"]').click();
      await waitForText(browser, '[data-testid="import-problem"]', "family name");
      await chooseByKeyboard('[data-testid="import-map-2"]', "Family name");
      await waitForText(browser, '[data-testid="import-counts"]', "3 updates");
      await snapshot(browser, "import-again");
      await browser.keys(["Escape"]);
      assert.equal((await browser.$$('[data-testid="participant-row"]')).length, before + 3);
      await assertNoError(browser);
    }));

  test("an answer the plan does not read is chosen once for every row that carries it", () =>
    withFailureScreenshot(browser, "import-values", async () => {
      const before = (await browser.$$('[data-testid="participant-row"]')).length;
      const file = path.join(dialogDir, "registrations.csv");
      const rows = ["Peralta;Ana;República Dominicana;Aprobado", "Ortega;Luis;México;aprobado", "Lima;June;Brasil;Pending"];
      fs.writeFileSync(file, ["Family name;Given name;Country;Registration state", ...rows].join("\r\n") + "\r\n");
      await browser.$('[data-testid="open-import"]').click();
      await browser.$('[data-testid="import-wizard"]').waitForDisplayed();
      await browser.$('[data-testid="import-choose"]').click();

      const table = await waitForText(browser, '[data-testid="import-values"]', "Aprobado");
      assert.match(table, /lines 2, 3/, `one entry for both spellings: ${table}`);
      await waitForText(browser, '[data-testid="import-counts"]', "2 rejected rows");
      // A word the plan reads shows its reading, which the person could change.
      const pending = await browser.execute(() => document.querySelector('[data-testid="import-value-3-Pending"]')?.value);
      assert.equal(pending, "nominated", "Pending is read as nominated");
      await snapshot(browser, "import-values-asked");
      // Chosen from the keyboard (type-ahead); the row then moves to the chosen ones.
      await browser.execute((sel) => document.querySelector(sel).focus(), '[data-testid="import-value-3-Aprobado"]');
      await browser.keys([..."confirmed"]);
      await waitForText(browser, '[data-testid="import-counts"]', "0 rejected rows");
      await waitForText(browser, '[data-testid="import-value-chosen"]', "confirmed");
      await snapshot(browser, "import-values");
      await importThree(before);
      await assertNoError(browser);
    }));
});
