import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageState } from '../../../extension/background/pages';
import { SyncSummary } from '../../../extension/pages/sync-summary';
import { A, edited } from '../background/support';

const L = (t: { en: string }) => t.en;
const theirs = {
  id: 'acc-1',
  provider: A.provider,
  externalId: A.externalId,
  label: null,
  entityType: 'individual' as const,
  status: 'verified' as const,
  ownerMemberId: null,
  submittedAt: null,
  reviewWindow: null,
  overdue: false,
  verifiedAt: null,
  rejectedReason: null,
  lockedUntil: null,
  checklist: { theirs: '2026-11-20T00:00:00Z' },
  notes: null,
  version: 7,
  createdAt: '2026-11-20T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
};
const state: PageState = {
  connection: {
    apiUrl: 'https://api.example.test',
    tokenHint: 'vg_…abcd',
    me: {
      member: { id: 'm', name: 'Mei', email: 'mei@x.test', role: 'editor' },
      team: { id: 't', name: 'Ops' },
    },
    connectedAt: '2026-11-20T00:00:00Z',
  },
  outbox: [],
  conflicts: [
    {
      id: 'c1',
      key: A,
      reason: 'stale',
      mine: edited(A, ['mine'], 'in_review'),
      theirs,
      at: '2026-11-20T00:00:00Z',
    },
  ],
  refusals: [
    {
      id: 'r1',
      key: A,
      kind: 'patch',
      code: 'forbidden',
      message: 'Viewers cannot change accounts.',
      at: '2026-11-20T00:00:00Z',
    },
  ],
  lastSyncAt: null,
  lastError: null,
};

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  fakeBrowser.reset();
});

describe('conflicts and refusals on the pages', () => {
  it('shows both versions of a conflict and sends the choice to the background', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push(message);
      return Promise.resolve({ ok: true, value: true });
    });
    root = document.createElement('div');
    document.body.append(root);
    render(<SyncSummary state={state} L={L} />, root);
    const conflict = root.querySelector('[data-testid=vg-conflict]');
    const cells = [...(conflict?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(cells[0]).toEqual(['Under review', 'Verified']);
    expect(cells[1]).toEqual(['mine', 'theirs']);
    [...(conflict?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent === 'Keep mine')
      ?.click();
    await vi.waitFor(() =>
      expect(sent).toEqual([{ type: 'conflict/resolve', id: 'c1', keep: 'mine' }]),
    );
    // A refused change says why.
    expect(root.querySelector('[data-testid=vg-refusal]')?.textContent).toContain(
      'Viewers cannot change accounts. (forbidden)',
    );
  });
});
