import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountRecord, RecordKey, RecordStore } from '../../records/record-store';

export type UpdateRecord = (change: (current: AccountRecord) => AccountRecord) => Promise<void>;

/**
 * The record for `key` (null while it loads), kept current across tabs, and a function that
 * changes it through the store.
 */
export function useRecord(
  store: RecordStore,
  key: RecordKey,
): [AccountRecord | null, UpdateRecord] {
  const [record, setRecord] = useState<AccountRecord | null>(null);
  const { provider, externalId } = key;
  useEffect(() => {
    let live = true;
    const k: RecordKey = { provider, externalId };
    setRecord(null);
    store.get(k).then(
      (r) => live && setRecord(r),
      () => undefined,
    );
    const unwatch = store.watch(k, (r) => live && setRecord(r));
    return () => {
      live = false;
      unwatch();
    };
  }, [store, provider, externalId]);
  const update = useCallback<UpdateRecord>(
    async (change) => {
      setRecord(await store.update({ provider, externalId }, change));
    },
    [store, provider, externalId],
  );
  return [record, update];
}
