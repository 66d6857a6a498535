import { describe, expect, it } from 'vitest';
import { afterPageLoad, deferFeatures, deferReads } from '../../../extension/content/boot';
import type { Feature } from '../../../extension/content/feature';
import type { AccountRecord, RecordStore } from '../../../extension/records/record-store';

/** A promise the test resolves, standing for the page's `load`. */
function gate() {
  let open = (): void => undefined;
  const ready = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { ready, open };
}

const key = { provider: 'commsease', externalId: null } as const;

describe('work held until the page has loaded (issue 6: page load)', () => {
  it('sends no record message before load, then reads and watches the record', async () => {
    const record = { status: 'in_review' } as unknown as AccountRecord;
    const sent: string[] = [];
    const store: RecordStore = {
      get: async () => {
        sent.push('get');
        return record;
      },
      update: async () => record,
      watch: () => {
        sent.push('watch');
        return () => sent.push('unwatch');
      },
    };
    const { ready, open } = gate();
    const reads = deferReads(store, ready);
    const got = reads.get(key);
    reads.watch(key, () => undefined);
    // A stopped watch never reaches the background.
    reads.watch(key, () => undefined)();
    await Promise.resolve();
    expect(sent).toEqual([]);
    open();
    expect(await got).toBe(record);
    expect(sent.sort()).toEqual(['get', 'watch']);
  });

  it('starts features only after load, and not at all once their page is gone', async () => {
    const started: string[] = [];
    const feature = (id: string): Feature => ({
      id,
      runsOn: () => true,
      init: () => {
        started.push(id);
      },
    });
    const { ready, open } = gate();
    const [tips, guard] = deferFeatures([feature('tips'), feature('guard')], ready);
    const live = new AbortController();
    const gone = new AbortController();
    const ctx = (signal: AbortSignal) => ({ signal }) as Parameters<Feature['init']>[0];
    const a = tips?.init(ctx(live.signal));
    const b = guard?.init(ctx(gone.signal));
    await Promise.resolve();
    expect(started).toEqual([]);
    gone.abort();
    open();
    await Promise.all([a, b]);
    expect(started).toEqual(['tips']);
  });

  it('waits for the load event on a loading page, and not on a loaded one', async () => {
    expect(document.readyState).toBe('complete');
    await expect(afterPageLoad(window, new AbortController().signal)).resolves.toBeUndefined();

    const loading = Object.create(window, {
      document: { value: { readyState: 'loading' } },
    }) as Window;
    let loadListener: (() => void) | null = null;
    loading.addEventListener = ((type: string, fn: () => void) => {
      if (type === 'load') loadListener = fn;
    }) as Window['addEventListener'];
    loading.removeEventListener = (() => undefined) as Window['removeEventListener'];
    loading.setTimeout = ((fn: () => void, ms?: number) =>
      window.setTimeout(fn, ms)) as Window['setTimeout'];
    loading.clearTimeout = ((id?: number) => window.clearTimeout(id)) as Window['clearTimeout'];
    let done = false;
    const waited = afterPageLoad(loading, new AbortController().signal).then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(loadListener).not.toBeNull();
    (loadListener as (() => void) | null)?.();
    await waited;
    expect(done).toBe(true);
  });
});
