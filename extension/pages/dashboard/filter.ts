import type { AccountRow } from '../../background/pages';
import { overdueNow } from '../record-view';

export interface Filter {
  provider: string;
  status: string;
  /** '' anyone, '-' unassigned, else a member id. */
  owner: string;
  overdue: boolean;
  q: string;
  sort: 'updated' | 'provider' | 'status' | 'window';
}

export const NO_FILTER: Filter = {
  provider: '',
  status: '',
  owner: '',
  overdue: false,
  q: '',
  sort: 'updated',
};

const overdueOf = (row: AccountRow, now: Date) =>
  row.account?.overdue ?? overdueNow(row.record, now);

/** The rows the dashboard shows for a filter, sorted (newest change first by default). */
export function applyFilter(rows: AccountRow[], f: Filter, now = new Date()): AccountRow[] {
  const q = f.q.trim().toLowerCase();
  const kept = rows.filter((row) => {
    if (f.provider && row.key.provider !== f.provider) return false;
    if (f.status && row.record.status !== f.status) return false;
    if (f.overdue && !overdueOf(row, now)) return false;
    const owner = row.account?.ownerMemberId ?? null;
    if (f.owner === '-' && owner !== null) return false;
    if (f.owner && f.owner !== '-' && owner !== f.owner) return false;
    if (q) {
      const text = [row.key.externalId, row.account?.label, row.account?.notes, row.key.provider]
        .filter(Boolean)
        .join(' ')
        .toLowerCase();
      if (!text.includes(q)) return false;
    }
    return true;
  });
  const by: Record<Filter['sort'], (a: AccountRow, b: AccountRow) => number> = {
    updated: (a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt),
    provider: (a, b) =>
      a.key.provider.localeCompare(b.key.provider) ||
      a.key.externalId.localeCompare(b.key.externalId),
    status: (a, b) => a.record.status.localeCompare(b.record.status),
    window: (a, b) =>
      (a.record.reviewWindow?.latest ?? '9999').localeCompare(
        b.record.reviewWindow?.latest ?? '9999',
      ),
  };
  return kept.sort(by[f.sort]);
}
