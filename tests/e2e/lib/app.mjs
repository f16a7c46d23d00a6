// Helpers shared by the end-to-end specs: launch the app through tauri-driver,
// wait for things, and save screenshots.
//
// The specs are run by ../run.sh, which starts Xvfb (when there is no DISPLAY)
// and one tauri-driver per spec file with a fresh ROUNDTABLE_DB in its
// environment; the app inherits that environment from tauri-driver.

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { remote } from "webdriverio";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../..");
export const artifactsDir = process.env.E2E_ARTIFACTS
  ? path.resolve(process.env.E2E_ARTIFACTS)
  : path.resolve(here, "../artifacts");

/** Absolute path of the app binary: $APP, else target/debug/roundtable-planner. */
export function appPath() {
  const app = process.env.APP
    ? path.resolve(process.env.APP)
    : path.join(repoRoot, "target/debug/roundtable-planner");
  if (!existsSync(app)) {
    throw new Error(`App binary not found at ${app}; build it (cargo build -p roundtable-planner) or set APP.`);
  }
  return app;
}

/** Timeout (ms) for waits on the UI; generous because CI machines are small. */
/** The `roundtable` CLI a spec runs as another program on the window's plan (`cargo build -p roundtable-cli`). */
export const roundtableCli =
  process.env.ROUNDTABLE_CLI ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, "target"), "debug/roundtable");

export const UI_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

/**
 * Starts the app (a new WebDriver session through tauri-driver) and waits for the
 * page to have loaded. Close it with `browser.deleteSession()`.
 */
export async function launchApp({ args = [] } = {}) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(process.env.TAURI_DRIVER_PORT ?? 4444),
    path: "/",
    logLevel: process.env.E2E_LOG_LEVEL ?? "warn",
    connectionRetryTimeout: 120_000,
    connectionRetryCount: 1,
    waitforTimeout: UI_TIMEOUT,
    capabilities: {
      // No browserName: WebKitWebDriver matches the browser it launches itself.
      "tauri:options": { application: appPath(), args },
      // tauri-driver/WebKitWebDriver speak classic WebDriver; no BiDi session.
      "wdio:enforceWebDriverClassic": true,
    },
  });
  await browser.waitUntil(
    async () => (await browser.execute(() => document.readyState)) === "complete",
    { timeout: UI_TIMEOUT, timeoutMsg: "the app's page did not finish loading" },
  );
  return browser;
}

/** Visible text of every element matching `selector`. */
export async function textsOf(browser, selector) {
  const texts = [];
  for (const element of await browser.$$(selector)) {
    texts.push(await element.getText());
  }
  return texts;
}

const execFileAsync = promisify(execFile);

/**
 * Saves a PNG of the app to artifacts/NAME.png and returns its path.
 * By default the WebDriver screenshot of the webview; with E2E_SCREENSHOT=import
 * (or when WebDriver cannot take one) the whole X screen via ImageMagick's
 * `/usr/bin/import -window root`.
 */
export async function saveScreenshot(browser, name) {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  if (process.env.E2E_SCREENSHOT !== "import") {
    try {
      const base64 = await browser.takeScreenshot();
      await writeFile(file, Buffer.from(base64, "base64"));
      return file;
    } catch (error) {
      console.warn(`WebDriver screenshot failed (${error.message}); trying import -window root`);
    }
  }
  await execFileAsync("/usr/bin/import", ["-window", "root", file]);
  return file;
}

/**
 * Runs `fn`; when it throws, saves artifacts/NAME-failure.png first, so a failed
 * run shows what the window looked like.
 */
export async function withFailureScreenshot(browser, name, fn) {
  try {
    return await fn();
  } catch (error) {
    await saveScreenshot(browser, `${name}-failure`).catch(() => {});
    throw error;
  }
}

/** Fails when the UI's alert region shows an error. */
export async function assertNoError(browser) {
  const alert = await browser.$('[data-testid="error"]');
  if (await alert.isDisplayed()) {
    throw new Error(`the app shows an error: ${await alert.getText()}`);
  }
}
