import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageRequest, Reply } from '../../shared/messages';
import type { PageState } from '../background/pages';

/** Sends a request to the background and waits for its reply (never throws). */
export async function send<T>(req: PageRequest): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: { code: 'internal', message: 'No answer.' } };
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: String(err) } };
  }
}

/**
 * The background's state as the page shows it, fetched again whenever extension storage
 * changes (a sync, a delivered change, a conflict). Keeps a port open so the background syncs
 * often while the page is shown.
 */
export function usePageState(): [PageState | null, () => void] {
  const [state, setState] = useState<PageState | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void send<PageState>({ type: 'state/get' }).then((r) => live && r.ok && setState(r.value));
    return () => {
      live = false;
    };
  }, [tick]);
  useStorageChanges(() => setTick((t) => t + 1));
  return [state, () => setTick((t) => t + 1)];
}

/** Calls `cb` whenever extension storage changes; holds the page port open meanwhile. */
export function useStorageChanges(cb: () => void): void {
  const latest = useRef(cb);
  latest.current = cb;
  useEffect(() => {
    const listener = () => latest.current();
    browser.storage.onChanged.addListener(listener);
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    try {
      port = browser.runtime.connect({ name: 'veriguide:page' });
    } catch {
      port = null;
    }
    return () => {
      browser.storage.onChanged.removeListener(listener);
      port?.disconnect();
    };
  }, []);
}
