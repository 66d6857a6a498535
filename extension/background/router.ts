import { browser } from 'wxt/browser';
import {
  type ConnectionView,
  ContentRequestSchema,
  type MessageError,
  PageRequestSchema,
  type RecordAccess,
  type RecordAnswer,
  type Reply,
  tokenHint,
} from '../../shared/messages';
import { PLAYBOOKS } from '../../shared/playbooks/index';
import type { ProviderId } from '../../shared/playbooks/schema';
import type { RecordKey } from '../records/record-store';
import { pageBindings, refusalsItem, teamConnection } from '../storage';
import type { Deps } from './context';
import { withLock } from './lock';
import { handlePage } from './pages';
import { getRecord, putRecord, sameKey } from './records';

/** What the browser tells us about a message's sender (runtime.MessageSender, the parts used). */
export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
  documentId?: string | undefined;
}

const refuse = (code: MessageError['code'], message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
});

/** Whether `url` matches a manifest match pattern like `https://console.commsease.com/*`. */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  const hostOk = host.startsWith('*.')
    ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1))
    : u.hostname === host;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostOk && glob.test(u.pathname + u.search);
}

/** The provider whose console `url` is on (from the playbooks' consoleMatches), if any. */
export function providerOfUrl(url: string | undefined): ProviderId | null {
  if (!url) return null;
  for (const playbook of Object.values(PLAYBOOKS)) {
    if (playbook.consoleMatches.some((p) => matchesPattern(p, url))) return playbook.id;
  }
  return null;
}

/** True for a message from one of this extension's own pages (popup, dashboard, options). */
export function isExtensionPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * A content script is trusted only as far as its page: it must be our extension's, in a tab on
 * a provider console; it may read and write only that provider's records, and once its page
 * named an account, only that account's record (a page shows one account).
 */
export async function checkContentKey(sender: Sender, key: RecordKey): Promise<Reply<true>> {
  const tabId = sender.tab?.id;
  const provider = providerOfUrl(sender.url);
  if (sender.id !== browser.runtime.id || tabId === undefined || provider === null) {
    return refuse('bad_sender', 'Only a provider console page may ask for a record.');
  }
  if (key.provider !== provider) {
    return refuse('bad_sender', 'A page may only ask for its own provider’s records.');
  }
  const doc = sender.documentId ?? `${tabId}:${sender.frameId ?? 0}`;
  return withLock(async () => {
    const bindings = await pageBindings.getValue();
    const bound = bindings[doc];
    if (bound?.externalId && bound.externalId !== key.externalId) {
      return refuse('forbidden', 'This page already shows another account.');
    }
    if (!bound || bound.externalId !== key.externalId) {
      await pageBindings.setValue({
        ...bindings,
        [doc]: { tabId, provider, externalId: key.externalId ?? bound?.externalId ?? null },
      });
    }
    return { ok: true, value: true };
  });
}

/** Forgets what a tab's pages were bound to (the tab navigated or closed). */
export async function forgetTab(tabId: number): Promise<void> {
  await withLock(async () => {
    const bindings = await pageBindings.getValue();
    const kept = Object.fromEntries(Object.entries(bindings).filter(([, b]) => b.tabId !== tabId));
    if (Object.keys(kept).length !== Object.keys(bindings).length) {
      await pageBindings.setValue(kept);
    }
  });
}

/**
 * What the member may do with `key`'s record: in local-only mode everything; connected to a
 * team, everything but as a viewer (the API would refuse the write with 403, so the overlay
 * does not offer it). Carries the latest refusal of this account only, never another's.
 */
export async function accessFor(key: RecordKey): Promise<RecordAccess> {
  const [conn, refusals] = await Promise.all([teamConnection.getValue(), refusalsItem.getValue()]);
  // Newest last (outbox.ts appends).
  const latest = refusals.filter((r) => sameKey(key, r.key)).at(-1);
  return {
    canWrite: conn?.me.member.role !== 'viewer',
    refused: latest ? { code: latest.code, message: latest.message, at: latest.at } : null,
  };
}

/** A content script's record with what its member may do with it. */
export async function recordAnswer(key: RecordKey): Promise<RecordAnswer> {
  const [record, access] = await Promise.all([getRecord(key), accessFor(key)]);
  return { record, access };
}

/**
 * Every runtime message comes through here: parsed with the shared schemas, the sender checked,
 * then handled. Anything else gets an error and nothing of the team's data.
 */
export async function routeMessage(
  message: unknown,
  sender: Sender,
  deps: Deps,
): Promise<Reply<unknown>> {
  if (isExtensionPage(sender)) {
    const parsed = PageRequestSchema.safeParse(message);
    if (!parsed.success) return refuse('bad_message', parsed.error.message);
    try {
      return await handlePage(parsed.data, deps);
    } catch (err) {
      return refuse('internal', String(err));
    }
  }
  const parsed = ContentRequestSchema.safeParse(message);
  if (!parsed.success) return refuse('bad_message', 'Not a message a provider page may send.');
  const allowed = await checkContentKey(sender, parsed.data.key);
  if (!allowed.ok) return allowed;
  const req = parsed.data;
  if (req.type === 'record/get') return { ok: true, value: await recordAnswer(req.key) };
  const record = await putRecord(req.key, req.record, deps);
  deps.onWrite?.();
  return { ok: true, value: { record, access: await accessFor(req.key) } };
}

/** The connection as a page may see it (the token reduced to its hint). */
export const connectionView = (
  conn: { apiUrl: string; token: string; me: ConnectionView['me']; connectedAt: string } | null,
): ConnectionView | null =>
  conn && {
    apiUrl: conn.apiUrl,
    tokenHint: tokenHint(conn.token),
    me: conn.me,
    connectedAt: conn.connectedAt,
  };
