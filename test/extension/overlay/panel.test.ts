import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeSetting } from '../../../extension/storage';
import { commsease } from '../../../shared/playbooks/commsease';
import { key, openOverlay } from '../support/overlay';

let life: AbortController | null = null;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  life?.abort();
  life = null;
});

const TENCENT_AUTH = 'https://console.tencentcloud.com/developer/auth';
const COMMSEASE_AUTH = 'https://console.commsease.com/#/account/authentication';

describe('launcher and panel', () => {
  it('shows provider and status, opens a labelled dialog with focus inside, and Escape returns focus', async () => {
    const o = await openOverlay('tencentcloud-intl/type-choice.html', TENCENT_AUTH);
    life = o.life;
    const launcher = o.need<HTMLButtonElement>('vg-launcher');
    await vi.waitFor(() => expect(launcher.textContent).toContain('Not verified'));
    expect(launcher.textContent).toContain('Tencent Cloud');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(o.byTestId('vg-panel')).toBeNull();

    launcher.click();
    await vi.waitFor(() => expect(o.byTestId('vg-panel')).not.toBeNull());
    const panel = o.need('vg-panel');
    expect(panel.getAttribute('role')).toBe('dialog');
    const title = o.root.getElementById(panel.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toContain('Verification guide');
    await vi.waitFor(() => expect(o.root.activeElement).toBe(title));
    expect(launcher.getAttribute('aria-expanded')).toBe('true');

    panel.dispatchEvent(key('Escape'));
    await vi.waitFor(() => expect(o.byTestId('vg-panel')).toBeNull());
    expect(o.root.activeElement).toBe(launcher);
  });

  it('Escape on the launcher closes the open panel too', async () => {
    const o = await openOverlay('tencentcloud-intl/type-choice.html', TENCENT_AUTH);
    life = o.life;
    const launcher = o.need<HTMLButtonElement>('vg-launcher');
    launcher.click();
    await vi.waitFor(() => expect(o.byTestId('vg-panel')).not.toBeNull());
    launcher.dispatchEvent(key('Escape'));
    await vi.waitFor(() => expect(o.byTestId('vg-panel')).toBeNull());
  });

  it('the close button closes the panel and the account id shown on the page is named', async () => {
    const o = await openOverlay('tencentcloud-intl/type-choice.html', TENCENT_AUTH);
    life = o.life;
    o.need('vg-launcher').click();
    await vi.waitFor(() => expect(o.need('vg-panel').textContent).toContain('200012345678'));
    o.root.querySelector<HTMLButtonElement>('button[aria-label="Close"]')?.click();
    await vi.waitFor(() => expect(o.byTestId('vg-panel')).toBeNull());
  });

  it('switches language, remembers it, and follows it in every part', async () => {
    const o = await openOverlay('commsease/status.html', COMMSEASE_AUTH);
    life = o.life;
    o.need('vg-launcher').click();
    await vi.waitFor(() => expect(o.byTestId('vg-checklist')).not.toBeNull());
    expect(o.need('vg-checklist').textContent).toContain('Checklist');
    o.need('vg-lang-zh').click();
    await vi.waitFor(() => expect(o.need('vg-checklist').textContent).toContain('清单'));
    expect(o.need('vg-launcher').textContent).toContain('未认证');
    expect(o.need('vg-lang-zh').getAttribute('aria-pressed')).toBe('true');
    expect(await localeSetting.getValue()).toBe('zh');
  });

  it('shows the drift notice when a feature misses an anchor, and still shows the checklist', async () => {
    const o = await openOverlay(
      'tencentcloud-intl/individual-form-drift.html',
      `${TENCENT_AUTH}/individual`,
      {
        features: [
          { id: 'field-probe', runsOn: () => true, init: (ctx) => ctx.reportDrift('field:name') },
        ],
      },
    );
    life = o.life;
    o.need('vg-launcher').click();
    await vi.waitFor(() => expect(o.byTestId('vg-drift')).not.toBeNull());
    expect(o.need('vg-drift').textContent).toContain('This page has changed');
    // The checklist comes with the record, which may load after the notice shows.
    await vi.waitFor(() => expect(o.all('vg-step').length).toBeGreaterThan(0));
    expect(o.byTestId('vg-drift')).not.toBeNull();
  });

  it('marks first paint for the performance budget', async () => {
    const o = await openOverlay('commsease/status.html', COMMSEASE_AUTH);
    life = o.life;
    expect(performance.getEntriesByName('veriguide:painted').length).toBeGreaterThan(0);
  });

  it('keeps the page CSS out: the host resets inherited styles and sits on the top layer', async () => {
    const o = await openOverlay('tencentcloud-intl/type-choice-fixed-header.html', TENCENT_AUTH);
    life = o.life;
    const style = o.host?.getAttribute('style') ?? '';
    expect(style).toContain('all: initial');
    expect(style).toContain('z-index: 2147483647');
    expect(style).toContain('position: fixed');
    // Appended after the page's body: at equal z-index it paints above the page's fixed header.
    expect(document.documentElement.lastElementChild).toBe(o.host);
  });
});

describe('checklist', () => {
  it('ticks steps by click and keyboard, counts progress, and saves it in the record', async () => {
    const o = await openOverlay('commsease/individual-form.html', `${COMMSEASE_AUTH}/individual`);
    life = o.life;
    o.need('vg-launcher').click();
    await vi.waitFor(() => expect(o.all('vg-step').length).toBeGreaterThan(0));
    const flow = commsease.flows.find((f) => f.id === 'individual');
    expect(o.all('vg-step').map((s) => s.dataset.stepId)).toEqual(flow?.steps.map((s) => s.id));
    const total = flow?.steps.length;
    expect(o.need('vg-progress').textContent).toBe(`0 of ${total}`);

    const [first, second] = o.all('vg-step');
    first?.click();
    second?.dispatchEvent(key(' '));
    await vi.waitFor(() => expect(o.need('vg-progress').textContent).toBe(`2 of ${total}`));
    expect(o.all('vg-step')[0]?.getAttribute('aria-checked')).toBe('true');
    expect(o.all('vg-step')[0]?.getAttribute('role')).toBe('checkbox');
    const record = await o.store.get({ provider: 'commsease', externalId: 'ops-team@example.com' });
    expect(Object.keys(record.checklist).sort()).toEqual(
      [first?.dataset.stepId, second?.dataset.stepId].sort(),
    );
    expect(record.flowId).toBe('individual');

    // Unticking counts down again.
    o.all('vg-step')[0]?.dispatchEvent(key('Enter'));
    await vi.waitFor(() => expect(o.need('vg-progress').textContent).toBe(`1 of ${total}`));
  });

  it('the flow picker switches the steps and is saved', async () => {
    const o = await openOverlay('commsease/status.html', COMMSEASE_AUTH);
    life = o.life;
    o.need('vg-launcher').click();
    await vi.waitFor(() => expect(o.byTestId('vg-flow')).not.toBeNull());
    const select = o.need<HTMLSelectElement>('vg-flow');
    select.value = 'upgrade';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const upgrade = commsease.flows.find((f) => f.id === 'upgrade');
    await vi.waitFor(() =>
      expect(o.all('vg-step').map((s) => s.dataset.stepId)).toEqual(
        upgrade?.steps.map((s) => s.id),
      ),
    );
    const record = await o.store.get({ provider: 'commsease', externalId: 'ops-team@example.com' });
    expect(record.flowId).toBe('upgrade');
  });

  it('highlights the step the page is on', async () => {
    const o = await openOverlay('tencentcloud-intl/status-under-review.html', TENCENT_AUTH);
    life = o.life;
    o.need('vg-launcher').click();
    await vi.waitFor(() => expect(o.all('vg-step').length).toBeGreaterThan(0));
    const current = o.all('vg-step').filter((s) => s.getAttribute('aria-current') === 'step');
    // "Under review" is the signal of the individual flow's review step.
    expect(current.map((s) => s.dataset.stepId)).toEqual(['individual-review']);
  });

  it('reads only the current item of the page step bar, not the steps still to come', async () => {
    // The bar lists "eSignature agreement" ahead; the form itself shows the tips box.
    const o = await openOverlay('commsease/individual-form.html', `${COMMSEASE_AUTH}/individual`);
    life = o.life;
    o.need('vg-launcher').click();
    await vi.waitFor(() => expect(o.all('vg-step').length).toBeGreaterThan(0));
    const current = o.all('vg-step').filter((s) => s.getAttribute('aria-current') === 'step');
    expect(current.map((s) => s.dataset.stepId)).toEqual(['individual-tips-next']);
  });
});
