import type { PageRule, Playbook, ProviderId } from '../../shared/playbooks/schema';
import { type Locale, localeFromTag } from '../../shared/text';
import { isUntouched } from '../records/empty-record';
import type { RecordKey, RecordStore } from '../records/record-store';
import type { DriftDiagnostic, LocaleSetting } from '../storage';
import { createStore, type Store } from '../ui/create-store';
import { removeAllHosts } from '../ui/shadow-host';
import type { ProviderAnchors, ShownStatus } from './anchors/types';
import type { Feature, FeatureContext } from './feature';
import { pageChanges, structuralTexts } from './page-text';
import { recognise } from './recognize';
import type { UiLoader } from './ui-loader';

/** What the overlay shows about the page it sits on; the manager keeps it current. */
export interface OverlayState {
  playbook: Playbook;
  page: PageRule;
  key: RecordKey;
  locale: Locale;
  localeSetting: LocaleSetting;
  /** Anchors features expected on this page and did not find ("page changed"). */
  drift: readonly string[];
  /** The status the page itself states, offered as an update, never applied. */
  pageStatus: ShownStatus | null;
  /** The page's headings, labels and buttons (normalised), for detecting the current step. */
  texts: readonly string[];
}

export interface OverlayHandle {
  destroy(): void;
}

/** Everything the manager needs, passed in so tests drive it with happy-dom and fakes. */
export interface ManagerOptions {
  window: Window;
  document: Document;
  playbooks: readonly Playbook[];
  anchors: Partial<Record<ProviderId, ProviderAnchors>>;
  features: readonly Feature[];
  store: RecordStore;
  /** The on-demand UI chunk, handed to features. */
  ui: UiLoader;
  /** The content script's life: everything stops when it aborts. */
  signal: AbortSignal;
  /** Mounts the launcher and panel for a recognised page. */
  mountOverlay(state: Store<OverlayState>): OverlayHandle;
  settings: {
    locale: { get(): Promise<LocaleSetting>; watch(cb: (v: LocaleSetting) => void): () => void };
    recordDrift(diagnostic: DriftDiagnostic): Promise<void>;
  };
  /** Development builds warn loudly when an anchor is missing. */
  dev: boolean;
  now?: () => Date;
  /** How long page mutations are batched before the page is read again. */
  settleMs?: number;
}

export interface Manager {
  /** Reads the page again now (location changes call this). */
  refresh(): void;
  /** The state of the current session, null when not on a verification page. */
  current(): Store<OverlayState> | null;
}

interface Session {
  state: Store<OverlayState>;
  overlay: OverlayHandle;
  features: AbortController;
  reported: Set<string>;
}

export const SETTLE_MS = 120;
/** While relevant mutations keep coming, the page is read at most about once this often. */
export const BACKOFF_MS = 1000;

/**
 * The feature manager: recognises the verification page (URL or content), mounts the overlay,
 * starts the features whose `runsOn` matches with a fresh AbortSignal, follows single-page
 * navigation and late rendering, and tears everything down when the page stops being a
 * verification page.
 */
export async function startManager(o: ManagerOptions): Promise<Manager> {
  const { window: win, document: doc } = o;
  const now = o.now ?? (() => new Date());
  let localeSetting = await o.settings.locale.get().catch((): LocaleSetting => 'auto');
  const effectiveLocale = (): Locale =>
    localeSetting === 'auto' ? localeFromTag(win.navigator.language) : localeSetting;

  let session: Session | null = null;

  const teardown = (): void => {
    if (!session) return;
    session.features.abort();
    session.overlay.destroy();
    session = null;
    // Feature hosts go with their signal; this catches any that did not.
    removeAllHosts(doc);
  };

  const startFeatures = (s: Session): void => {
    s.features.abort();
    s.features = new AbortController();
    const { playbook, page, locale } = s.state.get();
    const signal = s.features.signal;
    const ctx: FeatureContext = {
      signal,
      window: win,
      document: doc,
      playbook,
      page,
      locale,
      accountId: () => {
        try {
          return o.anchors[playbook.id]?.accountId(doc) ?? null;
        } catch {
          // A broken anchor reads as "not shown", as in evaluate().
          return null;
        }
      },
      records: o.store,
      recordKey: () => s.state.get().key,
      ui: o.ui,
      // A feature stopped by navigation may still have a timer running: its late report
      // belongs to the page it was started on, which is gone.
      reportDrift: (anchor) => {
        if (!signal.aborted) reportDrift(s, anchor);
      },
    };
    for (const feature of o.features) {
      try {
        if (feature.runsOn(page, playbook)) {
          Promise.resolve(feature.init(ctx)).catch((error) => failed(feature, error));
        }
      } catch (error) {
        failed(feature, error);
      }
    }
  };

  const failed = (feature: Feature, error: unknown): void => {
    // A broken feature must not take the overlay down with it.
    console.warn(`[veriguide] feature ${feature.id} failed`, error);
  };

  const reportDrift = (s: Session, anchor: string): void => {
    if (session !== s || s.reported.has(anchor)) return;
    s.reported.add(anchor);
    const { playbook, page, drift } = s.state.get();
    s.state.set({ drift: [...drift, anchor] });
    if (o.dev) {
      console.warn(
        `[veriguide] page changed: anchor "${anchor}" not found on ${playbook.id} page "${page.id}"`,
      );
    }
    const url = new URL(win.location.href);
    o.settings
      .recordDrift({
        provider: playbook.id,
        pageId: page.id,
        anchor,
        path: url.pathname + url.hash.replace(/\?.*$/, ''),
        at: now().toISOString(),
      })
      .catch(() => undefined);
  };

  const evaluate = (): void => {
    if (o.signal.aborted) return;
    const found = recognise(o.playbooks, new URL(win.location.href), doc);
    if (!found) {
      teardown();
      return;
    }
    const anchors = o.anchors[found.playbook.id];
    // An anchor that breaks on a new layout reads as "not shown", never as a crash.
    const read = <T>(what: string, fn: (() => T) | undefined, fallback: T): T => {
      try {
        return fn ? fn() : fallback;
      } catch (error) {
        if (o.dev) console.warn(`[veriguide] anchor ${what} failed on ${found.page.id}`, error);
        return fallback;
      }
    };
    const shown = read('accountId', anchors && (() => anchors.accountId(doc)), null);
    // Once a page of this session showed the account, later pages that hide it are still that
    // account's (switching accounts reloads the console).
    const known =
      session?.state.get().playbook.id === found.playbook.id
        ? session.state.get().key.externalId
        : null;
    const key: RecordKey = { provider: found.playbook.id, externalId: shown ?? known };
    const dynamic = {
      pageStatus: read('pageStatus', anchors && (() => anchors.pageStatus(doc)), null),
      texts: structuralTexts(doc, 'progress'),
    };

    if (session && session.state.get().playbook.id !== found.playbook.id) teardown();
    if (!session) {
      const state = createStore<OverlayState>({
        playbook: found.playbook,
        page: found.page,
        key,
        locale: effectiveLocale(),
        localeSetting,
        drift: [],
        ...dynamic,
      });
      const s: Session = {
        state,
        overlay: { destroy: () => undefined },
        features: new AbortController(),
        reported: new Set(),
      };
      session = s;
      s.overlay = o.mountOverlay(state);
      startFeatures(s);
      adoptPageProgress(key);
      return;
    }

    const s = session;
    const prev = s.state.get();
    const keyChanged = prev.key.externalId !== key.externalId;
    if (keyChanged && key.externalId !== null) adoptPageProgress(key);
    s.state.set({
      ...(keyChanged ? { key } : {}),
      pageStatus: sameStatus(prev.pageStatus, dynamic.pageStatus)
        ? prev.pageStatus
        : dynamic.pageStatus,
      texts: sameTexts(prev.texts, dynamic.texts) ? prev.texts : dynamic.texts,
    });
    if (prev.page.id !== found.page.id) {
      // Another verification page: fresh features, fresh drift notice.
      s.reported.clear();
      s.state.set({ page: found.page, drift: [] });
      startFeatures(s);
    }
  };

  /**
   * Progress made before the account id showed is kept per provider; when the id appears and
   * the account has no record yet, that progress becomes the account's.
   */
  const adoptPageProgress = (key: RecordKey): void => {
    if (key.externalId === null) return;
    const pageKey: RecordKey = { provider: key.provider, externalId: null };
    void Promise.all([o.store.get(key), o.store.get(pageKey)])
      .then(([account, page]) => {
        if (isUntouched(account) && !isUntouched(page)) {
          return o.store.update(key, () => ({ ...page, externalId: key.externalId }));
        }
        return undefined;
      })
      .catch(() => undefined);
  };

  // Late rendering and client-side routing both show up as DOM mutations. The page's changes
  // are watched once for the manager and the field watch (page-text.ts), skipping records that
  // touch nothing the overlay reads (a busy list elsewhere on the page); the page is read again
  // once it has settled for a moment, and at most about once a second while relevant mutations
  // keep coming (issue 6: churn).
  let timer: number | undefined;
  let recent: number[] = [];
  const schedule = (): void => {
    if (timer !== undefined || o.signal.aborted) return;
    const at = Date.now();
    recent = recent.filter((t) => at - t < BACKOFF_MS);
    // Two quick reads cover a page that renders in stages; a third within the second waits.
    const delay = recent.length >= 2 ? BACKOFF_MS : (o.settleMs ?? SETTLE_MS);
    timer = win.setTimeout(() => {
      timer = undefined;
      recent.push(Date.now());
      evaluate();
    }, delay);
  };
  pageChanges(win, doc).listen({ changed: schedule, pending: () => timer !== undefined }, o.signal);
  // A new address is always read soon, whatever the mutations did.
  const navigated = (): void => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    recent = [];
    schedule();
  };
  win.addEventListener('popstate', navigated, { signal: o.signal });
  win.addEventListener('hashchange', navigated, { signal: o.signal });
  const unwatchLocale = o.settings.locale.watch((value) => {
    localeSetting = value;
    if (!session) return;
    session.state.set({ localeSetting: value, locale: effectiveLocale() });
    // Features render their own texts: restart them in the new language.
    startFeatures(session);
  });
  o.signal.addEventListener(
    'abort',
    () => {
      unwatchLocale();
      if (timer !== undefined) win.clearTimeout(timer);
      teardown();
    },
    { once: true },
  );

  evaluate();
  return { refresh: evaluate, current: () => session?.state ?? null };
}

const sameStatus = (a: ShownStatus | null, b: ShownStatus | null): boolean =>
  a === b || (a !== null && b !== null && a.status === b.status && a.text === b.text);

const sameTexts = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);
