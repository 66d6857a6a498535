import { describe, expect, it } from 'vitest';
import { createApi } from '../../../extension/background/api';

const ACCOUNT = {
  id: 'acc-1',
  provider: 'commsease',
  externalId: 'ops@example.test',
  label: null,
  entityType: 'individual',
  status: 'in_review',
  ownerMemberId: null,
  submittedAt: '2026-11-20T01:00:00.000Z',
  reviewWindow: { earliest: '2026-11-23', latest: '2026-11-25', estimate: false },
  overdue: false,
  verifiedAt: null,
  rejectedReason: null,
  lockedUntil: null,
  checklist: {},
  notes: null,
  version: 4,
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T01:00:00.000Z',
};

/** A fetch that records each request and answers like the worker. */
function recorder(answer: (req: Request) => Response) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push(req);
    return answer(req);
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

describe('team API client (Hono typed client over the worker’s routes)', () => {
  it('sends the token, If-Match, Idempotency-Key and bookmark, to the API origin only', async () => {
    let bookmark: string | null = 'bm-1';
    const { seen, fetch } = recorder(() => json(ACCOUNT, 200, { 'X-D1-Bookmark': 'bm-2' }));
    const api = createApi({
      apiUrl: 'https://api.example.test/some/path?x=1',
      token: 'vg_secret-token',
      fetch,
      bookmark: () => bookmark,
      onBookmark: (b) => {
        bookmark = b;
      },
    });
    const r = await api.transition(
      'acc-1',
      3,
      { to: 'in_review', at: ACCOUNT.submittedAt },
      'key-1',
    );
    expect(r).toMatchObject({ ok: true, data: { version: 4 } });
    await api.patch('acc-1', 4, { checklist: { step: null } });

    const [t, p] = seen;
    expect(t?.url).toBe('https://api.example.test/api/v1/accounts/acc-1/transitions');
    expect(t?.method).toBe('POST');
    expect(t?.headers.get('Authorization')).toBe('Bearer vg_secret-token');
    expect(t?.headers.get('If-Match')).toBe('"3"');
    expect(t?.headers.get('Idempotency-Key')).toBe('key-1');
    expect(t?.headers.get('X-D1-Bookmark')).toBe('bm-1');
    expect(await t?.json()).toEqual({ to: 'in_review', at: ACCOUNT.submittedAt });
    // The bookmark of the answer goes with the next request.
    expect(p?.headers.get('X-D1-Bookmark')).toBe('bm-2');
    expect(p?.method).toBe('PATCH');
    expect(p?.headers.get('If-Match')).toBe('"4"');
    expect(seen.every((req) => new URL(req.url).origin === 'https://api.example.test')).toBe(true);
  });

  it('returns the API’s error code and message, and status 0 when unreachable', async () => {
    const refused = createApi({
      apiUrl: 'https://api.example.test',
      token: 'vg_x',
      fetch: recorder(() =>
        json({ error: { code: 'precondition_failed', message: 'stale version' } }, 412),
      ).fetch,
    });
    expect(await refused.get('acc-1')).toMatchObject({
      ok: false,
      status: 412,
      code: 'precondition_failed',
      message: 'stale version',
    });
    const offline = createApi({
      apiUrl: 'https://api.example.test',
      token: 'vg_x',
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    expect(await offline.me()).toMatchObject({ ok: false, status: 0, code: 'unreachable' });
  });

  it('refuses a body that is not what the schema says (nothing malformed reaches the cache)', async () => {
    const api = createApi({
      apiUrl: 'https://api.example.test',
      token: 'vg_x',
      fetch: recorder(() => json({ ...ACCOUNT, status: 'teleported' })).fetch,
    });
    expect(await api.get('acc-1')).toMatchObject({ ok: false, code: 'bad_response' });
  });
});
