import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { Account } from '../shared/api/accounts';
import type { Me } from '../shared/api/members';
import type { Conflict, OutboxEntry, RefusedChange } from '../shared/messages';
import type { AccountRecord, RecordKey } from './records/record-store';

/**
 * Every key the extension keeps in `browser.storage`, declared once here. Nothing stored here
 * may hold a value typed into a provider form (names, document or card numbers).
 */

/** The overlay's language: `auto` follows the browser (navigator.language). */
export type LocaleSetting = 'auto' | 'en' | 'zh';
export const localeSetting = storage.defineItem<LocaleSetting>('local:veriguide:locale', {
  fallback: 'auto',
  version: 1,
});

/** One "page changed" diagnostic: an anchor a feature expected and did not find. */
export interface DriftDiagnostic {
  provider: string;
  pageId: string;
  anchor: string;
  /** `location.pathname` (and hash route) only: queries can carry tokens or personal data. */
  path: string;
  at: string;
}
/** How many diagnostics are kept; the oldest go first. */
export const DIAGNOSTICS_CAP = 50;
/** "Page changed" diagnostics, newest last, at most DIAGNOSTICS_CAP. */
export const driftDiagnostics = storage.defineItem<DriftDiagnostic[]>(
  'local:veriguide:diagnostics',
  { fallback: [], version: 1 },
);

/** The storage key of one account record (see `recordItem`). */
export const recordStorageKey = (key: RecordKey): `local:${string}` =>
  `local:veriguide:record:${key.provider}:${key.externalId === null ? '-' : encodeURIComponent(key.externalId)}`;

/**
 * One account record: per account when the page shows the account id, else per provider
 * (`externalId: null`), so progress made before the id is known is not lost.
 */
export const recordItem = (
  key: RecordKey,
): WxtStorageItem<AccountRecord | null, Record<string, never>> =>
  storage.defineItem<AccountRecord, Record<string, never>>(recordStorageKey(key));

// ---- Team sync (background only: content scripts never read these) ------------------------

/** The team connection: API origin, the bearer token and who it belongs to. null: local only. */
export interface TeamConnection {
  apiUrl: string;
  /**
   * Read only by the background service worker, sent only to `apiUrl`. No content-script code
   * reads this key; Chrome itself would let a content script read storage.local, which is why
   * content scripts get their record through messages and nothing else.
   */
  token: string;
  me: Me;
  connectedAt: string;
}
/** The team connection; null while the extension runs in local-only mode. */
export const teamConnection = storage.defineItem<TeamConnection | null>('local:veriguide:team', {
  fallback: null,
  version: 1,
});

/** The background's copy of the team's accounts, kept current through GET /changes. */
export interface TeamCache {
  /** The /changes cursor of the last page applied; null before the first sync. */
  cursor: string | null;
  /** The D1 bookmark of the last response, sent back so reads see our own writes. */
  bookmark: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** By account id. */
  accounts: Record<string, Account>;
}
/** The team cache; emptied when the connection changes. */
export const teamCache = storage.defineItem<TeamCache>('local:veriguide:team-cache', {
  fallback: { cursor: null, bookmark: null, lastSyncAt: null, lastError: null, accounts: {} },
  version: 1,
});

/** Changes waiting for the API, oldest first (see shared/messages.ts OutboxEntry). */
export const outboxItem = storage.defineItem<OutboxEntry[]>('local:veriguide:outbox', {
  fallback: [],
  version: 1,
});

/** Conflicts waiting for the user to keep their version or the team's. */
export const conflictsItem = storage.defineItem<Conflict[]>('local:veriguide:conflicts', {
  fallback: [],
  version: 1,
});

/** Changes the API refused, newest last (capped), shown with the reason until dismissed. */
export const refusalsItem = storage.defineItem<RefusedChange[]>('local:veriguide:refusals', {
  fallback: [],
  version: 1,
});

/** Notifications already shown (overdue reviews, ended locks), so each is shown once. */
export const notifiedItem = storage.defineItem<string[]>('local:veriguide:notified', {
  fallback: [],
  version: 1,
});

/** Which record each provider page asked for (by document), so it is given only that one. */
export interface PageBinding {
  tabId: number;
  provider: string;
  externalId: string | null;
}
/**
 * Page bindings, by document id (or `tab:frame`). Session storage: gone when the browser
 * closes, like the pages, and never readable by content scripts (trusted contexts only).
 */
export const pageBindings = storage.defineItem<Record<string, PageBinding>>(
  'session:veriguide:page-bindings',
  { fallback: {}, version: 1 },
);
