import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../../shared/validators/document-numbers';
import { browserSkipped, type ExtensionBrowser, launchWithExtension } from '../support/browser';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const fixture = (rel: string) => readFileSync(path.join(FIXTURES, rel), 'utf8');

const COMMSEASE = 'https://console.commsease.com/';
const INDIVIDUAL_FORM = `${COMMSEASE}#/account/authentication/individual`;
const AUTHENTICATION = `${COMMSEASE}#/account/authentication`;
const TENCENT = 'https://console.tencentcloud.com/';

// Built from the checksum rule: one valid resident ID and one with a wrong check character.
const ID_BODY = '11010519491231002';
const VALID_ID = ID_BODY + residentIdCheckChar(ID_BODY);
const TYPO_ID = ID_BODY + (residentIdCheckChar(ID_BODY) === '5' ? '6' : '5');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).boundingBox();
  if (!found) throw new Error(`${selector} has no box`);
  return found;
}

/** Every file under `dir` (Chromium's profile: LevelDB, session files, caches...). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(full) : stat.isFile() ? [full] : [];
  });
}

describe.skipIf(browserSkipped())('field features in Chromium with the built extension', () => {
  let browser: ExtensionBrowser;
  let served = 'commsease/individual-form.html';
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'vg-fields-'));
  const requests: string[] = [];
  const consoleLines: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension({ userDataDir });
    browser.context.on('request', (request) => {
      requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`);
    });
    for (const origin of [COMMSEASE, TENCENT]) {
      await browser.context.route(`${origin}**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: fixture(served) }),
      );
    }
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  async function open(url: string, file: string): Promise<Page> {
    served = file;
    const page = await browser.context.newPage();
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.goto(url);
    return page;
  }

  it('shows a tip beside each field, on focus and on hover, never covering the field', async () => {
    const page = await open(INDIVIDUAL_FORM, 'commsease/individual-form.html');
    for (const [selector, fieldId] of [
      ['#idType', 'id-type'],
      ['#realName', 'name'],
      ['#idNumber', 'id-number'],
    ] as const) {
      await expect.poll(() => page.locator('veriguide-field-tips').count()).toBe(1);
      await page.focus(selector);
      const tip = page.locator(`[data-testid="vg-hint"][data-field="${fieldId}"]`);
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(overlaps(await box(page, `[data-testid="vg-hint"]`), await box(page, selector))).toBe(
        false,
      );
    }
    // Hover alone shows it too.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.hover('#realName');
    await expect
      .poll(() => page.locator('[data-testid="vg-hint"][data-field="name"]').isVisible())
      .toBe(true);
    // With its tip showing, the field's centre is still the field: the user can click into it.
    const field = await box(page, '#realName');
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, {
      x: field.x + field.width / 2,
      y: field.y + field.height / 2,
    });
    expect(hit).toBe('realName');
    await page.close();
  });

  it.each([
    ['rendered late by the page', 'commsease/individual-form-late.html', '#idNumber'],
    [
      "inside the page's own shadow root",
      'commsease/individual-form-shadow.html',
      'ne-auth-form #idNumber',
    ],
  ])('finds a field %s and tips it', async (_variant, file, selector) => {
    const page = await open(INDIVIDUAL_FORM, file);
    // Playwright's CSS pierces open shadow roots; waiting covers the late form.
    await page.locator(selector).waitFor();
    const tip = page.locator('[data-testid="vg-hint"][data-field="id-number"]');
    // The overlay may rescan a moment after the field arrives: focus until the tip shows.
    await expect
      .poll(async () => {
        await page.locator('body').click({ position: { x: 5, y: 5 } });
        await page.locator(selector).focus();
        return tip.isVisible();
      })
      .toBe(true);
    expect(overlaps(await box(page, '[data-testid="vg-hint"]'), await box(page, selector))).toBe(
      false,
    );
    await page.close();
  });

  it('follows its field when the page scrolls', async () => {
    const page = await open(INDIVIDUAL_FORM, 'commsease/individual-form.html');
    await page.evaluate(() => {
      document.body.style.paddingBottom = '2000px';
    });
    await page.focus('#idNumber');
    const tip = '[data-testid="vg-hint"][data-field="id-number"]';
    await expect.poll(() => page.locator(tip).isVisible()).toBe(true);
    const before = await box(page, tip);
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await box(page, tip)).y).toBeLessThan(before.y - 60);
    expect(overlaps(await box(page, tip), await box(page, '#idNumber'))).toBe(false);
    await page.close();
  });

  it('warns of a likely typo in the ID number, and not for a valid one', async () => {
    const page = await open(INDIVIDUAL_FORM, 'commsease/individual-form.html');
    await page.focus('#idNumber');
    await expect.poll(() => page.locator('[data-testid="vg-hint"]').isVisible()).toBe(true);
    await page.keyboard.type(TYPO_ID);
    await page.keyboard.press('Tab');
    const warning = page.locator('[data-testid="vg-validation"][data-field="id-number"]');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain('Likely typo');
    expect(
      overlaps(await box(page, '[data-testid="vg-validation"]'), await box(page, '#idNumber')),
    ).toBe(false);

    // Correcting the last character removes it while typing.
    await page.focus('#idNumber');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(VALID_ID.slice(-1));
    await expect.poll(() => warning.count()).toBe(0);

    // A fresh, valid entry never gets one.
    await page.fill('#idNumber', '');
    await page.focus('#idNumber');
    await page.keyboard.type(VALID_ID);
    await page.keyboard.press('Tab');
    expect(await page.locator('[data-testid="vg-validation"]').count()).toBe(0);
    // ...while the same blur with a typo does (the check ran on that blur).
    await page.fill('#idNumber', TYPO_ID);
    await page.focus('#idNumber');
    await page.keyboard.press('Tab');
    await expect.poll(() => warning.count()).toBe(1);
    await page.close();
  });

  it('asks before Upgrade; Cancel changes nothing, Continue goes on', async () => {
    const page = await open(AUTHENTICATION, 'commsease/status.html');
    await expect.poll(() => page.locator('veriguide-guard').count()).toBe(1);
    // The page's own handler, in the page's world.
    await page.evaluate(() => {
      const w = window as unknown as { upgrades: number };
      w.upgrades = 0;
      const upgrade = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Upgrade',
      );
      upgrade?.addEventListener('click', () => {
        w.upgrades++;
      });
    });
    const upgrades = () =>
      page.evaluate(() => (window as unknown as { upgrades: number }).upgrades);
    const dialog = page.locator('[data-testid="vg-guard"]');

    await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getAttribute('role')).toBe('alertdialog');
    expect(await dialog.textContent()).toContain('never be changed back to individual');
    expect(await dialog.locator('a').getAttribute('href')).toContain('doc.commsease.com');
    // Focus is in the dialog, on Cancel.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent),
      )
      .toBe('Cancel');
    expect(await upgrades()).toBe(0);

    await page.keyboard.press('Enter'); // Cancel has the focus
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await upgrades()).toBe(0);

    await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
    await page.locator('[data-testid="vg-guard-continue"]').click();
    await expect.poll(() => upgrades()).toBe(1);
    expect(await dialog.count()).toBe(0);
    await page.close();
  });

  it('asks before Organization Verification after the decision helper recommended individual', async () => {
    const page = await open(`${TENCENT}developer/auth`, 'tencentcloud-intl/type-choice.html');
    await page.getByTestId('vg-launcher').click();
    const panel = page.getByTestId('vg-panel');
    await panel.getByLabel('A person').check();
    await expect
      .poll(() => panel.getByTestId('vg-recommended').getAttribute('data-type'))
      .toBe('individual');
    await panel.getByRole('button', { name: 'Use this flow' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);

    const verifyNow = (type: string) => page.locator(`[data-type="${type}"] button`);
    await verifyNow('personal').click();
    expect(await page.locator('[data-testid="vg-guard"]').count()).toBe(0);
    await verifyNow('enterprise').click();
    const dialog = page.locator('[data-testid="vg-guard"]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('the decision helper recommended');
    expect(await dialog.textContent()).toContain('Individual Verification');
    await page.locator('[data-testid="vg-guard-cancel"]').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('lets nothing typed leave the page: no request, console line or stored byte holds it', async () => {
    const page = await open(INDIVIDUAL_FORM, 'commsease/individual-form.html');
    await page.focus('#idNumber');
    await page.keyboard.type(TYPO_ID);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('[data-testid="vg-validation"]').count()).toBe(1);
    await page.fill('#idNumber', VALID_ID);
    await page.focus('#idNumber');
    await page.keyboard.press('Tab');
    await page.close();

    expect(requests.length).toBeGreaterThan(0); // the recorder saw the page loads
    expect(requests.filter((r) => r.includes(ID_BODY))).toEqual([]);
    expect(consoleLines.filter((l) => l.includes(ID_BODY))).toEqual([]);

    // Everything Chromium and the extension wrote to disk: extension storage (LevelDB), the
    // page's storage, caches. Closing the context flushes it.
    await browser.context.close();
    const needles = [Buffer.from(ID_BODY, 'utf8'), Buffer.from(ID_BODY, 'utf16le')];
    const holding = filesUnder(userDataDir).filter((file) => {
      const bytes = readFileSync(file);
      return needles.some((n) => bytes.includes(n));
    });
    expect(holding.map((f) => path.relative(userDataDir, f))).toEqual([]);
  });
});
