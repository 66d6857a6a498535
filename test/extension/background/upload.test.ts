import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getRecord, putRecord } from '../../../extension/background/records';
import { connect, resolveConflict } from '../../../extension/background/team';
import { conflictsItem, outboxItem } from '../../../extension/storage';
import { FakeTeam } from './fake-team';
import { A, API_URL, B, edited, OWNER_TOKEN } from './support';

const C = { provider: 'tencentcloud-intl' as const, externalId: '200000000003' };

let team: FakeTeam;
beforeEach(() => {
  fakeBrowser.reset();
  team = new FakeTeam();
});

describe('local-only mode, then connecting to a team', () => {
  it('works with no API at all: records are kept in this browser and nothing is queued', async () => {
    const deps = team.deps();
    await putRecord(A, edited(A, ['a1'], 'in_review'), deps);
    expect((await getRecord(A)).status).toBe('in_review');
    expect(await outboxItem.getValue()).toEqual([]);
    expect(team.requests).toEqual([]);
  });

  it('uploads local records, matching the team’s by provider and account id, reporting conflicts', async () => {
    // The team already has B (same progress as ours) and C (different progress).
    const seed = team.deps();
    const api = team.api(OWNER_TOKEN);
    const at = '2026-11-20T01:00:00.000Z';
    const b = await api.create({ provider: B.provider, externalId: B.externalId }, 'seed-b');
    const c = await api.create({ provider: C.provider, externalId: C.externalId }, 'seed-c');
    if (!b.ok || !c.ok) throw new Error('seed failed');
    await api.patch(b.data.id, b.data.version, { checklist: { b1: at } });
    await api.patch(c.data.id, c.data.version, { checklist: { theirs: at } });

    // Local-only work first: A is new to the team, B matches, C differs.
    await putRecord(A, edited(A, ['a1'], 'in_review'), seed);
    await putRecord(B, edited(B, ['b1']), seed);
    await putRecord(C, edited(C, ['mine']), seed);
    const before = team.events.length;

    const r = await connect({ apiUrl: API_URL, token: OWNER_TOKEN }, seed);
    expect(r).toMatchObject({ ok: true, upload: { created: 1, matched: 1, conflicts: 1 } });

    // A was created with its progress and status; B untouched; C untouched, conflict kept.
    const a = team.byKey(A.provider, A.externalId);
    expect(a).toMatchObject({ status: 'in_review', checklist: { a1: at } });
    expect(team.byKey(B.provider, B.externalId)?.version).toBe(b.data.version + 1);
    expect(team.byKey(C.provider, C.externalId)?.checklist).toEqual({ theirs: at });
    expect(team.events.length - before).toBe(4); // A: created, updated, 2 transitions
    const conflicts = await conflictsItem.getValue();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      reason: 'upload',
      key: C,
      mine: { checklist: { mine: at } },
      theirs: { checklist: { theirs: at } },
    });
    // The overlay shows the team's C (and keeps the local flow choice).
    expect(await getRecord(C)).toMatchObject({ checklist: { theirs: at }, flowId: 'individual' });

    // "Keep mine" on an upload conflict makes the team's record like this browser's.
    await resolveConflict(conflicts[0]?.id ?? '', 'mine', seed);
    expect(team.byKey(C.provider, C.externalId)?.checklist).toEqual({ mine: at });
    expect((await getRecord(C)).checklist).toEqual({ mine: at });
  });

  it('queues the upload while the API is unreachable after the token was checked', async () => {
    const deps = team.deps();
    await putRecord(A, edited(A, ['a1']), deps);
    const api = deps.api;
    // /me and /changes answer, then the network drops before the upload goes.
    deps.api = (conn, s) => ({
      ...api(conn, s),
      create: () => Promise.resolve({ ok: false, status: 0, code: 'unreachable', message: 'down' }),
    });
    const r = await connect({ apiUrl: API_URL, token: OWNER_TOKEN }, deps);
    expect(r.ok).toBe(true);
    expect((await outboxItem.getValue()).map((e) => e.kind)).toEqual(['create', 'patch']);
    expect(team.accounts.size).toBe(0);
  });
});
