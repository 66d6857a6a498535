import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('extension project', () => {
  it('has a DOM and the fake browser storage', async () => {
    await fakeBrowser.storage.local.set({ probe: 1 });
    expect(await fakeBrowser.storage.local.get('probe')).toEqual({ probe: 1 });
    expect(document.createElement('div')).toBeInstanceOf(HTMLElement);
  });
});
