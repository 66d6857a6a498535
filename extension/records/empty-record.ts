import type { AccountRecord, RecordKey } from './record-store';

// Apart from the store (and its storage): the content script needs these without either.

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
