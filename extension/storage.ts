import { storage, type WxtStorageItem } from 'wxt/utils/storage';
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
