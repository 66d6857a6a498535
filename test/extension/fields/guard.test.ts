import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guard } from '../../../extension/content/features/guard';
import { createRecordStore } from '../../../extension/records/local-record-store';
import type { RecordKey } from '../../../extension/records/record-store';
import { getPlaybook } from '../../../shared/playbooks';
import type { EntityType, PageRule, Playbook } from '../../../shared/playbooks/schema';
import { loadFixture, loadHtml, makeContext, shadowOf, type TestContext } from './support';

const commsease = getPlaybook('commsease');
const tencent = getPlaybook('tencentcloud-intl');
const pageOf = (playbook: Playbook, id: string) =>
  playbook.pages.find((p) => p.id === id) as PageRule;

let ctx: TestContext | undefined;
const start = (playbook: Playbook, page: PageRule, locale: 'en' | 'zh' = 'en'): TestContext => {
  ctx = makeContext(playbook, page, locale);
  guard.init(ctx);
  return ctx;
};
const dialog = () => shadowOf('veriguide-guard')?.querySelector('[data-testid="vg-guard"]') ?? null;
const dialogButton = (testId: string) =>
  shadowOf('veriguide-guard')?.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
const button = (text: string, root: ParentNode = document): HTMLButtonElement => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
};
/** A user's click: trusted-looking, bubbling, composed, at a point on the screen. */
const click = (el: Element) =>
  el.dispatchEvent(
    new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, clientX: 40 }),
  );
const saveDecision = async (key: RecordKey, recommended: EntityType) => {
  await createRecordStore().update(key, (r) => ({
    ...r,
    decision: { recommended, flowId: recommended, decidedAt: '2026-11-21T10:00:00.000Z' },
  }));
};

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  ctx?.controller.abort();
  ctx = undefined;
});

describe('guard before CommsEase Upgrade', () => {
  it('holds the click and asks first, stating the rule and linking its source', async () => {
    loadFixture('commsease/status.html');
    const pageHandler = vi.fn();
    button('Upgrade').addEventListener('click', pageHandler);
    start(commsease, pageOf(commsease, 'authentication'));
    click(button('Upgrade'));
    expect(pageHandler).not.toHaveBeenCalled();
    const shown = dialog();
    expect(shown?.getAttribute('role')).toBe('alertdialog');
    expect(shown?.getAttribute('aria-modal')).toBe('true');
    expect(shown?.textContent).toContain('can never be changed back to individual authentication');
    const source = shown?.querySelector('a');
    expect(source?.getAttribute('href')).toBe(
      'https://doc.commsease.com/en/console/concept/TA1MjY1Nzk',
    );
    // Focus moves into the dialog, on the choice that changes nothing.
    await vi.waitFor(() =>
      expect(shadowOf('veriguide-guard')?.activeElement).toBe(dialogButton('vg-guard-cancel')),
    );
  });

  it('Continue replays the click on the page (the user can always go on)', () => {
    loadFixture('commsease/status.html');
    const pageHandler = vi.fn();
    button('Upgrade').addEventListener('click', pageHandler);
    start(commsease, pageOf(commsease, 'authentication'));
    click(button('Upgrade'));
    dialogButton('vg-guard-continue')?.click();
    expect(dialog()).toBeNull();
    expect(pageHandler).toHaveBeenCalledTimes(1);
    expect(pageHandler.mock.calls[0]?.[0].target).toBe(button('Upgrade'));
    expect(pageHandler.mock.calls[0]?.[0].clientX).toBe(40);
    // Confirmed once on this page: a second click goes straight through.
    click(button('Upgrade'));
    expect(dialog()).toBeNull();
    expect(pageHandler).toHaveBeenCalledTimes(2);
  });

  it('Cancel and Escape leave the page as it was', () => {
    loadFixture('commsease/status.html');
    const pageHandler = vi.fn();
    document.body.addEventListener('click', pageHandler);
    start(commsease, pageOf(commsease, 'authentication'));
    click(button('Upgrade'));
    dialogButton('vg-guard-cancel')?.click();
    expect(dialog()).toBeNull();
    click(button('Upgrade'));
    dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialog()).toBeNull();
    // The cancel button's own click happened in our shadow root; the page saw none of the three.
    expect(pageHandler.mock.calls.map(([e]) => (e as MouseEvent).target)).not.toContain(
      button('Upgrade'),
    );
  });

  it('speaks Chinese on the Chinese UI and guards the Chinese trigger', () => {
    loadHtml(`<html><body><h2>实名认证</h2><div class="actions">
      <button type="button">编辑</button><button type="button">升级</button></div></body></html>`);
    start(commsease, pageOf(commsease, 'authentication'), 'zh');
    click(button('升级'));
    expect(dialog()?.textContent).toContain('企业认证不可撤回');
    expect(dialogButton('vg-guard-continue')?.textContent).toBe('继续');
  });

  it('lets other buttons and plain text through', () => {
    loadFixture('commsease/status.html');
    start(commsease, pageOf(commsease, 'authentication'));
    click(button('Edit'));
    expect(dialog()).toBeNull();
    loadFixture('commsease/enterprise-form.html');
    // The "Enterprise Authentication" heading is a trigger's text but not something clickable.
    const heading = document.querySelector('h3');
    expect(heading?.textContent).toBe('Enterprise Authentication');
    if (heading) click(heading);
    expect(dialog()).toBeNull();
  });

  it("guards a trigger inside the page's own shadow root", () => {
    loadHtml('<html><body><ne-actions></ne-actions></body></html>');
    const shadow = document.querySelector('ne-actions')?.attachShadow({ mode: 'open' });
    shadow?.append(Object.assign(document.createElement('button'), { textContent: 'Upgrade' }));
    start(commsease, pageOf(commsease, 'authentication'));
    if (shadow) click(button('Upgrade', shadow));
    expect(dialog()).not.toBeNull();
  });

  it('is gone, with its listener, when the page navigates away', () => {
    loadFixture('commsease/status.html');
    const run = start(commsease, pageOf(commsease, 'authentication'));
    run.controller.abort();
    expect(document.querySelector('veriguide-guard')).toBeNull();
    const pageHandler = vi.fn();
    button('Upgrade').addEventListener('click', pageHandler);
    click(button('Upgrade'));
    expect(pageHandler).toHaveBeenCalledTimes(1);
  });
});

describe('guard on the Tencent Cloud type choice', () => {
  const account: RecordKey = { provider: 'tencentcloud-intl', externalId: '200012345678' };
  const verifyNow = (type: 'personal' | 'enterprise') => {
    const el = document.querySelector(`[data-type="${type}"] button`);
    if (!el) throw new Error('no Verify now');
    return el;
  };

  it('asks before Organization Verification when the decision helper said individual', async () => {
    await saveDecision(account, 'individual');
    loadFixture('tencentcloud-intl/type-choice.html');
    start(tencent, pageOf(tencent, 'identity-verification'));
    // The decision loads from storage; until it has, the guard asks without it.
    await vi.waitFor(() => {
      click(verifyNow('enterprise'));
      const text = dialog()?.textContent ?? '';
      dialogButton('vg-guard-cancel')?.click();
      expect(text).toContain('the decision helper recommended');
    });
    click(verifyNow('enterprise'));
    expect(dialog()?.textContent).toContain('Individual Verification');
    expect(dialog()?.querySelector('a')?.getAttribute('href')).toBe(
      'https://www.tencentcloud.com/document/product/378/3629',
    );
  });

  it('does not ask when the saved decision recommends Organization Verification', async () => {
    await saveDecision(account, 'enterprise');
    loadFixture('tencentcloud-intl/type-choice.html');
    const pageHandler = vi.fn();
    verifyNow('enterprise').addEventListener('click', pageHandler);
    start(tencent, pageOf(tencent, 'identity-verification'));
    // The decision loads from storage; once it has, the click passes untouched.
    await vi.waitFor(() => {
      click(verifyNow('enterprise'));
      dialogButton('vg-guard-cancel')?.click();
      expect(pageHandler).toHaveBeenCalled();
    });
    click(verifyNow('enterprise'));
    expect(dialog()).toBeNull();
    expect(pageHandler).toHaveBeenCalledTimes(2);
  });

  it('never guards choosing Individual Verification', () => {
    loadFixture('tencentcloud-intl/type-choice.html');
    start(tencent, pageOf(tencent, 'identity-verification'));
    click(verifyNow('personal'));
    expect(dialog()).toBeNull();
  });

  it('asks before submitting a change of verification, and Continue submits', () => {
    loadFixture('tencentcloud-intl/change.html');
    const submitted = vi.fn((e: Event) => e.preventDefault());
    document.querySelector('form')?.addEventListener('submit', submitted);
    start(tencent, pageOf(tencent, 'modify-verification'));
    click(button('Submit'));
    expect(submitted).not.toHaveBeenCalled();
    expect(dialog()?.textContent).toContain('30 days');
    dialogButton('vg-guard-continue')?.click();
    expect(submitted).toHaveBeenCalledTimes(1);
  });
});

describe('recognising a trigger in the layouts consoles use', () => {
  it.each([
    [
      'a radio card whose title is the trigger',
      `<label class="card"><input type="radio" name="t"><h4>Upgrade</h4><p>For companies</p></label>
       <label class="card"><input type="radio" name="t"><h4>Stay individual</h4></label>`,
      'h4',
      true,
    ],
    [
      'a span inside the trigger button',
      '<button type="button"><i class="icon"></i><span>Upgrade</span></button>',
      'span',
      true,
    ],
    ['a link styled as a button', '<a href="#upgrade" class="btn">升级</a>', 'a', true],
    [
      'a neighbouring button in the same toolbar',
      '<div><button type="button" id="edit">Edit</button><button type="button">Upgrade</button></div>',
      '#edit',
      false,
    ],
    [
      'a longer label that merely contains the trigger word',
      '<button type="button">Upgrade plan details</button>',
      'button',
      false,
    ],
  ])('%s', (_layout, html, clicked, guarded) => {
    loadHtml(`<html><body><main>${html}</main></body></html>`);
    start(commsease, pageOf(commsease, 'authentication'));
    const target = document.querySelector(clicked);
    if (!target) throw new Error(`no ${clicked}`);
    click(target);
    expect(dialog() !== null).toBe(guarded);
  });
});

describe('guard on the CommsEase type choice', () => {
  const start_ = (card: 'Individual Authentication' | 'Enterprise Authentication') => {
    const heading = [...document.querySelectorAll('h3')].find((h) => h.textContent === card);
    const startButton = heading?.parentElement?.querySelector('button');
    if (!startButton) throw new Error(`no Start for ${card}`);
    return startButton;
  };

  it('asks before Start on Enterprise Authentication (final), not on Individual', () => {
    loadFixture('commsease/type-choice.html');
    start(commsease, pageOf(commsease, 'authentication'));
    click(start_('Individual Authentication'));
    expect(dialog()).toBeNull();
    click(start_('Enterprise Authentication'));
    expect(dialog()?.textContent).toContain('Enterprise authentication is final');
  });
});

describe('the confirmation is keyboard-safe', () => {
  it('keeps Tab inside the dialog', () => {
    loadFixture('commsease/status.html');
    start(commsease, pageOf(commsease, 'authentication'));
    click(button('Upgrade'));
    const shadow = shadowOf('veriguide-guard');
    const link = dialog()?.querySelector('a');
    const continueButton = dialogButton('vg-guard-continue');
    continueButton?.focus();
    expect(shadow?.activeElement).toBe(continueButton);
    dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(shadow?.activeElement).toBe(link);
    dialog()?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }),
    );
    expect(shadow?.activeElement).toBe(continueButton);
  });
});
