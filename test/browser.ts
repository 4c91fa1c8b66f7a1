/**
 * A real browser for the tests: the system's Chromium (Debian's `chromium` package, installed by
 * .ci/run), driven by puppeteer-core, which downloads no browser. One launch per test file. The
 * flags keep it from reaching the network on its own (updates, sync, field trials) and from
 * touching a user profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Where the browser is: INCENTIVE_LINT_CHROMIUM, else Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.INCENTIVE_LINT_CHROMIUM ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium, as .ci/run does) or set INCENTIVE_LINT_CHROMIUM to its path`,
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'incentive-lint-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
