import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { documentCheck } from '../../../extension/content/features/document-check';
import { fieldTips } from '../../../extension/content/features/field-tips';
import { guard } from '../../../extension/content/features/guard';
import { overlayUi } from '../../../extension/content/ui';
import type { OverlayUi } from '../../../extension/content/ui/api';
import { createUiLoader, type UiLoader } from '../../../extension/content/ui-loader';
import { emptyRecord } from '../../../extension/records/local-record-store';
import type {
  AccountRecord,
  RecordKey,
  RecordStore,
} from '../../../extension/records/record-store';
import { getPlaybook } from '../../../shared/playbooks';
import type { PageRule, Playbook } from '../../../shared/playbooks/schema';
import { residentIdCheckChar } from '../../../shared/validators/document-numbers';
import { openOverlay } from '../support/overlay';
import { loadFixture, makeContext, shadowOf, type TestContext } from './support';

const commsease = getPlaybook('commsease');
const tencent = getPlaybook('tencentcloud-intl');
const pageOf = (playbook: Playbook, id: string) =>
  playbook.pages.find((p) => p.id === id) as PageRule;

/**
 * The UI chunk as the content script sees it on a real page: not there until it is asked for,
 * then arriving when the test says (`arrive`) or failing (`fail`).
 */
function chunkOnDemand() {
  let imports = 0;
  let settle: { arrive(): void; fail(): void } | null = null;
  const loader: UiLoader = createUiLoader(() => {
    imports++;
    return new Promise<OverlayUi>((resolve, reject) => {
      settle = { arrive: () => resolve(overlayUi), fail: () => reject(new Error('offline')) };
    });
  });
  return {
    loader,
    imports: () => imports,
    async arrive() {
      settle?.arrive();
      await loader.load();
    },
    async fail() {
      settle?.fail();
      await loader.load().catch(() => undefined);
    },
  };
}

/** A record store that is not extension storage (the team's cache, as the background keeps it). */
function memoryStore(records: AccountRecord[]): RecordStore {
  const find = (key: RecordKey) =>
    records.find((r) => r.provider === key.provider && r.externalId === key.externalId) ??
    emptyRecord(key);
  return {
    get: async (key) => find(key),
    update: async (key, change) => change(find(key)),
    watch: () => () => undefined,
  };
}

const click = (el: Element) =>
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
const button = (text: string): HTMLButtonElement => {
  const found = [...document.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === text,
  );
  if (!found) throw new Error(`no button ${text}`);
  return found;
};
const guardDialog = () =>
  shadowOf('veriguide-guard')?.querySelector('[data-testid="vg-guard"]') ?? null;

let ctx: TestContext | undefined;
let life: AbortController | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  sessionStorage.clear();
});
afterEach(() => {
  ctx?.controller.abort();
  ctx = undefined;
  life?.abort();
  life = undefined;
  vi.restoreAllMocks();
});

describe('guard while the UI chunk loads', () => {
  it('holds the click at once, asks when the dialog arrives, and Continue replays it', async () => {
    loadFixture('commsease/status.html');
    const chunk = chunkOnDemand();
    const pageHandler = vi.fn();
    button('Upgrade').addEventListener('click', pageHandler);
    ctx = makeContext(commsease, pageOf(commsease, 'authentication'), 'en', { ui: chunk.loader });
    guard.init(ctx);
    expect(chunk.imports()).toBe(0);

    click(button('Upgrade'));
    expect(pageHandler).not.toHaveBeenCalled();
    expect(chunk.imports()).toBe(1);
    // A second click while the dialog loads is held too, and asks only once.
    click(button('Upgrade'));
    expect(pageHandler).not.toHaveBeenCalled();

    await chunk.arrive();
    expect(guardDialog()?.textContent).toContain('cannot be undone');
    shadowOf('veriguide-guard')
      ?.querySelector<HTMLButtonElement>('[data-testid="vg-guard-continue"]')
      ?.click();
    expect(guardDialog()).toBeNull();
    expect(pageHandler).toHaveBeenCalledTimes(1);
    expect(pageHandler.mock.calls[0]?.[0].target).toBe(button('Upgrade'));
  });

  it('lets the user go on with the next click when the dialog cannot load', async () => {
    loadFixture('commsease/status.html');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const chunk = chunkOnDemand();
    const pageHandler = vi.fn();
    button('Upgrade').addEventListener('click', pageHandler);
    ctx = makeContext(commsease, pageOf(commsease, 'authentication'), 'en', { ui: chunk.loader });
    guard.init(ctx);
    click(button('Upgrade'));
    await chunk.fail();
    expect(pageHandler).not.toHaveBeenCalled();
    click(button('Upgrade'));
    expect(pageHandler).toHaveBeenCalledTimes(1);
  });
});

describe('guard reads the overlay record store', () => {
  it("sees a decision only the team's records hold (nothing in extension storage)", async () => {
    loadFixture('tencentcloud-intl/type-choice.html');
    const account: RecordKey = { provider: 'tencentcloud-intl', externalId: '200012345678' };
    const team = memoryStore([
      {
        ...emptyRecord(account),
        decision: { recommended: 'enterprise', flowId: 'enterprise', decidedAt: '2026-11-21' },
        updatedAt: '2026-11-21T10:00:00.000Z',
      },
    ]);
    const organization = document.querySelector('[data-type="enterprise"] button');
    if (!organization) throw new Error('no Verify now for organizations');
    const pageHandler = vi.fn();
    organization.addEventListener('click', pageHandler);
    ctx = makeContext(tencent, pageOf(tencent, 'identity-verification'), 'en', { records: team });
    guard.init(ctx);
    // Once the team's decision has loaded, the type it recommends passes untouched.
    await vi.waitFor(() => {
      click(organization);
      shadowOf('veriguide-guard')
        ?.querySelector<HTMLButtonElement>('[data-testid="vg-guard-cancel"]')
        ?.click();
      expect(pageHandler).toHaveBeenCalled();
    });
    pageHandler.mockClear();
    click(organization);
    expect(guardDialog()).toBeNull();
    expect(pageHandler).toHaveBeenCalledTimes(1);
  });
});

describe('field tips and document checks load the UI on first need', () => {
  const individual = pageOf(commsease, 'individual-form');
  const input = (id: string): HTMLInputElement => {
    const el = document.getElementById(id);
    if (!(el instanceof HTMLInputElement)) throw new Error(`fixture has no input #${id}`);
    return el;
  };

  it('a tip waits for the first focus, then shows once the chunk is there', async () => {
    loadFixture('commsease/individual-form.html');
    const chunk = chunkOnDemand();
    ctx = makeContext(commsease, individual, 'en', { ui: chunk.loader });
    fieldTips.init(ctx);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(chunk.imports()).toBe(0);

    const name = input('realName');
    name.focus();
    name.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(chunk.imports()).toBe(1);
    await chunk.arrive();
    const tip = shadowOf('veriguide-field-tips')?.querySelector('[data-testid="vg-hint"]');
    expect(tip?.getAttribute('data-field')).toBe('name');
  });

  it('a document number is checked once the validator arrives; an empty field loads nothing', async () => {
    loadFixture('commsease/individual-form.html');
    const chunk = chunkOnDemand();
    ctx = makeContext(commsease, individual, 'en', { ui: chunk.loader });
    documentCheck.init(ctx);
    const id = input('idNumber');
    id.dispatchEvent(new FocusEvent('blur'));
    expect(chunk.imports()).toBe(0);

    const body = '11010519491231002';
    id.value = body + (residentIdCheckChar(body) === '5' ? '6' : '5');
    id.dispatchEvent(new FocusEvent('blur'));
    expect(chunk.imports()).toBe(1);
    await chunk.arrive();
    const warning = shadowOf('veriguide-document-check')?.querySelector(
      '[data-testid="vg-validation"]',
    );
    expect(warning?.getAttribute('data-reason')).toBe('checksum');
  });
});

describe('the panel loads on the first open', () => {
  it('shows the launcher without the chunk; opening loads it and focuses the panel', async () => {
    const chunk = chunkOnDemand();
    const o = await openOverlay(
      'tencentcloud-intl/type-choice.html',
      'https://console.tencentcloud.com/developer/auth',
      { ui: chunk.loader },
    );
    life = o.life;
    const launcher = o.need<HTMLButtonElement>('vg-launcher');
    await vi.waitFor(() => expect(launcher.textContent).toContain('Not verified'));
    expect(chunk.imports()).toBe(0);

    launcher.click();
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(chunk.imports()).toBe(1);
    await chunk.arrive();
    await vi.waitFor(() => expect(o.byTestId('vg-panel')).not.toBeNull());
    const title = o.root.getElementById('vg-panel-title');
    await vi.waitFor(() => expect(o.root.activeElement).toBe(title));
  });

  it('a panel closed before the chunk arrived stays closed', async () => {
    const chunk = chunkOnDemand();
    const o = await openOverlay(
      'tencentcloud-intl/type-choice.html',
      'https://console.tencentcloud.com/developer/auth',
      { ui: chunk.loader },
    );
    life = o.life;
    const launcher = o.need<HTMLButtonElement>('vg-launcher');
    launcher.click();
    launcher.click();
    await chunk.arrive();
    expect(o.byTestId('vg-panel')).toBeNull();
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('UI chunk loader', () => {
  it('imports once for every caller, and tries again after a failure', async () => {
    let imports = 0;
    let failNext = true;
    const loader = createUiLoader(async () => {
      imports++;
      if (failNext) {
        failNext = false;
        throw new Error('offline');
      }
      return overlayUi;
    });
    await expect(loader.load()).rejects.toThrow('offline');
    expect(loader.get()).toBeNull();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toBe(overlayUi);
    expect(b).toBe(overlayUi);
    expect(loader.get()).toBe(overlayUi);
    expect(imports).toBe(2);
  });
});
