import { emptyRecord } from '../../../extension/records/local-record-store';
import type { AccountRecord, RecordKey } from '../../../extension/records/record-store';

export const API_URL = 'https://api.example.test';
export const OWNER_TOKEN = 'vg_owner-token-0001';
export const VIEWER_TOKEN = 'vg_viewer-token-0002';
/** Not known to FakeTeam until a test adds it: `team.tokens.set(EDITOR_TOKEN, 'editor')`. */
export const EDITOR_TOKEN = 'vg_editor-token-0003';

export const A: RecordKey & { externalId: string } = {
  provider: 'tencentcloud-intl',
  externalId: '200000000001',
};
export const B: RecordKey & { externalId: string } = {
  provider: 'commsease',
  externalId: 'ops@example.test',
};

/** The record the overlay would save after ticking `steps` (and maybe clicking "I submitted"). */
export function edited(
  key: RecordKey,
  steps: string[],
  status: AccountRecord['status'] = 'unverified',
  at = '2026-11-20T01:00:00.000Z',
): AccountRecord {
  return {
    ...emptyRecord(key),
    status,
    entityType: status === 'unverified' ? 'unknown' : 'individual',
    submittedAt: status === 'in_review' ? at : null,
    checklist: Object.fromEntries(steps.map((s) => [s, at])),
    flowId: 'individual',
    updatedAt: at,
  };
}
