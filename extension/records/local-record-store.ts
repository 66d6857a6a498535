import { recordItem } from '../storage';
import { emptyRecord } from './empty-record';
import type { AccountRecord, RecordKey, RecordStore } from './record-store';

export { emptyRecord, isUntouched } from './empty-record';

/**
 * The RecordStore over the extension's own storage (part 1: local only). Updates in this tab
 * are serialised per key so two quick clicks never lose one another's change; other tabs are
 * seen through `watch` (storage.onChanged).
 */
export function createRecordStore(now: () => Date = () => new Date()): RecordStore {
  const queues = new Map<string, Promise<unknown>>();
  const read = async (key: RecordKey): Promise<AccountRecord> =>
    (await recordItem(key).getValue()) ?? emptyRecord(key);

  return {
    get: read,
    update(key, change) {
      const item = recordItem(key);
      const previous = queues.get(item.key) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          const updated: AccountRecord = {
            ...change(await read(key)),
            provider: key.provider,
            externalId: key.externalId,
            updatedAt: now().toISOString(),
          };
          await item.setValue(updated);
          return updated;
        });
      queues.set(item.key, next);
      return next;
    },
    watch(key, listener) {
      return recordItem(key).watch((value) => listener(value ?? emptyRecord(key)));
    },
  };
}
