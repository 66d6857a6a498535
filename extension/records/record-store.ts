import type { EntityType, ProviderId } from '../../shared/playbooks/schema';

/**
 * Which record the overlay is looking at: the account when the page shows its id, otherwise
 * the provider page itself (progress is kept per page until the account is known).
 */
export interface RecordKey {
  provider: ProviderId;
  /** The provider's account id as shown on the page, when visible. */
  externalId: string | null;
}

/** The decision helper's last answer on this record (its inputs hold no personal data). */
export interface SavedDecision {
  recommended: EntityType;
  flowId: string;
  decidedAt: string;
}

/**
 * The account as the overlay sees it. Part 1 keeps it in extension storage; part 2 backs the
 * same interface with the team API through the background. Never holds document numbers,
 * names or card numbers.
 */
export interface AccountRecord {
  provider: ProviderId;
  externalId: string | null;
  entityType: EntityType | 'unknown';
  status: 'unverified' | 'in_progress' | 'in_review' | 'verified' | 'rejected';
  submittedAt: string | null;
  reviewWindow: { earliest: string; latest: string; estimate: boolean } | null;
  verifiedAt: string | null;
  lockedUntil: string | null;
  rejectedReason: string | null;
  /** Checklist progress: step id -> ISO time it was ticked. */
  checklist: Record<string, string>;
  /** The flow the user follows (from the decision helper or picked by hand). */
  flowId: string | null;
  decision: SavedDecision | null;
  updatedAt: string;
}

export interface RecordStore {
  get(key: RecordKey): Promise<AccountRecord>;
  /** Applies `change` to the latest record and saves it; resolves to the saved record. */
  update(key: RecordKey, change: (current: AccountRecord) => AccountRecord): Promise<AccountRecord>;
  /** Calls `listener` whenever the record changes (this tab or another); returns unsubscribe. */
  watch(key: RecordKey, listener: (record: AccountRecord) => void): () => void;
}
