import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { EXTENSION_DIR } from '../../support/browser';

export interface TeamBrowser {
  context: BrowserContext;
  extensionId: string;
  page(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Copies the build (made by the e2e global setup). Another `wxt build` on the same checkout
 * empties the folder while it runs: a copy missing its manifest or background is made again.
 */
function copyBuild(to: string): void {
  for (let attempt = 0; ; attempt++) {
    rmSync(to, { recursive: true, force: true });
    try {
      cpSync(EXTENSION_DIR, to, { recursive: true });
      if (
        existsSync(path.join(to, 'manifest.json')) &&
        existsSync(path.join(to, 'background.js'))
      ) {
        return;
      }
    } catch (err) {
      if (attempt >= 50) throw err;
    }
    if (attempt >= 50) throw new Error(`No complete extension build in ${EXTENSION_DIR}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

/**
 * Chromium with the built extension, in a fresh profile. The one difference from the release
 * build: the local API's origin is granted up front in the copy's manifest. The options page
 * still asks for it with permissions.request (which resolves at once for a granted origin),
 * but headless Chromium has no way to click "Allow" in the browser's own permission prompt.
 */
export async function launchTeamBrowser(apiOrigin: string): Promise<TeamBrowser> {
  const root = mkdtempSync(path.join(tmpdir(), 'vg-team-'));
  const extDir = path.join(root, 'extension');
  copyBuild(extDir);
  const manifestPath = path.join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = [`${new URL(apiOrigin).origin}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));

  const context = await chromium.launchPersistentContext(path.join(root, 'profile'), {
    executablePath: inject('chromiumPath'),
    headless: true,
    locale: 'en-US',
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async page(p: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}${p}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Answers a provider console with a fixture page whose account id is the one in the URL's
 * `acct` query (the fixture's own id is replaced), so each test works on its own account.
 */
export async function serveAccountPages(
  context: BrowserContext,
  urlGlob: string,
  fixtureHtml: string,
  fixtureAccountId: string,
): Promise<void> {
  await context.route(urlGlob, (route) => {
    if (route.request().resourceType() !== 'document') {
      return route.fulfill({ status: 404, body: '' });
    }
    const acct = new URL(route.request().url()).searchParams.get('acct') ?? fixtureAccountId;
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: fixtureHtml.replaceAll(fixtureAccountId, acct),
    });
  });
}
