import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createAccount, fingerprint, seedTeam, type Team } from './support/api';

/**
 * Arbitrary, wrongly typed, oversized and unknown-field bodies (and malformed CSV) sent to every
 * write route: the API never answers 5xx, and a refused request leaves the database as it was.
 */

let team: Team;
let accountId: string;
beforeAll(async () => {
  team = await seedTeam('Property team');
  accountId = (await createAccount(team.owner.token)).id;
});

type Target = { name: string; method: string; path: () => string; fields: string[] };
const TARGETS: Target[] = [
  {
    name: 'POST /accounts',
    method: 'POST',
    path: () => '/accounts',
    fields: ['provider', 'externalId', 'label', 'entityType', 'ownerMemberId', 'notes'],
  },
  {
    name: 'PATCH /accounts/:id',
    method: 'PATCH',
    path: () => `/accounts/${accountId}`,
    fields: ['label', 'notes', 'ownerMemberId', 'entityType', 'checklist'],
  },
  {
    name: 'POST /accounts/:id/transitions',
    method: 'POST',
    path: () => `/accounts/${accountId}/transitions`,
    fields: ['to', 'at', 'reason', 'flow'],
  },
  {
    name: 'POST /accounts/import',
    method: 'POST',
    path: () => '/accounts/import',
    fields: ['rows'],
  },
  {
    name: 'POST /members',
    method: 'POST',
    path: () => '/members',
    fields: ['name', 'email', 'role'],
  },
  {
    name: 'PATCH /members/:id',
    method: 'PATCH',
    path: () => `/members/${team.viewer.memberId}`,
    fields: ['name', 'role'],
  },
  {
    name: 'POST /members/:id/tokens',
    method: 'POST',
    path: () => `/members/${team.viewer.memberId}/tokens`,
    fields: ['name'],
  },
];

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 8 }).map((s) => s.repeat(9000)),
  fc.constantFrom(null, true, -1, 1e308, '', '=cmd()', '\u0000', '\uD800', [], {}),
);

/** A body as text: arbitrary JSON, known fields with hostile values, unknown fields, non-JSON. */
const bodyFor = (t: Target) =>
  fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc
      .record(Object.fromEntries(t.fields.map((f) => [f, hostile])), { requiredKeys: [] })
      .map((v) => JSON.stringify(v)),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue())
      .filter(([k]) => !t.fields.includes(k))
      .map(([k, v]) => JSON.stringify({ [k]: v })),
    fc.string({ maxLength: 200 }),
  );

const malformedCsv = fc
  .array(
    fc.constantFrom(
      '"',
      ',',
      '\n',
      '\r\n',
      'a',
      'commsease',
      'provider',
      'externalId',
      '\uFEFF',
      'x"y',
      '""',
      'notes',
      ' ',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const RUNS = 30;

describe('hostile input to every write route', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))(
    '%s: never 5xx; a refused request changes nothing',
    async (_name, target) => {
      await fc.assert(
        fc.asyncProperty(bodyFor(target), async (body) => {
          const before = await fingerprint();
          const res = await call(target.path(), {
            method: target.method,
            token: team.owner.token,
            raw: body,
            headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
          });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(await fingerprint()).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
    30_000,
  );

  it('POST /accounts/import with malformed CSV: never 5xx; a refused file changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(malformedCsv, async (csv) => {
        const before = await fingerprint();
        const res = await call('/accounts/import', {
          token: team.owner.token,
          raw: csv,
          headers: { 'Content-Type': 'text/csv' },
        });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await fingerprint()).toBe(before);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 30_000);

  it('DELETE routes and request headers: arbitrary If-Match, keys, bookmarks and ids never 5xx', async () => {
    const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ ifMatch: printable, key: printable, bookmark: printable, id: printable }),
        async ({ ifMatch, key, bookmark, id }) => {
          const before = await fingerprint();
          const headers = {
            'If-Match': ifMatch,
            'Idempotency-Key': key,
            'X-D1-Bookmark': bookmark,
          };
          for (const [method, path, body] of [
            ['DELETE', `/accounts/${accountId}`, undefined],
            ['DELETE', `/tokens/${encodeURIComponent(id)}`, undefined],
            ['DELETE', `/accounts/${encodeURIComponent(id)}`, undefined],
            ['PATCH', `/accounts/${accountId}`, { label: 'x' }],
            ['POST', `/accounts/${accountId}/transitions`, { to: 'in_progress' }],
          ] as const) {
            const res = await call(path, {
              method,
              token: team.admin.token,
              headers,
              ...(body ? { body } : {}),
            });
            expect(res.status, `${method} ${path}`).toBeLessThan(500);
            if (res.status < 400) return;
          }
          expect(await fingerprint()).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  }, 30_000);
});
