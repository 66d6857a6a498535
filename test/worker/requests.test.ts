import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Requests team');
});

describe('bounded, typed bodies', () => {
  it('answers 413 for a JSON body over 64 KB, before parsing it', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      raw: `{"provider":"commsease","externalId":"big","notes":"${'a'.repeat(70_000)}"}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
    // Not even valid JSON: still 413, the body was never parsed.
    const junk = await call('/accounts', {
      token: team.editor.token,
      raw: '{'.repeat(70_000),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(junk.status).toBe(413);
  });

  it('accepts an import up to 1 MB but not beyond', async () => {
    const big = `provider,externalId,notes\n${'commsease,x,'.padEnd(1_100_000, 'n')}\n`;
    const res = await call('/accounts/import', {
      token: team.editor.token,
      raw: big,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(413);
  });

  it('answers 415 for a body that is not JSON on a JSON route', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      raw: 'provider=commsease',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('unsupported_media_type');
  });

  it('answers 400 validation_failed for malformed JSON', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      raw: '{"provider": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('validation_failed');
  });

  it('answers a JSON 404 for an unknown route', async () => {
    const res = await call('/nothing-here', { token: team.viewer.token });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });
});

describe('D1 sessions: X-D1-Bookmark', () => {
  it('returns a bookmark on every API response and accepts it back to read its own write', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: 'bookmark-1' },
    });
    const bookmark = res.headers.get('X-D1-Bookmark');
    expect(bookmark).toBeTruthy();
    const created = (await res.json()) as Account;
    const read = await call(`/accounts/${created.id}`, {
      token: team.viewer.token,
      headers: { 'X-D1-Bookmark': bookmark ?? '' },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('X-D1-Bookmark')).toBeTruthy();
  });

  it('ignores a malformed bookmark instead of failing the request', async () => {
    const a = await createAccount(team.editor.token);
    const read = await call(`/accounts/${a.id}`, {
      token: team.viewer.token,
      headers: { 'X-D1-Bookmark': 'not-a-bookmark' },
    });
    expect(read.status).toBe(200);
  });
});
