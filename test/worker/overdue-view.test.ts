import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { app } from '../../worker/app';
import { BASE, call, errorOf, seedTeam, type Team } from './support/api';

type Page = { items: Account[]; nextCursor: string | null };

let team: Team;
/** external id -> the last day of its review window, for the accounts that are overdue. */
const overdue = new Map<string, string>();

beforeAll(async () => {
  team = await seedTeam('Overdue team');
  const ids = Array.from({ length: 14 }, (_, i) => `od-${String(i).padStart(2, '0')}`);
  const res = await call('/accounts/import', {
    token: team.editor.token,
    raw: ['provider,externalId', ...ids.map((id) => `commsease,${id}`)].join('\n'),
    headers: { 'Content-Type': 'text/csv' },
  });
  expect(res.status).toBe(200);
  // The API cannot backdate a review, so the queue is set up in SQL: 8 overdue accounts with
  // ties on the window's last day, 3 in a window still open, 3 not in review. Updated-at runs
  // against the review order, so a list in updated-at order would come out differently.
  const windows = ['2026-01-09', '2026-01-09', '2026-01-09', '2026-02-01', '2026-03-15'];
  const statements = ids.map((externalId, i) => {
    const latest = i < 8 ? (windows[i % windows.length] as string) : i < 11 ? '2099-01-06' : null;
    if (latest && latest < '2099') overdue.set(externalId, latest);
    return env.DB.prepare(
      `UPDATE accounts SET status = ?, review_earliest = ?, review_latest = ?, updated_at = ?
       WHERE team_id = ? AND external_id = ?`,
    ).bind(
      latest ? 'in_review' : 'unverified',
      latest ? '2026-01-01' : null,
      latest,
      `2026-11-0${(i % 9) + 1}T00:00:00.000Z`,
      team.id,
      externalId,
    );
  });
  await env.DB.batch(statements);
});

const pages = async (query: string): Promise<Account[]> => {
  const items: Account[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res = await call(`/accounts?${query}${cursor ? `&cursor=${cursor}` : ''}`, {
      token: team.viewer.token,
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('the cursor never ended');
};

describe('the overdue view: most overdue first', () => {
  it('lists every overdue account once, by the last day of its window, across small pages', async () => {
    const items = await pages('overdue=true&limit=3');
    const expected = [...overdue.entries()]
      .map(([externalId, latest]) => ({ externalId, latest }))
      .sort((a, b) => a.latest.localeCompare(b.latest));
    expect(items.map((a) => a.reviewWindow?.latest)).toEqual(expected.map((e) => e.latest));
    expect(new Set(items.map((a) => a.externalId))).toEqual(new Set(overdue.keys()));
    expect(items.every((a) => a.overdue && a.status === 'in_review')).toBe(true);
    // Ties on the last day come in id order, so a page boundary inside a tie loses nothing.
    const tied = items.filter((a) => a.reviewWindow?.latest === '2026-01-09').map((a) => a.id);
    expect(tied).toEqual([...tied].sort());
    // The same with status=in_review, as a review queue asks for it.
    expect((await pages('status=in_review&overdue=true&limit=2')).map((a) => a.id)).toEqual(
      items.map((a) => a.id),
    );
  });

  it('leaves out a deleted account', async () => {
    const [first] = await pages('overdue=true&limit=1');
    if (!first) throw new Error('no overdue account');
    const del = await call(`/accounts/${first.id}`, {
      method: 'DELETE',
      token: team.admin.token,
      headers: { 'If-Match': `"${first.version}"` },
    });
    expect(del.status).toBe(204);
    overdue.delete(first.externalId);
    const ids = (await pages('overdue=true&limit=4')).map((a) => a.id);
    expect(ids).not.toContain(first.id);
    expect(ids).toHaveLength(overdue.size);
  });

  it('refuses a cursor of the usual order, and the usual order refuses its cursors', async () => {
    const usual = (await (
      await call('/accounts?limit=1', { token: team.viewer.token })
    ).json()) as Page;
    const view = (await (
      await call('/accounts?overdue=true&limit=1', { token: team.viewer.token })
    ).json()) as Page;
    expect(usual.nextCursor && view.nextCursor).toBeTruthy();
    const a = await call(`/accounts?overdue=true&cursor=${usual.nextCursor}`, {
      token: team.viewer.token,
    });
    expect(a.status).toBe(400);
    expect((await errorOf(a)).code).toBe('validation_failed');
    const b = await call(`/accounts?cursor=${view.nextCursor}`, { token: team.viewer.token });
    expect(b.status).toBe(400);
  });

  it("reads a page from the index in order: no scan, no sort of the team's overdue rows", async () => {
    const first = (await (
      await call('/accounts?overdue=true&limit=2', { token: team.viewer.token })
    ).json()) as Page;
    const recorded: { sql: string; params: unknown[] }[] = [];
    const db = new Proxy(env.DB, {
      get(t, prop) {
        if (prop === 'withSession') {
          return (constraint?: string) => {
            const s = t.withSession(constraint);
            return new Proxy(s, {
              get(st, p) {
                if (p === 'prepare') {
                  return (sql: string) => {
                    const stmt = st.prepare(sql);
                    return {
                      bind: (...params: unknown[]) => {
                        recorded.push({ sql, params });
                        return stmt.bind(...params);
                      },
                    };
                  };
                }
                const v = Reflect.get(st, p);
                return typeof v === 'function' ? v.bind(st) : v;
              },
            });
          };
        }
        const v = Reflect.get(t, prop);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
    const res = await app.fetch(
      new Request(`${BASE}/accounts?overdue=true&limit=2&cursor=${first.nextCursor}`, {
        headers: { Authorization: `Bearer ${team.viewer.token}` },
      }),
      { ...env, DB: db },
    );
    expect(res.status).toBe(200);
    const page = recorded.find((r) => /from "accounts"/.test(r.sql) && /order by/i.test(r.sql));
    if (!page) throw new Error(`no page query among ${recorded.map((r) => r.sql).join('\n')}`);
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${page.sql}`)
      .bind(...page.params)
      .all<{ detail: string }>();
    const details = plan.results.map((r) => r.detail);
    expect(details).toContainEqual(
      expect.stringMatching(/^SEARCH accounts USING INDEX accounts_team_status_review /),
    );
    expect(details.filter((d) => /^SCAN accounts|TEMP B-TREE/.test(d))).toEqual([]);
  });
});
