import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendDiagnostic } from '../../../extension/content/ui/settings';
import { createRecordStore, emptyRecord } from '../../../extension/records/local-record-store';
import type { RecordKey } from '../../../extension/records/record-store';
import {
  DIAGNOSTICS_CAP,
  type DriftDiagnostic,
  recordStorageKey,
} from '../../../extension/storage';

const ACCOUNT: RecordKey = { provider: 'tencentcloud-intl', externalId: '200012345678' };
const PROVIDER_ONLY: RecordKey = { provider: 'tencentcloud-intl', externalId: null };

beforeEach(() => fakeBrowser.reset());

describe('local record store', () => {
  it('starts from an empty, unverified record', async () => {
    expect(await createRecordStore().get(ACCOUNT)).toEqual(emptyRecord(ACCOUNT));
  });

  it('keeps records per account, and per provider when the account is not known', async () => {
    const store = createRecordStore(() => new Date('2026-11-20T00:00:00Z'));
    await store.update(ACCOUNT, (r) => ({ ...r, checklist: { a: '2026-11-20T00:00:00Z' } }));
    await store.update(PROVIDER_ONLY, (r) => ({ ...r, flowId: 'enterprise' }));
    // A new store (a reload, a browser restart) reads the same storage.
    const again = createRecordStore();
    expect((await again.get(ACCOUNT)).checklist).toEqual({ a: '2026-11-20T00:00:00Z' });
    expect((await again.get(ACCOUNT)).flowId).toBeNull();
    expect((await again.get(PROVIDER_ONLY)).flowId).toBe('enterprise');
    expect(
      (await again.get({ provider: 'commsease', externalId: '200012345678' })).flowId,
    ).toBeNull();
    expect((await again.get(ACCOUNT)).updatedAt).toBe('2026-11-20T00:00:00.000Z');
  });

  it('never loses one of two quick updates', async () => {
    const store = createRecordStore();
    await Promise.all([
      store.update(ACCOUNT, (r) => ({ ...r, checklist: { ...r.checklist, one: 'x' } })),
      store.update(ACCOUNT, (r) => ({ ...r, checklist: { ...r.checklist, two: 'y' } })),
    ]);
    expect(Object.keys((await store.get(ACCOUNT)).checklist).sort()).toEqual(['one', 'two']);
  });

  it('keeps the key fields whatever the change returns', async () => {
    const store = createRecordStore();
    const saved = await store.update(ACCOUNT, (r) => ({
      ...r,
      provider: 'commsease',
      externalId: 'other',
    }));
    expect(saved).toMatchObject({ provider: 'tencentcloud-intl', externalId: '200012345678' });
  });

  it('tells watchers about changes made elsewhere (another tab)', async () => {
    const store = createRecordStore();
    const seen = vi.fn();
    const unwatch = store.watch(ACCOUNT, seen);
    await createRecordStore().update(ACCOUNT, (r) => ({ ...r, status: 'in_progress' }));
    await vi.waitFor(() =>
      expect(seen).toHaveBeenCalledWith(expect.objectContaining({ status: 'in_progress' })),
    );
    unwatch();
  });

  it('stores under one declared key per record', () => {
    expect(recordStorageKey(ACCOUNT)).toBe('local:veriguide:record:tencentcloud-intl:200012345678');
    expect(recordStorageKey(PROVIDER_ONLY)).toBe('local:veriguide:record:tencentcloud-intl:-');
  });
});

describe('drift diagnostics', () => {
  it('keep the newest entries up to the cap', () => {
    const make = (i: number): DriftDiagnostic => ({
      provider: 'commsease',
      pageId: 'individual-form',
      anchor: `field:${i}`,
      path: '/',
      at: '2026-11-20T00:00:00Z',
    });
    let list: DriftDiagnostic[] = [];
    for (let i = 0; i < DIAGNOSTICS_CAP + 5; i++) list = appendDiagnostic(list, make(i));
    expect(list).toHaveLength(DIAGNOSTICS_CAP);
    expect(list[0]?.anchor).toBe('field:5');
    expect(list.at(-1)?.anchor).toBe(`field:${DIAGNOSTICS_CAP + 4}`);
  });
});
