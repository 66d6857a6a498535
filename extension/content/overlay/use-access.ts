import { useEffect, useState } from 'preact/hooks';
import type { RecordAccess } from '../../../shared/messages';
import type { RecordKey, RecordStore } from '../../records/record-store';
import type { AccessSource } from '../../records/remote-record-store';

/** A store that cannot tell (this browser's own storage) never refuses a write. */
const LOCAL: RecordAccess = { canWrite: true, refused: null };

/**
 * What the member may do with `key`'s record, as the background last said with the record
 * (null until it has said). A viewer of the connected team gets `canWrite: false`.
 */
export function useAccess(
  store: RecordStore & Partial<AccessSource>,
  key: RecordKey,
): RecordAccess | null {
  const [access, setAccess] = useState<RecordAccess | null>(store.watchAccess ? null : LOCAL);
  const { provider, externalId } = key;
  useEffect(() => {
    if (!store.watchAccess) {
      setAccess(LOCAL);
      return;
    }
    setAccess(null);
    return store.watchAccess({ provider, externalId }, setAccess);
  }, [store, provider, externalId]);
  return access;
}
