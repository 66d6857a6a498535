import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, Changes } from '../../shared/api/accounts';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Changes team');
});

const changes = async (
  since?: string,
  limit = 200,
  token = team.viewer.token,
): Promise<Changes> => {
  const q = new URLSearchParams({ limit: String(limit) });
  if (since) q.set('since', since);
  const res = await call(`/changes?${q}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Changes;
};

describe('GET /changes', () => {
  it('returns created, updated and deleted accounts after the cursor, deletes as tombstones', async () => {
    const start = await changes();
    const a = await createAccount(team.editor.token, { label: 'A' });
    const b = await createAccount(team.editor.token, { label: 'B' });
    const first = await changes(start.nextCursor);
    expect(first.items.map((i) => i.id)).toEqual([a.id, b.id]);

    await call(`/accounts/${a.id}`, {
      method: 'PATCH',
      token: team.editor.token,
      body: { label: 'A2' },
      headers: { 'If-Match': '"1"' },
    });
    await call(`/accounts/${b.id}`, { method: 'DELETE', token: team.admin.token });
    const second = await changes(first.nextCursor);
    expect(second.items).toEqual([
      expect.objectContaining({ id: a.id, label: 'A2', version: 2 }),
      { id: b.id, deleted: true, provider: b.provider, externalId: b.externalId },
    ]);
    const idle = await changes(second.nextCursor);
    expect(idle.items).toEqual([]);
    expect(idle.nextCursor).toBe(second.nextCursor);
  });

  it('never skips or repeats a change under concurrent writes, across small pages', async () => {
    const fresh = await seedTeam('Concurrent changes');
    const base = await changes(undefined, 200, fresh.viewer.token);
    const made: Account[] = await Promise.all(
      Array.from({ length: 12 }, () => createAccount(fresh.editor.token)),
    );
    // Concurrent PATCHes to the accounts while a reader follows the feed in pages of 5.
    const writes = Promise.all(
      made.map((a) =>
        call(`/accounts/${a.id}`, {
          method: 'PATCH',
          token: fresh.editor.token,
          body: { label: 'touched' },
          headers: { 'If-Match': '"1"' },
        }),
      ),
    );
    const seen: { id: string; version: number }[] = [];
    let cursor = base.nextCursor;
    for (let round = 0; round < 20; round++) {
      const page = await changes(cursor, 5, fresh.viewer.token);
      for (const item of page.items) {
        if ('version' in item) seen.push({ id: item.id, version: item.version });
      }
      cursor = page.nextCursor;
    }
    await writes;
    for (;;) {
      const page = await changes(cursor, 5, fresh.viewer.token);
      for (const item of page.items) {
        if ('version' in item) seen.push({ id: item.id, version: item.version });
      }
      cursor = page.nextCursor;
      if (!page.hasMore && page.items.length === 0) break;
    }
    // Each account's last state (version 2) arrives, and no state arrives twice.
    const keys = seen.map((s) => `${s.id}@${s.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of made) expect(keys).toContain(`${a.id}@2`);
  });

  it("shows no other team's changes and refuses a forged cursor", async () => {
    const other = await seedTeam('Other');
    const mine = await createAccount(team.editor.token);
    const theirs = await changes(undefined, 200, other.viewer.token);
    expect(theirs.items.map((i) => i.id)).not.toContain(mine.id);
    const res = await call('/changes?since=garbage', { token: team.viewer.token });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toEqual([{ path: 'since', message: expect.any(String) }]);
  });
});
