import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCALE_STORAGE_KEY, localeReader } from '../../../extension/content/locale-setting';
import { localeSetting } from '../../../extension/storage';

beforeEach(() => fakeBrowser.reset());

// The content script reads the language without WXT's storage wrapper; the panel saves it with
// storage.ts's `localeSetting`. Both must mean the same stored value.
describe('the content script reads the language the panel saves', () => {
  it('uses the key storage.ts declares', () => {
    expect(localeSetting.key).toBe(`local:${LOCALE_STORAGE_KEY}`);
  });

  it('reads auto before anything is saved, then what was saved', async () => {
    expect(await localeReader.get()).toBe('auto');
    await localeSetting.setValue('zh');
    expect(await localeReader.get()).toBe('zh');
  });

  it('hears every change, and nothing after unwatching', async () => {
    const heard: string[] = [];
    const unwatch = localeReader.watch((value) => heard.push(value));
    await localeSetting.setValue('en');
    await localeSetting.setValue('zh');
    unwatch();
    await localeSetting.setValue('en');
    expect(heard).toEqual(['en', 'zh']);
  });

  it('treats a value it does not know as auto', async () => {
    await fakeBrowser.storage.local.set({ [LOCALE_STORAGE_KEY]: 'fr' });
    expect(await localeReader.get()).toBe('auto');
  });
});
