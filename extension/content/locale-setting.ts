import { browser } from 'wxt/browser';
import type { LocaleSetting } from '../storage';

/**
 * The `browser.storage.local` key behind storage.ts's `localeSetting` (`local:veriguide:locale`),
 * read here without WXT's storage wrapper so the content script does not carry it (issue 6:
 * size budget); writes go through `localeSetting` in the UI chunk. A test keeps the two equal.
 */
export const LOCALE_STORAGE_KEY = 'veriguide:locale';

const asLocale = (value: unknown): LocaleSetting =>
  value === 'en' || value === 'zh' ? value : 'auto';

/** The overlay's language setting, read and watched straight from extension storage. */
export const localeReader = {
  async get(): Promise<LocaleSetting> {
    const stored = await browser.storage.local.get(LOCALE_STORAGE_KEY);
    return asLocale(stored[LOCALE_STORAGE_KEY]);
  },
  watch(cb: (value: LocaleSetting) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      const change = changes[LOCALE_STORAGE_KEY];
      if (area === 'local' && change) cb(asLocale(change.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
