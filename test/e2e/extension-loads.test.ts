import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipped, type ExtensionBrowser, launchWithExtension } from './support/browser';

describe.skipIf(browserSkipped())('built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('injects its overlay host into a provider page', async () => {
    await browser.context.route('https://console.commsease.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><body><h1>Real-Name Authentication</h1></body></html>',
      }),
    );
    const page = await browser.context.newPage();
    await page.goto('https://console.commsease.com/');
    await expect.poll(() => page.locator('veriguide-overlay').count()).toBe(1);
  });
});
