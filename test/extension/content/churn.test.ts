import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANCHORS } from '../../../extension/content/anchors';
import type { ProviderAnchors } from '../../../extension/content/anchors/types';
import { fieldTips } from '../../../extension/content/features/field-tips';
import * as findField from '../../../extension/content/fields/find-field';
import { pageFieldAnchors } from '../../../extension/content/fields/page-anchors';
import { watchFields } from '../../../extension/content/fields/watch-fields';
import { startManager } from '../../../extension/content/manager';
import { FULL_LOOK_MAX_MS } from '../../../extension/content/page-text';
import { CONTENT_PLAYBOOKS } from '../../../extension/content/providers';
import { overlayUi } from '../../../extension/content/ui';
import { readyUi } from '../../../extension/content/ui-loader';
import { createRecordStore } from '../../../extension/records/local-record-store';
import { getPlaybook } from '../../../shared/playbooks';
import type { PageRule, Playbook } from '../../../shared/playbooks/schema';
import { loadFixture as loadFormFixture, makeContext, shadowOf } from '../fields/support';
import { page, testPlaybook } from '../fields/test-playbook';
import { loadFixture } from '../support/fixture';

// Counts field scans without changing them (ESM exports cannot be spied on in place).
vi.mock('../../../extension/content/fields/find-field', async (original) => {
  const real = await original<typeof import('../../../extension/content/fields/find-field')>();
  return { ...real, findFields: vi.fn(real.findFields) };
});

/** The dashboard's section, on the page from the start as in the bench fixture. */
function addChurnList(): void {
  const section = document.createElement('section');
  section.innerHTML = '<h3>Recent operations</h3><ul id="churn-list"></ul>';
  document.body.append(section);
}

/**
 * A polling dashboard elsewhere on the page (as bench/fixtures/churn.html): a list of `rows`
 * rows (100) re-rendered every 50 ms, then `extra(tick)` (what the dashboard starts showing).
 * Resolves after `ms`, or once `stop` aborts, with the renders it made.
 */
function churn(
  ms: number,
  o: { extra?: (tick: number) => string; rows?: number; stop?: AbortSignal } = {},
): Promise<number> {
  const list = document.getElementById('churn-list');
  let tick = 0;
  return new Promise((resolve) => {
    const render = (): void => {
      tick += 1;
      const html: string[] = [];
      for (let i = 0; i < (o.rows ?? 100); i++) {
        html.push(
          `<li class="op-row"><span class="op-id">op-${tick}-${i}</span> <span class="op-state">${(tick + i) % 3 === 0 ? 'running' : 'done'}</span></li>`,
        );
      }
      if (list) list.innerHTML = html.join('') + (o.extra?.(tick) ?? '');
    };
    const interval = setInterval(render, 50);
    const end = (): void => {
      clearInterval(interval);
      clearTimeout(timeout);
      resolve(tick);
    };
    const timeout = setTimeout(end, ms);
    o.stop?.addEventListener('abort', end, { once: true });
  });
}

/** The manager on the CommsEase form, with a list that churns, as the content script starts it. */
async function managerOnChurningPage() {
  const url = 'https://console.commsease.com/#/account/authentication/individual';
  // happy-dom announces a new address a moment later: let that pass before starting.
  const addressed =
    window.location.href === url
      ? Promise.resolve()
      : new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  loadFixture('commsease/individual-form.html', url);
  await addressed;
  addChurnList();
  const stop = new AbortController();
  stops.push(stop);
  return startManager({
    window,
    document,
    playbooks: CONTENT_PLAYBOOKS,
    anchors: ANCHORS,
    features: [],
    store: createRecordStore(),
    ui: readyUi(overlayUi),
    signal: stop.signal,
    mountOverlay: () => ({ destroy: () => undefined }),
    settings: {
      locale: { get: async () => 'en', watch: () => () => undefined },
      recordDrift: async () => undefined,
    },
    dev: false,
  });
}

const playbookPage = (playbook: Playbook, id: string): PageRule => {
  const found = playbook.pages.find((p) => p.id === id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
};

/** The fields whose tip is shown. */
const tipFields = (): (string | null)[] =>
  [...(shadowOf('veriguide-field-tips')?.querySelectorAll('[data-testid="vg-hint"]') ?? [])].map(
    (tip) => tip.getAttribute('data-field'),
  );

let stops: AbortController[] = [];
afterEach(() => {
  for (const s of stops) s.abort();
  stops = [];
  vi.mocked(findField.findFields).mockClear();
});

describe('a page that churns an unrelated list', () => {
  it('is not recognised again while the list re-renders, and a status shown later still is', async () => {
    // happy-dom announces the new address a moment later: let that pass before counting.
    const addressed = new Promise((resolve) =>
      window.addEventListener('hashchange', resolve, { once: true }),
    );
    loadFixture(
      'commsease/individual-form.html',
      'https://console.commsease.com/#/account/authentication/individual',
    );
    await addressed;
    addChurnList();
    // Every read of the page asks the anchors for the account and status: count those reads.
    let reads = 0;
    const real = ANCHORS.commsease as ProviderAnchors;
    const counted: ProviderAnchors = {
      ...real,
      pageStatus: (doc) => {
        reads++;
        return real.pageStatus(doc);
      },
    };
    const stop = new AbortController();
    stops.push(stop);
    const manager = await startManager({
      window,
      document,
      playbooks: CONTENT_PLAYBOOKS,
      anchors: { commsease: counted },
      features: [],
      store: createRecordStore(),
      ui: readyUi(overlayUi),
      signal: stop.signal,
      mountOverlay: () => ({ destroy: () => undefined }),
      settings: {
        locale: { get: async () => 'en', watch: () => () => undefined },
        recordDrift: async () => undefined,
      },
      dev: false,
    });
    expect(reads).toBe(1);
    const renders = await churn(1200);
    // The list did re-render after the first render made it a known busy list (happy-dom on
    // a loaded machine renders far fewer than the nominal 24).
    expect(renders).toBeGreaterThan(2);
    // Before issue 6 the page was read again ~8 times a second here.
    expect(reads).toBe(1);

    // A status the page starts showing is still read (once the page settles).
    const row = document.createElement('div');
    row.innerHTML = '<span>Status:</span> <span>Under review</span>';
    document.body.append(row);
    await vi.waitFor(() => expect(manager.current()?.get().pageStatus?.status).toBe('in_review'));
  });

  it('does not look for fields again while the list re-renders, and finds a field rendered meanwhile', async () => {
    loadFixture('commsease/individual-form.html');
    addChurnList();
    const ctx = makeContext(testPlaybook, page('individual-form'));
    stops.push(ctx.controller);
    const seen: string[][] = [];
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      onChange: (found) => seen.push([...found.keys()]),
    });
    const scans = vi.mocked(findField.findFields);
    expect(scans).toHaveBeenCalledTimes(1);
    await churn(1200);
    // Before issue 6 the fields were looked for again ~12 times a second here.
    expect(scans).toHaveBeenCalledTimes(1);

    // Churn again and render a field halfway: it is found, within the back-off.
    const churning = churn(1500);
    setTimeout(() => {
      const extra = document.createElement('div');
      extra.innerHTML = '<label for="vg-extra">Bank Card Number</label><input id="vg-extra">';
      document.querySelector('form')?.append(extra);
    }, 300);
    await churning;
    expect(seen.at(-1)).toContain('bank-card-number');
    expect(scans.mock.calls.length).toBeLessThanOrEqual(3);
    expect(scans.mock.calls.length).toBeGreaterThan(1);
  });

  it('shows the tip of a field rendered inside the churning list itself', async () => {
    // The ID number field is not in the form: the dashboard's own re-render brings it.
    loadFormFixture('commsease/individual-form.html');
    document.getElementById('idNumber')?.closest('.el-form-item')?.remove();
    addChurnList();
    const playbook = getPlaybook('commsease');
    const ctx = makeContext(playbook, playbookPage(playbook, 'individual-form'));
    stops.push(ctx.controller);
    fieldTips.init(ctx);
    await churn(600);
    const field = '<li><label for="busyNumber">ID Number</label><input id="busyNumber"></li>';
    const churning = churn(1500, { extra: () => field });
    // Found while the list keeps re-rendering around it: each render replaces the field, so
    // focus whichever one is on the page now, until its tip shows.
    await vi.waitFor(
      () => {
        const input = document.getElementById('busyNumber');
        input?.focus();
        input?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
        expect(tipFields()).toEqual(['id-number']);
      },
      { timeout: 1400, interval: 40 },
    );
    await churning;
  });

  it.each([
    ['a labelled status row', '<li><span>Status:</span> <span>Under review</span></li>'],
    ['a status badge', '<li><span class="auth-status__state">Under review</span></li>'],
  ])(
    'updates the status the page shows from %s rendered inside the churning list',
    async (_what, row) => {
      const manager = await managerOnChurningPage();
      await churn(600);
      expect(manager.current()?.get().pageStatus).toBeNull();
      const churning = churn(1500, { extra: () => row });
      await vi.waitFor(
        () => expect(manager.current()?.get().pageStatus?.status).toBe('in_review'),
        { timeout: 1400 },
      );
      await churning;
    },
  );

  it('finds a status badge swapped in for a row of the same shape (same element count)', async () => {
    const manager = await managerOnChurningPage();
    await churn(600);
    // The last row's state span becomes the status badge: the list keeps its shape (100 rows
    // of two spans), so only a look in full finds it.
    const badge = (tick: number): string =>
      `<li class="op-row"><span class="op-id">op-${tick}-x</span> <span class="auth-status">Under review</span></li>`;
    const stop = new AbortController();
    const churning = churn(FULL_LOOK_MAX_MS + 1500, { extra: badge, rows: 99, stop: stop.signal });
    await vi.waitFor(
      () => expect(manager.current()?.get().pageStatus?.status).toBe('in_review'),
      // Within FULL_LOOK_MAX_MS of the swap, whatever the list's look-in-full wait had grown to.
      { timeout: FULL_LOOK_MAX_MS + 1000 },
    );
    stop.abort();
    await churning;
  }, 10_000);
});
