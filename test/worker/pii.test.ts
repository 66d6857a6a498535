import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

// Checksum-valid test numbers: a resident ID (GB 11643 check character) and a Luhn-valid card.
const RESIDENT_ID = '11010519491231002X';
const CARD = '4111 1111 1111 1111';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('PII team');
});

const stored = async (needle: string): Promise<number> => {
  const digits = needle.replace(/\D/g, '').slice(0, 12);
  const a = await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM accounts WHERE REPLACE(REPLACE(COALESCE(notes,'') || COALESCE(label,'') || COALESCE(rejected_reason,''), ' ', ''), '-', '') LIKE ?",
  )
    .bind(`%${digits}%`)
    .first<{ n: number }>();
  const e = await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM events WHERE REPLACE(COALESCE(before,'') || COALESCE(after,''), ' ', '') LIKE ?",
  )
    .bind(`%${digits}%`)
    .first<{ n: number }>();
  return (a?.n ?? 0) + (e?.n ?? 0);
};

describe('free text holding a document or card number is refused (422 pii_detected)', () => {
  it.each([
    ['resident ID in notes on create', RESIDENT_ID],
    ['card number in notes on create', CARD],
  ])('%s: nothing stored', async (_name, number) => {
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM accounts').first<{
      n: number;
    }>();
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: `pii-${number}`, notes: `owner id ${number} ok` },
    });
    expect(res.status).toBe(422);
    const err = await errorOf(res);
    expect(err.code).toBe('pii_detected');
    expect(JSON.stringify(err)).not.toContain(number);
    expect((err.details as { path: string }[])[0]?.path).toBe('notes');
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM accounts').first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
    expect(await stored(number)).toBe(0);
  });

  it('refuses it in a PATCH of the label and keeps the record as it was', async () => {
    const a = await createAccount(team.editor.token, { notes: 'fine' });
    const res = await call(`/accounts/${a.id}`, {
      method: 'PATCH',
      token: team.editor.token,
      body: { label: `card ${CARD}` },
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(422);
    const now = (await (
      await call(`/accounts/${a.id}`, { token: team.viewer.token })
    ).json()) as Account;
    expect(now.version).toBe(1);
    expect(await stored(CARD)).toBe(0);
  });

  it('refuses it in a rejection reason', async () => {
    let a = await createAccount(team.editor.token);
    for (const to of ['in_progress', 'in_review']) {
      const r = await call(`/accounts/${a.id}/transitions`, {
        token: team.editor.token,
        body: { to },
        headers: { 'If-Match': `"${a.version}"` },
      });
      a = (await r.json()) as Account;
    }
    const res = await call(`/accounts/${a.id}/transitions`, {
      token: team.editor.token,
      body: { to: 'rejected', reason: `ID ${RESIDENT_ID} did not match` },
      headers: { 'If-Match': `"${a.version}"` },
    });
    expect(res.status).toBe(422);
    expect(await stored(RESIDENT_ID)).toBe(0);
  });

  it('accepts ordinary notes with dates, phone numbers and account ids', async () => {
    const a = await createAccount(team.editor.token, {
      notes:
        'Call +86 138 0013 8000 on 2026-11-21; Tencent account 100012345678, order 20261121001',
    });
    expect(a.notes).toContain('138 0013 8000');
  });
});
