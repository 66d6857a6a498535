import { type Browser, browser } from 'wxt/browser';
// Types only: the schemas (and zod) stay out of the content script's bundle.
import type {
  ContentRequest,
  RecordAccess,
  RecordAnswer,
  RecordPush,
  Reply,
  WatchRequest,
} from '../../shared/messages';
import type { AccountRecord, RecordKey, RecordStore } from './record-store';

/** A store that can also say what the member may do (the background's; a local one cannot). */
export interface AccessSource {
  /**
   * Calls `listener` with what the member may do with `key`'s record: at once when known, then
   * whenever an answer about that record brings news. Returns unsubscribe.
   */
  watchAccess(key: RecordKey, listener: (access: RecordAccess) => void): () => void;
}

/** The parts of `browser.runtime` the store uses (tests pass a fake). */
export interface RuntimeLike {
  sendMessage(message: ContentRequest): Promise<unknown>;
  connect(info: { name: string }): Browser.runtime.Port;
}

/** How long to wait before watching again after the background went away (it restarts). */
const RECONNECT_MS = 1_000;
const RECORD_PORT = 'veriguide:record';
/** Tries of a message the background did not receive, and the base delay between them (ms). */
const RETRIES = 6;
const RETRY_MS = 150;

/**
 * The RecordStore the overlay uses, backed by the background: the background alone holds the
 * team's data and the token, and answers with this page's record only. Works the same in
 * local-only mode (the background then keeps the record in extension storage).
 */
export function createRemoteRecordStore(
  runtime: RuntimeLike = browser.runtime as unknown as RuntimeLike,
): RecordStore & AccessSource {
  const queues = new Map<string, Promise<unknown>>();
  const idOf = (key: RecordKey) => `${key.provider}:${key.externalId ?? ''}`;
  // Every answer carries the member's access to that record; the panel listens for it.
  const access = new Map<string, RecordAccess>();
  const accessListeners = new Set<{ id: string; listener: (a: RecordAccess) => void }>();
  const learn = (key: RecordKey, answer: RecordAnswer): AccountRecord => {
    const id = idOf(key);
    access.set(id, answer.access);
    for (const l of accessListeners) if (l.id === id) l.listener(answer.access);
    return answer.record;
  };
  const ask = async (message: ContentRequest): Promise<AccountRecord> => {
    let reply: Reply<RecordAnswer> | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        reply = (await runtime.sendMessage(message)) as Reply<RecordAnswer> | undefined;
        break;
      } catch (err) {
        // Right after install or a service-worker restart the background may not listen yet
        // ("Receiving end does not exist"): try again shortly, then give up loudly.
        if (attempt >= RETRIES) throw err;
        await new Promise((r) => setTimeout(r, RETRY_MS * (attempt + 1)));
      }
    }
    if (!reply) throw new Error('Veriguide: the background did not answer.');
    if (!reply.ok) throw new Error(`Veriguide: ${reply.error.code}: ${reply.error.message}`);
    return learn(message.key, reply.value);
  };
  const get = (key: RecordKey) => ask({ type: 'record/get', key: { ...key } });

  return {
    get,
    update(key, change) {
      // One change at a time per record, each on the record the previous one left.
      const id = idOf(key);
      const next = (queues.get(id) ?? Promise.resolve())
        .catch(() => undefined)
        .then(async () =>
          ask({ type: 'record/put', key: { ...key }, record: change(await get(key)) }),
        );
      queues.set(id, next);
      return next;
    },
    watch(key, listener) {
      let stopped = false;
      let port: Browser.runtime.Port | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const open = () => {
        if (stopped) return;
        try {
          port = runtime.connect({ name: RECORD_PORT });
        } catch {
          // The extension was reloaded or removed: this page's script is an orphan now.
          return;
        }
        port.onMessage.addListener((message: Partial<RecordPush> | undefined) => {
          if (message?.type === 'record' && message.record && message.access) {
            listener(learn(key, { record: message.record, access: message.access }));
          }
        });
        port.onDisconnect.addListener(() => {
          port = null;
          if (!stopped) timer = setTimeout(open, RECONNECT_MS);
        });
        const watch: WatchRequest = { type: 'record/watch', key: { ...key } };
        port.postMessage(watch);
      };
      open();
      return () => {
        stopped = true;
        clearTimeout(timer);
        port?.disconnect();
      };
    },
    watchAccess(key, listener) {
      const entry = { id: idOf(key), listener };
      accessListeners.add(entry);
      const known = access.get(entry.id);
      if (known) listener(known);
      return () => accessListeners.delete(entry);
    },
  };
}
