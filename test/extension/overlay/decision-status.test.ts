import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyRecord } from '../../../extension/records/local-record-store';
import type { RecordKey } from '../../../extension/records/record-store';
import { reviewWindow } from '../../../shared/dates';
import { commsease } from '../../../shared/playbooks/commsease';
import { tencentcloudIntl } from '../../../shared/playbooks/tencentcloud-intl';
import { openOverlay } from '../support/overlay';

let life: AbortController | null = null;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  life?.abort();
  life = null;
});

const TENCENT_AUTH = 'https://console.tencentcloud.com/developer/auth';
const COMMSEASE_AUTH = 'https://console.commsease.com/#/account/authentication';
const TENCENT_KEY: RecordKey = { provider: 'tencentcloud-intl', externalId: '200012345678' };
const COMMSEASE_KEY: RecordKey = { provider: 'commsease', externalId: 'ops-team@example.com' };

const change = (el: HTMLInputElement | HTMLSelectElement, value?: string): void => {
  if (value !== undefined) el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};

async function openPanel(fixture: string, url: string, now?: string) {
  const o = await openOverlay(fixture, url, now ? { now } : {});
  life = o.life;
  o.need('vg-launcher').click();
  await vi.waitFor(() => expect(o.byTestId('vg-status')).not.toBeNull());
  return o;
}

describe('decision helper', () => {
  it('recommends enterprise for SMS packs on CommsEase, with reasons linked to sources, and saves the flow', async () => {
    const o = await openPanel('commsease/type-choice.html', COMMSEASE_AUTH);
    const form = o.need('vg-decision');
    expect(o.byTestId('vg-decision-result')).toBeNull();
    const individual = form.querySelector<HTMLInputElement>(
      'input[name="owner"][value="individual"]',
    );
    const sms = form.querySelector<HTMLInputElement>('input[name="needsSmsPacks"]');
    if (!individual || !sms) throw new Error('decision questions missing');
    individual.checked = true;
    change(individual);
    sms.checked = true;
    change(sms);
    await vi.waitFor(() =>
      expect(o.need('vg-recommended').getAttribute('data-type')).toBe('enterprise'),
    );
    const sources = new Set(commsease.sources.map((s) => s.url));
    const links = [...o.need('vg-decision-result').querySelectorAll('a')].map((a) => a.href);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(sources).toContain(href);

    o.button('Use this flow').click();
    await vi.waitFor(async () =>
      expect((await o.store.get(COMMSEASE_KEY)).flowId).toBe('enterprise'),
    );
    const record = await o.store.get(COMMSEASE_KEY);
    expect(record.decision).toMatchObject({ recommended: 'enterprise', flowId: 'enterprise' });
    await vi.waitFor(() => expect(o.need<HTMLSelectElement>('vg-flow').value).toBe('enterprise'));
  });

  it('shows the blocker for a passport without a mainland bank card', async () => {
    const o = await openPanel('commsease/type-choice.html', COMMSEASE_AUTH);
    const form = o.need('vg-decision');
    const individual = form.querySelector<HTMLInputElement>(
      'input[name="owner"][value="individual"]',
    );
    const document = form.querySelector<HTMLSelectElement>('select[name="document"]');
    const card = form.querySelector<HTMLSelectElement>('select[name="hasMainlandBankCard"]');
    if (!individual || !document || !card) throw new Error('decision questions missing');
    individual.checked = true;
    change(individual);
    change(document, 'passport');
    change(card, 'no');
    await vi.waitFor(() => expect(o.byTestId('vg-blockers')).not.toBeNull());
    expect(o.need('vg-blockers').textContent).toMatch(/Business Manager/i);
  });
});

describe('status', () => {
  it('"I submitted" starts the review with the provider window, shown on the launcher too', async () => {
    const now = '2026-11-20T02:00:00Z';
    const o = await openPanel('tencentcloud-intl/type-choice.html', TENCENT_AUTH, now);
    o.button('I submitted').click();
    await vi.waitFor(async () => expect((await o.store.get(TENCENT_KEY)).status).toBe('in_review'));
    const record = await o.store.get(TENCENT_KEY);
    // The checklist's flow (individual) sets the type, so the individual review window applies.
    expect(record.entityType).toBe('individual');
    const w = reviewWindow(now, tencentcloudIntl.types.individual.reviewWindow);
    expect(record.reviewWindow).toEqual(w);
    await vi.waitFor(() =>
      expect(o.need('vg-review-window').textContent).toContain(`${w?.earliest} – ${w?.latest}`),
    );
    expect(o.need('vg-launcher').textContent).toContain(`${w?.earliest} – ${w?.latest}`);
    expect(o.need('vg-status-value').textContent).toBe('Under review');
  });

  it('marks a review window in a year without a holiday calendar as an estimate', async () => {
    const o = await openPanel(
      'tencentcloud-intl/type-choice.html',
      TENCENT_AUTH,
      '2031-06-02T02:00:00Z',
    );
    o.button('I submitted').click();
    await vi.waitFor(() => expect(o.byTestId('vg-review-window')).not.toBeNull());
    expect(o.need('vg-review-window').textContent).toContain('(estimate)');
    expect(o.need('vg-launcher').textContent).toContain('(estimate)');
  });

  it('approval sets the lock, and a change inside the lock is refused with its explanation', async () => {
    const o = await openPanel('tencentcloud-intl/type-choice.html', TENCENT_AUTH);
    o.button('I submitted').click();
    await vi.waitFor(() => expect(o.need('vg-status-value').textContent).toBe('Under review'));
    o.button('It was approved').click();
    await vi.waitFor(() => expect(o.need('vg-status-value').textContent).toBe('Verified'));
    expect(o.need('vg-lock-end').textContent).toContain('2026-12-20');

    const flow = o.need<HTMLSelectElement>('vg-flow');
    change(flow, 'change');
    await vi.waitFor(async () => expect((await o.store.get(TENCENT_KEY)).flowId).toBe('change'));
    o.button('I submitted').click();
    await vi.waitFor(() => expect(o.byTestId('vg-refusal')).not.toBeNull());
    expect(o.need('vg-refusal').textContent).toMatch(/30 days/);
    expect((await o.store.get(TENCENT_KEY)).status).toBe('verified');
  });

  it('a rejection needs the reason, then records it', async () => {
    const o = await openPanel('tencentcloud-intl/type-choice.html', TENCENT_AUTH);
    o.button('I submitted').click();
    await vi.waitFor(() => expect(o.need('vg-status-value').textContent).toBe('Under review'));
    o.button('It was rejected').click();
    await vi.waitFor(() => expect(o.root.querySelector('form')).not.toBeNull());
    o.button('Save rejection').click();
    await vi.waitFor(() => expect(o.byTestId('vg-refusal')).not.toBeNull());
    expect((await o.store.get(TENCENT_KEY)).status).toBe('in_review');

    const input = o.root.querySelector<HTMLInputElement>('form input[type="text"]');
    if (!input) throw new Error('no reason input');
    // A document number in the reason is refused, and nothing is stored.
    input.value = 'ID 11010519491231002X did not match';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    o.button('Save rejection').click();
    await vi.waitFor(() =>
      expect(o.need('vg-refusal').textContent).toMatch(/document or bank card/),
    );
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(
      '11010519491231002X',
    );

    input.value = 'Photo was blurred';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    o.button('Save rejection').click();
    await vi.waitFor(async () => expect((await o.store.get(TENCENT_KEY)).status).toBe('rejected'));
    expect((await o.store.get(TENCENT_KEY)).rejectedReason).toBe('Photo was blurred');
  });

  it('"It was approved" before any submission is refused with the rule', async () => {
    const o = await openPanel('tencentcloud-intl/type-choice.html', TENCENT_AUTH);
    o.button('It was approved').click();
    await vi.waitFor(() => expect(o.byTestId('vg-refusal')).not.toBeNull());
    expect((await o.store.get(TENCENT_KEY)).status).toBe('unverified');
  });

  it('offers the status the page states, and applies it only when asked', async () => {
    const o = await openPanel('tencentcloud-intl/status-under-review.html', TENCENT_AUTH);
    await vi.waitFor(() => expect(o.byTestId('vg-status-offer')).not.toBeNull());
    expect(o.need('vg-status-offer').textContent).toContain('Under review');
    // Offered, not applied.
    expect((await o.store.get(TENCENT_KEY)).status).toBe('unverified');
    expect(o.need('vg-status-value').textContent).toBe('Not verified');
    o.button('Update status to Under review').click();
    await vi.waitFor(async () => expect((await o.store.get(TENCENT_KEY)).status).toBe('in_review'));
    await vi.waitFor(() => expect(o.byTestId('vg-status-offer')).toBeNull());
  });

  it('offers "verified" in Chinese from a Chinese status page', async () => {
    const o = await openPanel('tencentcloud-intl/status-verified-zh.html', TENCENT_AUTH);
    await vi.waitFor(() => expect(o.byTestId('vg-status-offer')).not.toBeNull());
    expect(o.need('vg-status-offer').textContent).toContain('已认证');
  });

  it('flags an overdue review', async () => {
    const store = (
      await import('../../../extension/records/local-record-store')
    ).createRecordStore();
    await store.update(TENCENT_KEY, () => ({
      ...emptyRecord(TENCENT_KEY),
      status: 'in_review',
      entityType: 'individual',
      submittedAt: '2026-11-02T02:00:00.000Z',
      reviewWindow: { earliest: '2026-11-04', latest: '2026-11-06', estimate: false },
    }));
    const o = await openPanel(
      'tencentcloud-intl/type-choice.html',
      TENCENT_AUTH,
      '2026-11-20T02:00:00Z',
    );
    await vi.waitFor(() => expect(o.byTestId('vg-overdue')).not.toBeNull());
    expect(o.need('vg-launcher').textContent).toContain('overdue');
  });
});
