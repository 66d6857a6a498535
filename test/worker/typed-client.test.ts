import { describe, expect, it } from 'vitest';
import { seedTeam } from './support/api';
import { typedClient } from './support/typed-client';

describe("the exported AppType drives Hono's typed client", () => {
  it('creates, lists and transitions an account with typed requests and responses', async () => {
    const team = await seedTeam('Typed client');
    const api = typedClient(team.editor.token).api.v1;
    const created = await api.accounts.$post({
      json: { provider: 'commsease', externalId: 'typed-1', label: 'Typed' },
    });
    expect(created.status).toBe(201);
    const account = await created.json();
    expect(account.label).toBe('Typed');

    const page = await api.accounts.$get({ query: { limit: '5', provider: 'commsease' } });
    expect((await page.json()).items.map((a) => a.id)).toEqual([account.id]);

    const moved = await api.accounts[':id'].transitions.$post(
      { param: { id: account.id }, json: { to: 'in_progress' } },
      { headers: { 'If-Match': `"${account.version}"` } },
    );
    expect(moved.status).toBe(200);
  });
});
