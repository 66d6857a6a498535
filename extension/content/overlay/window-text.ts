import type { AccountRecord } from '../../records/record-store';

/** "2026-11-20 – 2026-11-24", the review window in the provider's local dates. */
export const windowText = (w: NonNullable<AccountRecord['reviewWindow']>): string =>
  w.earliest === w.latest ? w.latest : `${w.earliest} – ${w.latest}`;
