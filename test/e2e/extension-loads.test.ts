import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_SCRIPTS } from '../../extension/content/console-scripts';
import { browserSkipped, type ExtensionBrowser, launchWithExtension } from './support/browser';
import { serveFixture } from './support/fixtures';

const COMMSEASE = 'https://console.commsease.com';

describe.skipIf(browserSkipped())('built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('injects its overlay host into a provider page', async () => {
    await browser.context.route(`${COMMSEASE}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><body><h1>Real-Name Authentication</h1></body></html>',
      }),
    );
    const page = await browser.context.newPage();
    await page.goto(`${COMMSEASE}/`);
    await expect.poll(() => page.locator('veriguide-overlay').count()).toBe(1);
    await browser.context.unrouteAll();
  });

  it("starts the provider's module only after the page's load event, from a loader injected at document_start", async () => {
    await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/individual-form.html');
    const page = await browser.context.newPage();
    await page.goto(`${COMMSEASE}/#/account/authentication/individual`);
    await expect.poll(() => page.getByTestId('vg-launcher').isVisible()).toBe(true);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        domContentLoaded: nav.domContentLoadedEventStart,
        loadEnd: nav.loadEventEnd,
        loader: mark('veriguide:start'),
        importStart: mark('veriguide:import'),
        moduleStart: mark('veriguide:module-start'),
        painted: mark('veriguide:painted'),
      };
    });
    // Order, not speed (speed is the bench's): the loader ran before the page was parsed, and
    // nothing else of ours ran until the page's load event had ended.
    expect(t.loader).not.toBeNull();
    expect(t.loader ?? Number.POSITIVE_INFINITY).toBeLessThan(t.domContentLoaded);
    expect(t.importStart ?? 0).toBeGreaterThanOrEqual(t.loadEnd);
    expect(t.moduleStart ?? 0).toBeGreaterThanOrEqual(t.importStart ?? Number.POSITIVE_INFINITY);
    expect(t.painted ?? 0).toBeGreaterThanOrEqual(t.moduleStart ?? Number.POSITIVE_INFINITY);
    await browser.context.unrouteAll();
  });

  it("does not let a page find the extension's files at a fixed chrome-extension:// URL", async () => {
    await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/individual-form.html');
    const worker =
      browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await browser.context.newPage();
    await page.goto(`${COMMSEASE}/#/account/authentication/individual`);
    // The module arrived through runtime.getURL's per-session URL: the overlay is there.
    await expect.poll(() => page.getByTestId('vg-launcher').isVisible()).toBe(true);
    const commsease = CONSOLE_SCRIPTS.find((s) => s.provider === 'commsease');
    for (const file of [commsease?.module, 'overlay-ui.js']) {
      const probe = await page.evaluate(
        (url) =>
          fetch(url).then(
            () => 'loaded',
            () => 'refused',
          ),
        `chrome-extension://${id}/${file}`,
      );
      expect(probe, file).toBe('refused');
    }
    await browser.context.unrouteAll();
  });
});
