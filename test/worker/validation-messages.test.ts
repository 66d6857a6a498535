import { beforeAll, describe, expect, it } from 'vitest';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

// The field messages a caller reads in `details` come from zod's English locale. The API's
// schemas use zod/mini, which (unlike classic zod) installs no locale by itself: without it
// every message would read "Invalid input". These pin the wording callers have always seen.
let team: Team;
beforeAll(async () => {
  team = await seedTeam('Validation messages team');
});

describe('validation_failed details', () => {
  it('names each bad field of a body with its own message', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: 'x-1', label: 'a'.repeat(201), colour: 'red' },
    });
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe('validation_failed');
    expect(err.details).toEqual(
      expect.arrayContaining([
        { path: 'label', message: 'Too big: expected string to have <=200 characters' },
        { path: '', message: 'Unrecognized key: "colour"' },
      ]),
    );
  });

  it('explains a wrong type, an unknown provider and a bad email', async () => {
    const account = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'nowhere', externalId: 42 },
    });
    expect(account.status).toBe(400);
    const accountDetails = (await errorOf(account)).details as { path: string; message: string }[];
    expect(accountDetails.find((d) => d.path === 'externalId')?.message).toBe(
      'Invalid input: expected string, received number',
    );
    expect(accountDetails.find((d) => d.path === 'provider')?.message).toMatch(
      /^Invalid option: expected one of "tencentcloud-intl"\|"commsease"/,
    );

    const member = await call('/members', {
      token: team.admin.token,
      body: { name: 'Li', email: 'not-an-address', role: 'viewer' },
    });
    expect(member.status).toBe(400);
    expect((await errorOf(member)).details).toEqual([
      { path: 'email', message: 'Invalid email address' },
    ]);
  });

  it('explains query parameters: not a number, out of range', async () => {
    const word = await call('/accounts?limit=many', { token: team.viewer.token });
    expect(word.status).toBe(400);
    expect((await errorOf(word)).details).toEqual([{ path: 'limit', message: 'a whole number' }]);

    const zero = await call('/accounts?limit=0', { token: team.viewer.token });
    expect(zero.status).toBe(400);
    expect((await errorOf(zero)).details).toEqual([
      { path: 'limit', message: 'Too small: expected number to be >=1' },
    ]);
  });

  it('says what is wrong with a patch: nothing to change, a bad time', async () => {
    const a = await createAccount(team.editor.token);
    const patch = (body: unknown) =>
      call(`/accounts/${a.id}`, {
        method: 'PATCH',
        token: team.editor.token,
        body,
        headers: { 'If-Match': '"1"' },
      });
    const empty = await patch({});
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).details).toEqual([{ path: '', message: 'nothing to change' }]);

    const badTime = await patch({ checklist: { 'some-step': 'yesterday' } });
    expect(badTime.status).toBe(400);
    expect((await errorOf(badTime)).details).toEqual([
      { path: 'checklist.some-step', message: 'Invalid ISO datetime' },
    ]);
  });
});
