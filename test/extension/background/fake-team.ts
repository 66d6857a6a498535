import type { Api, ApiResult } from '../../../extension/background/api';
import type { Deps } from '../../../extension/background/context';
import type { Account } from '../../../shared/api/accounts';
import type { Me } from '../../../shared/api/members';

type Role = Me['member']['role'];

/**
 * An in-memory team API with the behaviour the outbox relies on: versions and If-Match (412),
 * Idempotency-Key replay (and 422 for the same key with another body), roles (403 for a
 * viewer's write), a /changes feed, and switches for an unreachable API or a lost response
 * (the request is applied, the answer never arrives). Every applied write is an event.
 */
export class FakeTeam {
  accounts = new Map<string, Account>();
  events: { seq: number; accountId: string; type: string; by: string }[] = [];
  online = true;
  /** The next N writes are applied but their responses are lost. */
  loseResponses = 0;
  /** Requests made (method and path), reachable or not. */
  requests: string[] = [];
  private idem = new Map<string, { body: string; result: ApiResult<unknown> }>();
  private seq = 0;
  private ids = 0;
  tokens = new Map<string, Role>([
    ['vg_owner-token-0001', 'owner'],
    ['vg_viewer-token-0002', 'viewer'],
  ]);

  deps(now = () => new Date('2026-11-20T02:00:00Z')): Deps {
    let n = 0;
    return {
      now,
      id: () => `id-${++n}-${Math.random().toString(36).slice(2, 8)}`,
      api: (conn) => this.api(conn.token),
    };
  }

  /** Another member's change, straight into the team's data. */
  otherMemberChanges(id: string, change: Partial<Account>): Account {
    const current = this.accounts.get(id);
    if (!current) throw new Error(`no account ${id}`);
    return this.write(id, { ...current, ...change }, 'updated', 'other');
  }

  byKey(provider: string, externalId: string): Account | undefined {
    return [...this.accounts.values()].find(
      (a) => a.provider === provider && a.externalId === externalId,
    );
  }

  private write(id: string, next: Account, type: string, by: string): Account {
    const saved = { ...next, version: next.version + 1, updatedAt: new Date().toISOString() };
    this.accounts.set(id, saved);
    this.events.push({ seq: ++this.seq, accountId: id, type, by });
    return saved;
  }

  api(token: string): Api {
    const role = this.tokens.get(token);
    const unreachable = { ok: false as const, status: 0, code: 'unreachable', message: 'offline' };
    const err = (status: number, code: string, message: string) => ({
      ok: false as const,
      status,
      code,
      message,
    });
    const gate = (what: string, write: boolean): ApiResult<never> | null => {
      this.requests.push(what);
      if (!this.online) return unreachable;
      if (!role) return err(401, 'unauthorized', 'bad token');
      if (write && role === 'viewer')
        return err(403, 'forbidden', 'Viewers cannot change accounts.');
      return null;
    };
    const deliver = <T>(result: ApiResult<T>): ApiResult<T> => {
      if (result.ok && this.loseResponses > 0) {
        this.loseResponses -= 1;
        return unreachable;
      }
      return result;
    };
    const idempotent = <T>(key: string, body: unknown, run: () => ApiResult<T>): ApiResult<T> => {
      const text = JSON.stringify(body);
      const seen = this.idem.get(key);
      if (seen) {
        return seen.body === text
          ? (seen.result as ApiResult<T>)
          : err(422, 'idempotency_key_reused', 'other body');
      }
      const result = run();
      if (result.ok) this.idem.set(key, { body: text, result });
      return result;
    };
    const ok = <T>(data: T, status = 200): ApiResult<T> => ({ ok: true, status, data });
    const fake = {
      origin: 'https://api.example.test',
      me: async () =>
        gate('GET /me', false) ??
        ok({
          member: { id: 'm1', name: 'Mei', email: 'mei@example.test', role: role as Role },
          team: { id: 't1', name: 'Ops' },
        }),
      changes: async (since: string | null) => {
        const g = gate('GET /changes', false);
        if (g) return g;
        const from = since ? Number(since) : 0;
        const latest = new Map<string, number>();
        for (const e of this.events) if (e.seq > from) latest.set(e.accountId, e.seq);
        const items = [...latest.keys()].flatMap((id) => {
          const a = this.accounts.get(id);
          return a ? [a] : [];
        });
        return ok({ items, nextCursor: String(this.seq), hasMore: false });
      },
      list: async () =>
        gate('GET /accounts', false) ??
        ok({ items: [...this.accounts.values()], nextCursor: null }),
      get: async (id: string) => {
        const g = gate(`GET /accounts/${id}`, false);
        if (g) return g;
        const a = this.accounts.get(id);
        return a ? ok(a) : err(404, 'not_found', 'no such account');
      },
      lookup: async (provider: string, externalId: string) => {
        const g = gate('GET /accounts/lookup', false);
        if (g) return g;
        const a = this.byKey(provider, externalId);
        return a ? ok(a) : err(404, 'not_found', 'no such account');
      },
      create: async (
        body: {
          provider: Account['provider'];
          externalId: string;
          entityType?: Account['entityType'];
        },
        key: string,
      ) => {
        const g = gate('POST /accounts', true);
        if (g) return g;
        return deliver(
          idempotent(key, body, () => {
            if (this.byKey(body.provider, body.externalId)) return err(409, 'conflict', 'exists');
            const id = `acc-${++this.ids}`;
            const now = new Date().toISOString();
            const account: Account = {
              id,
              provider: body.provider,
              externalId: body.externalId,
              label: null,
              entityType: body.entityType ?? 'unknown',
              status: 'unverified',
              ownerMemberId: null,
              submittedAt: null,
              reviewWindow: null,
              overdue: false,
              verifiedAt: null,
              rejectedReason: null,
              lockedUntil: null,
              checklist: {},
              notes: null,
              version: 0,
              createdAt: now,
              updatedAt: now,
            };
            return ok(this.write(id, account, 'created', 'me'), 201);
          }),
        );
      },
      patch: async (
        id: string,
        version: number,
        body: { entityType?: Account['entityType']; checklist?: Record<string, string | null> },
      ) => {
        const g = gate(`PATCH /accounts/${id}`, true);
        if (g) return g;
        const a = this.accounts.get(id);
        if (!a) return err(404, 'not_found', 'no such account');
        if (a.version !== version) return err(412, 'precondition_failed', 'stale');
        const checklist = { ...a.checklist };
        for (const [step, at] of Object.entries(body.checklist ?? {})) {
          if (at === null) delete checklist[step];
          else checklist[step] = at;
        }
        return deliver(
          ok(
            this.write(
              id,
              { ...a, entityType: body.entityType ?? a.entityType, checklist },
              'updated',
              'me',
            ),
          ),
        );
      },
      transition: async (
        id: string,
        version: number,
        body: { to: Account['status']; at?: string; reason?: string },
        key: string,
      ) => {
        const g = gate(`POST /accounts/${id}/transitions`, true);
        if (g) return g;
        return deliver(
          idempotent(key, body, () => {
            const a = this.accounts.get(id);
            if (!a) return err(404, 'not_found', 'no such account');
            if (a.version !== version) return err(412, 'precondition_failed', 'stale');
            const next: Account = { ...a, status: body.to };
            if (body.to === 'in_review') {
              next.submittedAt = body.at ?? null;
              next.reviewWindow = { earliest: '2026-11-23', latest: '2026-11-25', estimate: false };
            }
            if (body.to === 'rejected') next.rejectedReason = body.reason ?? null;
            return ok(this.write(id, next, 'transitioned', 'me'));
          }),
        );
      },
      events: async (id: string) =>
        gate(`GET /accounts/${id}/events`, false) ??
        ok({
          items: this.events
            .filter((e) => e.accountId === id)
            .map((e) => ({
              id: e.seq,
              type: e.type as 'updated',
              at: '2026-11-20T00:00:00Z',
              actor: { id: e.by, name: e.by },
              before: null,
              after: null,
            })),
          nextCursor: null,
        }),
      members: async () => gate('GET /members', false) ?? ok({ items: [] }),
      exportCsv: async () => gate('GET /accounts/export', false) ?? ok('provider,externalId\n'),
      importCsv: async () =>
        gate('POST /accounts/import', true) ?? ok({ created: 0, items: [], errors: [] }),
    };
    // The fake answers the same calls with the same result shapes as createApi's client.
    return fake as unknown as Api;
  }
}
