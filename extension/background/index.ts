import { type Browser, browser } from 'wxt/browser';
import { PAGE_PORT, RECORD_PORT, type RecordPush, WatchRequestSchema } from '../../shared/messages';
import type { RecordKey } from '../records/record-store';
import { recordStorageKey, refusalsItem, teamConnection } from '../storage';
import type { Deps } from './context';
import { notifyDue } from './notify';
import { flushOutbox } from './outbox';
import { checkContentKey, forgetTab, recordAnswer, routeMessage } from './router';
import { refreshMe, syncChanges } from './sync';

/** The periodic alarm: deliver the outbox, sync the team, show due notifications. */
export const TICK_ALARM = 'veriguide:tick';
/** While a page or overlay is open, the team is synced this often (ms). */
const OPEN_SYNC_MS = 5_000;
/** Storage keys (without `local:`) whose change alters what an overlay's member may do. */
const ACCESS_KEYS = [teamConnection.key, refusalsItem.key].map((k) => k.replace(/^local:/, ''));

/**
 * Wires the background: every listener is added synchronously when the service worker starts
 * (MV3 drops events that arrive before a listener exists). Nothing lives only in memory: the
 * outbox, cache and bindings are in storage, so a restarted worker carries on where it was.
 */
export function startBackground(deps: Deps): void {
  const tick = async () => {
    await flushOutbox(deps);
    await syncChanges(deps);
    await refreshMe(deps);
    await notifyDue(deps);
  };
  const kick = () => {
    void flushOutbox(deps);
  };
  const live: Deps = { ...deps, onWrite: kick };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    routeMessage(message, sender, live).then(sendResponse, (err) =>
      sendResponse({ ok: false, error: { code: 'internal', message: String(err) } }),
    );
    // Keeps the channel open for the async answer (Chrome needs `true`, not a promise).
    return true;
  });

  // Overlays watch their record through a port; pages keep one open so sync runs often.
  const watchers = new Map<string, Set<Browser.runtime.Port>>();
  const watchedKeys = new WeakMap<Browser.runtime.Port, RecordKey>();
  const push = async (port: Browser.runtime.Port, key: RecordKey): Promise<void> => {
    const message: RecordPush = { type: 'record', ...(await recordAnswer(key)) };
    try {
      port.postMessage(message);
    } catch {
      // The page went away while the answer was read: nothing to tell.
    }
  };
  let openPorts = 0;
  let poll: ReturnType<typeof setInterval> | null = null;
  const portOpened = () => {
    openPorts += 1;
    poll ??= setInterval(() => void tick(), OPEN_SYNC_MS);
  };
  const portClosed = () => {
    openPorts -= 1;
    if (openPorts <= 0 && poll) {
      clearInterval(poll);
      poll = null;
    }
  };
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PAGE_PORT) {
      if (!port.sender?.url?.startsWith(browser.runtime.getURL('/'))) return port.disconnect();
      portOpened();
      void tick();
      port.onDisconnect.addListener(portClosed);
      return;
    }
    if (port.name !== RECORD_PORT) return port.disconnect();
    portOpened();
    let watched: string | null = null;
    port.onDisconnect.addListener(() => {
      portClosed();
      if (watched) watchers.get(watched)?.delete(port);
    });
    port.onMessage.addListener(async (message) => {
      const parsed = WatchRequestSchema.safeParse(message);
      if (!parsed.success || watched) return port.disconnect();
      const allowed = await checkContentKey(port.sender ?? {}, parsed.data.key);
      if (!allowed.ok) return port.disconnect();
      watched = recordStorageKey(parsed.data.key).replace(/^local:/, '');
      const set = watchers.get(watched) ?? new Set();
      set.add(port);
      watchers.set(watched, set);
      watchedKeys.set(port, parsed.data.key);
      await push(port, parsed.data.key);
    });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    // A new role (/me read again, another connection) or a refusal changes what every open
    // overlay may do: each gets its record again with its access.
    const accessChanged = ACCESS_KEYS.some((k) => k in changes);
    for (const [key, ports] of watchers) {
      if (!accessChanged && !changes[key]?.newValue) continue;
      for (const port of ports) {
        const watchedKey = watchedKeys.get(port);
        if (watchedKey) void push(port, watchedKey);
      }
    }
  });

  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // A notification names an account: clicking it opens the dashboard, where it is listed.
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith('overdue:') || id.startsWith('lock:')) {
      void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
      void browser.notifications.clear(id);
    }
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM) void tick();
  });
  void browser.alarms.get(TICK_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
  });
  // A restarted worker delivers what waited while it was gone.
  void tick();
}
