import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ANCHORS } from '../../../extension/content/anchors';
import type { Feature, FeatureContext } from '../../../extension/content/feature';
import { type OverlayState, startManager } from '../../../extension/content/manager';
import { CONTENT_PLAYBOOKS } from '../../../extension/content/providers';
import { overlayUi } from '../../../extension/content/ui';
import { readyUi } from '../../../extension/content/ui-loader';
import { createRecordStore } from '../../../extension/records/local-record-store';
import type { DriftDiagnostic, LocaleSetting } from '../../../extension/storage';
import type { Store } from '../../../extension/ui/store';
import { loadFixture, renderTemplate } from '../support/fixture';

/** A feature that records each start and puts its own host on the page, like the real ones. */
function probe(id: string, runsOn: Feature['runsOn'] = () => true) {
  const starts: FeatureContext[] = [];
  const feature: Feature = {
    id,
    runsOn,
    init(ctx) {
      starts.push(ctx);
      const host = ctx.document.createElement(`veriguide-${id}`);
      ctx.document.documentElement.append(host);
      ctx.signal.addEventListener('abort', () => host.remove());
    },
  };
  return { feature, starts };
}

const hosts = (): string[] =>
  [...document.documentElement.children, ...document.body.children]
    .map((el) => el.localName)
    .filter((name) => name.startsWith('veriguide-'));

async function start(features: Feature[], opts: { locale?: LocaleSetting } = {}) {
  const life = new AbortController();
  const diagnostics: DriftDiagnostic[] = [];
  const mounted: Store<OverlayState>[] = [];
  let destroyed = 0;
  let localeListener: ((v: LocaleSetting) => void) | null = null;
  const manager = await startManager({
    window,
    document,
    playbooks: CONTENT_PLAYBOOKS,
    anchors: ANCHORS,
    features,
    store: createRecordStore(),
    ui: readyUi(overlayUi),
    signal: life.signal,
    mountOverlay(state) {
      mounted.push(state);
      const host = document.createElement('veriguide-overlay');
      document.documentElement.append(host);
      return {
        destroy() {
          destroyed++;
          host.remove();
        },
      };
    },
    settings: {
      locale: {
        get: async () => opts.locale ?? 'auto',
        watch: (cb) => {
          localeListener = cb;
          return () => {
            localeListener = null;
          };
        },
      },
      recordDrift: async (d) => {
        diagnostics.push(d);
      },
    },
    dev: true,
    settleMs: 5,
  });
  return {
    manager,
    life,
    diagnostics,
    mounted,
    destroyed: () => destroyed,
    setLocale: (v: LocaleSetting) => localeListener?.(v),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});
let stop: AbortController | null = null;
afterEach(() => {
  stop?.abort();
  stop = null;
  vi.restoreAllMocks();
});

describe('feature manager', () => {
  it('starts the features whose runsOn matches, each with a live signal, and mounts the overlay', async () => {
    loadFixture(
      'commsease/individual-form.html',
      'https://console.commsease.com/#/account/authentication/individual',
    );
    const forms = probe('forms', (page) => page.id === 'individual-form');
    const status = probe('status-only', (page) => page.id === 'authentication');
    const run = await start([forms.feature, status.feature]);
    stop = run.life;
    expect(forms.starts).toHaveLength(1);
    expect(forms.starts[0]?.page.id).toBe('individual-form');
    expect(forms.starts[0]?.signal.aborted).toBe(false);
    // Features read the account the page shows through the provider's anchors (the guard's key).
    expect(forms.starts[0]?.accountId()).toBe('ops-team@example.com');
    expect(status.starts).toHaveLength(0);
    expect(hosts()).toEqual(expect.arrayContaining(['veriguide-overlay', 'veriguide-forms']));
    expect(run.mounted[0]?.get().key).toEqual({
      provider: 'commsease',
      externalId: 'ops-team@example.com',
    });
  });

  it('waits for late-rendered content on a path it does not know, then starts', async () => {
    loadFixture('tencentcloud-intl/spa.html', 'https://console.tencentcloud.com/new/verify');
    const f = probe('late');
    const run = await start([f.feature]);
    stop = run.life;
    expect(f.starts).toHaveLength(0);
    expect(hosts()).toEqual([]);
    renderTemplate('route-auth', 'app');
    await vi.waitFor(() => expect(f.starts).toHaveLength(1));
    expect(f.starts[0]?.page.id).toBe('identity-verification');
    expect(hosts()).toContain('veriguide-overlay');
  });

  it('follows a history.pushState route change away from verification and tears everything down', async () => {
    loadFixture('tencentcloud-intl/spa.html', 'https://console.tencentcloud.com/developer/auth');
    renderTemplate('route-auth', 'app');
    const f = probe('tips');
    const run = await start([f.feature]);
    stop = run.life;
    expect(hosts().sort()).toEqual(['veriguide-overlay', 'veriguide-tips']);
    // A stray host a feature forgot to tie to its signal goes too.
    document.body.append(document.createElement('veriguide-stray'));

    history.pushState({}, '', '/overview');
    renderTemplate('route-overview', 'app');

    await vi.waitFor(() => expect(hosts()).toEqual([]));
    expect(f.starts[0]?.signal.aborted).toBe(true);
    expect(run.destroyed()).toBe(1);
    expect(run.manager.current()).toBeNull();
  });

  it('restarts features with a fresh signal when the route moves to another verification page', async () => {
    loadFixture('tencentcloud-intl/spa.html', 'https://console.tencentcloud.com/developer/auth');
    renderTemplate('route-auth', 'app');
    const f = probe('tips');
    const run = await start([f.feature]);
    stop = run.life;
    history.pushState({}, '', '/developer/auth/individual');
    renderTemplate('route-individual', 'app');
    await vi.waitFor(() => expect(f.starts).toHaveLength(2));
    expect(f.starts[0]?.signal.aborted).toBe(true);
    expect(f.starts[1]?.page.id).toBe('individual-form');
    expect(f.starts[1]?.signal.aborted).toBe(false);
    expect(run.mounted).toHaveLength(1);
    expect(run.mounted[0]?.get().page.id).toBe('individual-form');
  });

  it('records a drift diagnostic once per anchor, warns with anchor and page, and shows it in the state', async () => {
    loadFixture(
      'tencentcloud-intl/individual-form-drift.html',
      'https://console.tencentcloud.com/developer/auth/individual?token=secret#step2',
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const drifting: Feature = {
      id: 'drifting',
      runsOn: () => true,
      init(ctx) {
        ctx.reportDrift('field:id-number');
        ctx.reportDrift('field:id-number');
      },
    };
    const run = await start([drifting]);
    stop = run.life;
    expect(run.mounted[0]?.get().drift).toEqual(['field:id-number']);
    await vi.waitFor(() => expect(run.diagnostics).toHaveLength(1));
    expect(run.diagnostics[0]).toMatchObject({
      provider: 'tencentcloud-intl',
      pageId: 'individual-form',
      anchor: 'field:id-number',
      path: '/developer/auth/individual#step2',
    });
    expect(JSON.stringify(run.diagnostics)).not.toContain('secret');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/field:id-number.*individual-form/));
  });

  it('ignores a drift report from a feature already stopped by navigation', async () => {
    loadFixture('tencentcloud-intl/spa.html', 'https://console.tencentcloud.com/developer/auth');
    renderTemplate('route-auth', 'app');
    const f = probe('late-reporter');
    const run = await start([f.feature]);
    stop = run.life;
    history.pushState({}, '', '/developer/auth/individual');
    renderTemplate('route-individual', 'app');
    await vi.waitFor(() => expect(f.starts).toHaveLength(2));
    f.starts[0]?.reportDrift('field:stale');
    expect(run.mounted[0]?.get().drift).toEqual([]);
    expect(run.diagnostics).toEqual([]);
  });

  it('keeps the other features running when one throws', async () => {
    loadFixture('commsease/status.html', 'https://console.commsease.com/#/account/authentication');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken: Feature = {
      id: 'broken',
      runsOn: () => true,
      init() {
        throw new Error('boom');
      },
    };
    const ok = probe('ok');
    const run = await start([broken, ok.feature]);
    stop = run.life;
    expect(ok.starts).toHaveLength(1);
    expect(hosts()).toContain('veriguide-overlay');
  });

  it('follows the browser language, and restarts features in the language the user picks', async () => {
    loadFixture('commsease/status.html', 'https://console.commsease.com/#/account/authentication');
    const f = probe('texts');
    const run = await start([f.feature]);
    stop = run.life;
    expect(f.starts[0]?.locale).toBe(navigator.language.startsWith('zh') ? 'zh' : 'en');
    run.setLocale('zh');
    expect(f.starts).toHaveLength(2);
    expect(f.starts[1]?.locale).toBe('zh');
    expect(run.mounted[0]?.get().locale).toBe('zh');
  });

  it('moves progress made before the account id showed onto the account', async () => {
    const store = createRecordStore();
    await store.update({ provider: 'commsease', externalId: null }, (r) => ({
      ...r,
      flowId: 'individual',
      checklist: { 'ind-choose-type': '2026-11-20T00:00:00.000Z' },
    }));
    loadFixture(
      'commsease/individual-form.html',
      'https://console.commsease.com/#/account/authentication/individual',
    );
    const run = await start([]);
    stop = run.life;
    await vi.waitFor(async () =>
      expect(
        (await store.get({ provider: 'commsease', externalId: 'ops-team@example.com' })).checklist,
      ).toEqual({ 'ind-choose-type': '2026-11-20T00:00:00.000Z' }),
    );
  });

  it('follows a hash route change between verification pages (CommsEase routes by hash)', async () => {
    loadFixture(
      'commsease/type-choice.html',
      'https://console.commsease.com/#/account/authentication',
    );
    const f = probe('tips');
    const run = await start([f.feature]);
    stop = run.life;
    expect(f.starts[0]?.page.id).toBe('authentication');
    window.location.hash = '#/account/authentication/enterprise';
    await vi.waitFor(() => expect(f.starts).toHaveLength(2));
    expect(f.starts[1]?.page.id).toBe('enterprise-form');
    expect(f.starts[0]?.signal.aborted).toBe(true);
  });

  it('keeps the account known on a later page of the session that does not show it', async () => {
    loadFixture('tencentcloud-intl/spa.html', 'https://console.tencentcloud.com/developer/auth');
    renderTemplate('route-auth', 'app');
    const run = await start([]);
    stop = run.life;
    const state = run.mounted[0];
    expect(state?.get().key.externalId).toBe('200012345678');
    document.querySelector('.tc-account-info')?.remove();
    history.pushState({}, '', '/developer/auth/individual');
    renderTemplate('route-individual', 'app');
    await vi.waitFor(() => expect(state?.get().page.id).toBe('individual-form'));
    expect(state?.get().key.externalId).toBe('200012345678');
  });

  it('stops everything when the content script dies', async () => {
    loadFixture('commsease/status.html', 'https://console.commsease.com/#/account/authentication');
    const f = probe('tips');
    const run = await start([f.feature]);
    run.life.abort();
    expect(f.starts[0]?.signal.aborted).toBe(true);
    expect(hosts()).toEqual([]);
  });
});

describe('feature manager with a broken anchor', () => {
  it('treats an anchor that throws as "not shown" and keeps the overlay', async () => {
    loadFixture('commsease/status.html', 'https://console.commsease.com/#/account/authentication');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const life = new AbortController();
    const mounted: Store<OverlayState>[] = [];
    await startManager({
      window,
      document,
      playbooks: CONTENT_PLAYBOOKS,
      anchors: {
        commsease: {
          provider: 'commsease',
          accountId: () => {
            throw new Error('layout changed');
          },
          pageStatus: () => null,
        },
      },
      features: [],
      store: createRecordStore(),
      ui: readyUi(overlayUi),
      signal: life.signal,
      mountOverlay(state) {
        mounted.push(state);
        return { destroy: () => undefined };
      },
      settings: {
        locale: { get: async () => 'en', watch: () => () => undefined },
        recordDrift: async () => undefined,
      },
      dev: true,
    });
    expect(mounted[0]?.get().key).toEqual({ provider: 'commsease', externalId: null });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('accountId'), expect.any(Error));
    life.abort();
  });
});
