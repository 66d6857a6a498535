import { recordItem } from '../storage';
import type { AccountRecord, RecordKey, RecordStore } from './record-store';

/** A record nobody has touched yet: unverified, no flow, no progress. */
export const emptyRecord = (key: RecordKey): AccountRecord => ({
  provider: key.provider,
  externalId: key.externalId,
  entityType: 'unknown',
  status: 'unverified',
  submittedAt: null,
  reviewWindow: null,
  verifiedAt: null,
  lockedUntil: null,
  rejectedReason: null,
  checklist: {},
  flowId: null,
  decision: null,
  updatedAt: new Date(0).toISOString(),
});

/** True when the user has done nothing with this record yet. */
export const isUntouched = (record: AccountRecord): boolean =>
  record.updatedAt === new Date(0).toISOString();

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
