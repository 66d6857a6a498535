import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { documentCheck } from '../../../extension/content/features/document-check';
import { fieldTips } from '../../../extension/content/features/field-tips';
import { guard } from '../../../extension/content/features/guard';
import { getPlaybook } from '../../../shared/playbooks';
import type { PageRule, Playbook } from '../../../shared/playbooks/schema';
import { residentIdCheckChar, usccCheckChar } from '../../../shared/validators/document-numbers';
import { loadFixture, makeContext, shadowOf, type TestContext } from './support';

const commsease = getPlaybook('commsease');
const tencent = getPlaybook('tencentcloud-intl');
const pageOf = (playbook: Playbook, id: string) =>
  playbook.pages.find((p) => p.id === id) as PageRule;

// Built from the checksum rules, so they are valid whatever today is.
const ID_BODY = '11010519491231002';
const VALID_ID = ID_BODY + residentIdCheckChar(ID_BODY);
const TYPO_ID = ID_BODY + (residentIdCheckChar(ID_BODY) === '5' ? '6' : '5');
const USCC_BODY = '91350100M000100Y4';
const VALID_USCC = USCC_BODY + usccCheckChar(USCC_BODY);
const TYPO_USCC = USCC_BODY + (usccCheckChar(USCC_BODY) === '1' ? '2' : '1');

let ctx: TestContext | undefined;
const start = (playbook: Playbook, page: PageRule, locale: 'en' | 'zh' = 'en'): TestContext => {
  ctx = makeContext(playbook, page, locale);
  documentCheck.init(ctx);
  return ctx;
};
const warnings = () => [
  ...(shadowOf('veriguide-document-check')?.querySelectorAll('[data-testid="vg-validation"]') ??
    []),
];
const input = (id: string): HTMLInputElement => {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLInputElement)) throw new Error(`fixture has no input #${id}`);
  return el;
};
/** What the user does: focus, type, leave the field. */
const typeAndLeave = (el: HTMLInputElement, value: string) => {
  el.focus();
  el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  el.dispatchEvent(new FocusEvent('blur'));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
};
const typeMore = (el: HTMLInputElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true }));
};
const choose = (select: string, optionText: string) => {
  const el = document.getElementById(select);
  if (!(el instanceof HTMLSelectElement)) throw new Error(`fixture has no select #${select}`);
  const option = [...el.options].find((o) => o.text === optionText);
  if (!option) throw new Error(`no option ${optionText}`);
  el.value = option.value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  ctx?.controller.abort();
  ctx = undefined;
  vi.restoreAllMocks();
});

describe('document-number check (CommsEase individual form)', () => {
  it('warns of a likely typo when the ID card number fails its checksum', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    typeAndLeave(input('idNumber'), TYPO_ID);
    expect(warnings()).toHaveLength(1);
    const warning = warnings()[0];
    expect(warning?.getAttribute('data-field')).toBe('id-number');
    expect(warning?.getAttribute('data-reason')).toBe('checksum');
    expect(warning?.getAttribute('role')).toBe('alert');
    expect(warning?.textContent).toContain('Likely typo');
    expect(warning?.textContent).toContain('The last character does not match the others');
    expect(warning?.textContent).toContain('ID card');
  });

  it('says nothing about a valid number', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    typeAndLeave(input('idNumber'), VALID_ID);
    expect(warnings()).toHaveLength(0);
  });

  it('removes the warning as soon as the number is corrected', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    typeAndLeave(input('idNumber'), TYPO_ID);
    expect(warnings()).toHaveLength(1);
    typeMore(input('idNumber'), VALID_ID.slice(0, 17));
    expect(warnings()[0]?.getAttribute('data-reason')).toBe('length');
    typeMore(input('idNumber'), VALID_ID);
    expect(warnings()).toHaveLength(0);
  });

  it('does not check while the user is still typing the first time', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    input('idNumber').focus();
    typeMore(input('idNumber'), '1101');
    expect(warnings()).toHaveLength(0);
  });

  it('follows the ID type selected on the page', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    choose('idType', 'Mainland Travel Permit for Hong Kong and Macao Residents');
    typeAndLeave(input('idNumber'), 'H12345678');
    expect(warnings()).toHaveLength(0);
    typeAndLeave(input('idNumber'), 'X12345678');
    expect(warnings()[0]?.getAttribute('data-reason')).toBe('prefix');
    // Switching to Passport re-checks the flagged number under the passport rules.
    choose('idType', 'Passport');
    expect(warnings()).toHaveLength(0);
  });

  it('reads the Chinese option text on a Chinese page and answers in Chinese', () => {
    loadFixture('commsease/individual-form-zh.html');
    start(commsease, pageOf(commsease, 'individual-form'), 'zh');
    choose('idType', '身份证');
    typeAndLeave(input('idNumber'), TYPO_ID);
    expect(warnings()[0]?.textContent).toContain('可能输错了');
    expect(warnings()[0]?.textContent).toContain('身份证');
  });

  it("checks a field inside the page's own shadow root", () => {
    loadFixture('commsease/individual-form-shadow.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    const el = document.querySelector('ne-auth-form')?.shadowRoot?.getElementById('idNumber');
    if (!(el instanceof HTMLInputElement)) throw new Error('no shadow field');
    typeAndLeave(el, TYPO_ID);
    expect(warnings()[0]?.getAttribute('data-field')).toBe('id-number');
  });

  it('also checks when the value is committed with Enter (change) without leaving the field', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    input('idNumber').focus();
    typeMore(input('idNumber'), TYPO_ID);
    input('idNumber').dispatchEvent(new Event('change', { bubbles: true }));
    expect(warnings()[0]?.getAttribute('data-reason')).toBe('checksum');
  });

  it('leaves an empty field alone', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    typeAndLeave(input('idNumber'), '   ');
    expect(warnings()).toHaveLength(0);
  });
});

describe('document-number check (other forms)', () => {
  it('checks the Unified Social Credit Code on the enterprise form (fixed format)', () => {
    loadFixture('commsease/enterprise-form.html');
    start(commsease, pageOf(commsease, 'enterprise-form'));
    typeAndLeave(input('creditCode'), TYPO_USCC);
    expect(warnings()[0]?.getAttribute('data-field')).toBe('uscc');
    typeMore(input('creditCode'), VALID_USCC);
    expect(warnings()).toHaveLength(0);
  });

  it("says nothing for a document whose number has no known format (Tencent driver's license)", () => {
    loadFixture('tencentcloud-intl/individual-form.html');
    start(tencent, pageOf(tencent, 'individual-form'));
    choose('doc-type', "Driver's License");
    typeAndLeave(input('doc-no'), '!!');
    expect(warnings()).toHaveLength(0);
    // The same value under Passport is checked.
    choose('doc-type', 'Passport');
    typeAndLeave(input('doc-no'), '!!');
    expect(warnings()).toHaveLength(1);
  });
});

describe('the typed value never leaves the page', () => {
  it('is not stored, messaged, logged, sent, or shown back', async () => {
    const spies = {
      localSet: vi.spyOn(fakeBrowser.storage.local, 'set'),
      syncSet: vi.spyOn(fakeBrowser.storage.sync, 'set'),
      sessionSet: vi.spyOn(fakeBrowser.storage.session, 'set'),
      message: vi.spyOn(fakeBrowser.runtime, 'sendMessage'),
      log: vi.spyOn(console, 'log').mockImplementation(() => {}),
      info: vi.spyOn(console, 'info').mockImplementation(() => {}),
      warn: vi.spyOn(console, 'warn').mockImplementation(() => {}),
      error: vi.spyOn(console, 'error').mockImplementation(() => {}),
      debug: vi.spyOn(console, 'debug').mockImplementation(() => {}),
      fetch: vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('')),
      xhr: vi.spyOn(XMLHttpRequest.prototype, 'open'),
      pageStorage: vi.spyOn(Storage.prototype, 'setItem'),
    };
    loadFixture('commsease/individual-form.html');
    // All three field features together, as on the real page.
    const run = makeContext(commsease, pageOf(commsease, 'individual-form'));
    ctx = run;
    fieldTips.init(run);
    documentCheck.init(run);
    guard.init(run);
    typeAndLeave(input('idNumber'), TYPO_ID);
    // The validator did see the number: it flagged it.
    expect(warnings()).toHaveLength(1);
    typeMore(input('idNumber'), VALID_ID);
    typeAndLeave(input('idNumber'), VALID_ID);
    expect(warnings()).toHaveLength(0);
    // Let any asynchronous write a feature might attempt settle before looking.
    await new Promise((resolve) => setTimeout(resolve, 0));

    for (const [name, spy] of Object.entries(spies)) {
      const args = JSON.stringify(spy.mock.calls);
      expect(args.includes(ID_BODY), `${name} was given the number`).toBe(false);
    }
    expect(spies.message).not.toHaveBeenCalled();
    expect(spies.fetch).not.toHaveBeenCalled();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(ID_BODY);
    const hosts = [...document.querySelectorAll('*')].filter((el) =>
      el.localName.startsWith('veriguide-'),
    );
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(host.shadowRoot?.innerHTML ?? '').not.toContain(ID_BODY);
  });

  it('does not echo a flagged number in the warning', () => {
    loadFixture('commsease/individual-form.html');
    start(commsease, pageOf(commsease, 'individual-form'));
    typeAndLeave(input('idNumber'), TYPO_ID);
    expect(warnings()).toHaveLength(1);
    expect(shadowOf('veriguide-document-check')?.innerHTML).not.toContain(ID_BODY);
  });
});
