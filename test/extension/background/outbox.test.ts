import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushOutbox } from '../../../extension/background/outbox';
import { getRecord, putRecord } from '../../../extension/background/records';
import { syncChanges } from '../../../extension/background/sync';
import { connect, resolveConflict } from '../../../extension/background/team';
import { conflictsItem, outboxItem, refusalsItem } from '../../../extension/storage';
import { FakeTeam } from './fake-team';
import { A, API_URL, B, edited, OWNER_TOKEN, VIEWER_TOKEN } from './support';

let team: FakeTeam;
beforeEach(async () => {
  fakeBrowser.reset();
  team = new FakeTeam();
});

const connected = async (token = OWNER_TOKEN) => {
  const deps = team.deps();
  const r = await connect({ apiUrl: API_URL, token }, deps);
  expect(r.ok).toBe(true);
  return deps;
};

const writes = () => team.events.filter((e) => e.by === 'me');

describe('outbox', () => {
  it('keeps changes made while the API is unreachable and delivers them when it is back', async () => {
    const deps = await connected();
    team.online = false;
    await putRecord(A, edited(A, ['account-type']), deps);
    await putRecord(A, edited(A, ['account-type', 'upload-docs'], 'in_review'), deps);
    expect(await flushOutbox(deps)).toMatchObject({ delivered: 0, waiting: 5 });
    // create, patch, patch, in_progress, in_review: all waiting, nothing at the team.
    expect((await outboxItem.getValue()).map((e) => e.kind)).toEqual([
      'create',
      'patch',
      'patch',
      'transition',
      'transition',
    ]);
    expect(team.accounts.size).toBe(0);
    // The overlay already shows what the user did.
    expect((await getRecord(A)).status).toBe('in_review');

    team.online = true;
    expect(await flushOutbox(deps)).toMatchObject({ delivered: 5, waiting: 0, conflicts: 0 });
    const account = team.byKey(A.provider, A.externalId);
    expect(account).toMatchObject({ status: 'in_review', entityType: 'individual' });
    expect(Object.keys(account?.checklist ?? {})).toEqual(['account-type', 'upload-docs']);
    expect(writes().map((e) => e.type)).toEqual([
      'created',
      'updated',
      'updated',
      'transitioned',
      'transitioned',
    ]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('survives a restart: everything waiting is in storage, with the keys made when queued', async () => {
    const deps = await connected();
    team.online = false;
    await putRecord(A, edited(A, ['account-type'], 'in_review'), deps);
    const stored = await fakeBrowser.storage.local.get('veriguide:outbox');
    const queued = stored['veriguide:outbox'] as { id: string }[];
    // create, patch (type + progress), in_progress, in_review
    expect(queued.length).toBe(4);

    // A new service worker: the background's modules load again (nothing kept in memory),
    // with fresh deps; only extension storage carries over.
    team.online = true;
    team.loseResponses = 1;
    await flushOutbox(deps);
    vi.resetModules();
    const fresh = await import('../../../extension/background/outbox');
    expect(fresh.flushOutbox).not.toBe(flushOutbox);
    const restarted = team.deps();
    expect(await fresh.flushOutbox(restarted)).toMatchObject({ delivered: 4, waiting: 0 });
    expect(team.byKey(A.provider, A.externalId)?.status).toBe('in_review');
    expect(writes()).toHaveLength(4);
  });

  it('delivers each change once when answers are lost and the same entries are sent again', async () => {
    const deps = await connected();
    team.online = false;
    await putRecord(A, edited(A, ['account-type'], 'in_review'), deps);
    team.online = true;
    // Every write lands, and every answer is lost (the worker died or the network dropped).
    for (let i = 0; i < 5; i++) {
      team.loseResponses = 1;
      await flushOutbox(deps);
    }
    expect(await flushOutbox(deps)).toMatchObject({ waiting: 0, conflicts: 0 });
    expect(writes().map((e) => e.type)).toEqual([
      'created',
      'updated',
      'transitioned',
      'transitioned',
    ]);
    expect(team.accounts.size).toBe(1);
    expect(await conflictsItem.getValue()).toEqual([]);
    // Retried creates and transitions carried the same Idempotency-Key each time.
    expect(team.requests.filter((r) => r === 'POST /accounts').length).toBeGreaterThan(1);
  });

  it('keeps the order per account, and one account waiting does not hold back another', async () => {
    const deps = await connected();
    team.online = false;
    await putRecord(A, edited(A, ['a1']), deps);
    await putRecord(B, edited(B, ['b1']), deps);
    await putRecord(A, edited(A, ['a1', 'a2'], 'in_review'), deps);
    team.online = true;
    // A's account is refused for a moment (the create answers 500): B still goes.
    const create = team.api(OWNER_TOKEN).create;
    let failA = true;
    const realApi = deps.api;
    deps.api = (conn, s) => {
      const api = realApi(conn, s);
      return {
        ...api,
        create: (body, key) =>
          body.provider === A.provider && failA
            ? Promise.resolve({ ok: false, status: 503, code: 'internal', message: 'busy' })
            : create(body, key),
      };
    };
    expect(await flushOutbox(deps)).toMatchObject({ delivered: 2, waiting: 5 });
    expect(team.byKey(B.provider, B.externalId)?.checklist).toHaveProperty('b1');
    expect(team.byKey(A.provider, A.externalId)).toBeUndefined();
    failA = false;
    await flushOutbox(deps);
    const a = team.byKey(A.provider, A.externalId);
    expect(a?.status).toBe('in_review');
    const aEvents = team.events.filter((e) => e.accountId === a?.id).map((e) => e.type);
    expect(aEvents).toEqual(['created', 'updated', 'updated', 'transitioned', 'transitioned']);
  });

  it('keeps a 412 conflict with both versions, never overwriting the other member', async () => {
    const deps = await connected();
    await putRecord(A, edited(A, ['a1']), deps);
    await flushOutbox(deps);
    const id = team.byKey(A.provider, A.externalId)?.id ?? '';
    team.online = false;
    await putRecord(A, edited(A, ['a1', 'mine']), deps);
    // Meanwhile another member ticks something else on the team's record.
    team.otherMemberChanges(id, { checklist: { a1: '2026-11-20T01:00:00.000Z', theirs: 'x' } });
    team.online = true;
    expect(await flushOutbox(deps)).toMatchObject({ conflicts: 1, waiting: 0 });

    expect(Object.keys(team.accounts.get(id)?.checklist ?? {})).toEqual(['a1', 'theirs']);
    const [conflict] = await conflictsItem.getValue();
    expect(conflict?.mine.checklist).toHaveProperty('mine');
    expect(conflict?.theirs.checklist).toHaveProperty('theirs');
    // Until the user chooses, the overlay shows the team's record.
    expect((await getRecord(A)).checklist).toHaveProperty('theirs');

    // Work goes on meanwhile, on the team's version shown in the overlay.
    await putRecord(
      A,
      { ...(await getRecord(A)), checklist: { ...(await getRecord(A)).checklist, later: 'y' } },
      deps,
    );
    await flushOutbox(deps);
    // "Keep mine": what I changed against the team's version of the time goes on top of the
    // current one; nobody's other changes are lost.
    await resolveConflict(conflict?.id ?? '', 'mine', deps);
    expect(Object.keys(team.accounts.get(id)?.checklist ?? {}).sort()).toEqual([
      'a1',
      'later',
      'mine',
      'theirs',
    ]);
    expect(Object.keys((await getRecord(A)).checklist).sort()).toEqual([
      'a1',
      'later',
      'mine',
      'theirs',
    ]);
    expect(await conflictsItem.getValue()).toEqual([]);
  });

  it("'keep the team's' drops this browser's version of a conflict", async () => {
    const deps = await connected();
    await putRecord(A, edited(A, ['a1']), deps);
    await flushOutbox(deps);
    const id = team.byKey(A.provider, A.externalId)?.id ?? '';
    team.online = false;
    await putRecord(A, edited(A, ['a1', 'mine']), deps);
    team.otherMemberChanges(id, { status: 'in_progress' });
    team.online = true;
    await flushOutbox(deps);
    const [conflict] = await conflictsItem.getValue();
    await resolveConflict(conflict?.id ?? '', 'theirs', deps);
    expect(team.accounts.get(id)?.checklist).not.toHaveProperty('mine');
    expect((await getRecord(A)).status).toBe('in_progress');
    expect((await getRecord(A)).checklist).not.toHaveProperty('mine');
  });

  it('shows why the API refused a change (a viewer) and goes back to the team record', async () => {
    const owner = await connected();
    await putRecord(A, edited(A, ['a1']), owner);
    await flushOutbox(owner);
    const viewer = await connected(VIEWER_TOKEN);
    await syncChanges(viewer);
    await putRecord(A, edited(A, ['a1', 'nope']), viewer);
    expect(await flushOutbox(viewer)).toMatchObject({ refused: 1, waiting: 0 });
    const [refusal] = await refusalsItem.getValue();
    expect(refusal).toMatchObject({
      code: 'forbidden',
      message: 'Viewers cannot change accounts.',
    });
    expect((await getRecord(A)).checklist).not.toHaveProperty('nope');
  });
});
