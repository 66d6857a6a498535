// The Chromium the bench drives, and how it is started (the same flags as the browser tests in
// test/e2e/support/browser.ts: headless, no network this machine does not have).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** CHROME_PATH when set, else the usual Debian/Ubuntu locations; throws with the fix if none. */
export function chromiumPath() {
  const fromEnv = process.env.CHROME_PATH;
  const found = fromEnv ? (existsSync(fromEnv) ? fromEnv : undefined) : CANDIDATES.find(existsSync);
  if (!found) {
    throw new Error(
      'The extension bench needs Chromium: `apt-get install chromium`, or set CHROME_PATH.',
    );
  }
  return found;
}

/**
 * A fresh-profile headless Chromium, with the unpacked extension at `extensionDir` loaded, or
 * none at all (the baseline) when `extensionDir` is null.
 */
export async function launch(extensionDir) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'vg-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : ['--disable-extensions']),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
