import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANCHORS } from '../../../extension/content/anchors';
import type { ProviderAnchors } from '../../../extension/content/anchors/types';
import * as findField from '../../../extension/content/fields/find-field';
import { pageFieldAnchors } from '../../../extension/content/fields/page-anchors';
import { watchFields } from '../../../extension/content/fields/watch-fields';
import { startManager } from '../../../extension/content/manager';
import { CONTENT_PLAYBOOKS } from '../../../extension/content/providers';
import { overlayUi } from '../../../extension/content/ui';
import { readyUi } from '../../../extension/content/ui-loader';
import { createRecordStore } from '../../../extension/records/local-record-store';
import { makeContext } from '../fields/support';
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
 * A polling dashboard elsewhere on the page (as bench/fixtures/churn.html): a 100-row list
 * re-rendered every 50 ms. Resolves after `ms`, with the renders it made.
 */
function churn(ms: number): Promise<number> {
  const list = document.getElementById('churn-list');
  let tick = 0;
  return new Promise((resolve) => {
    const render = (): void => {
      tick += 1;
      const rows: string[] = [];
      for (let i = 0; i < 100; i++) {
        rows.push(
          `<li class="op-row"><span class="op-id">op-${tick}-${i}</span> <span class="op-state">${(tick + i) % 3 === 0 ? 'running' : 'done'}</span></li>`,
        );
      }
      if (list) list.innerHTML = rows.join('');
    };
    const interval = setInterval(render, 50);
    setTimeout(() => {
      clearInterval(interval);
      resolve(tick);
    }, ms);
  });
}

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
    expect(renders).toBeGreaterThan(15);
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
});
