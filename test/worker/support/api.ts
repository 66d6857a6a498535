import { env, exports } from 'cloudflare:workers';
import type { Account } from '../../../shared/api/accounts';
import type { Role } from '../../../shared/api/members';
import { newToken, sha256Hex } from '../../../worker/auth/tokens';

export const BASE = 'http://api.test/api/v1';

export interface Caller {
  memberId: string;
  token: string;
  tokenId: string;
}
export interface Team {
  id: string;
  owner: Caller;
  admin: Caller;
  editor: Caller;
  viewer: Caller;
}

const now = () => new Date().toISOString();

/** Inserts a member with one token straight into D1 (the API needs a token to start with). */
export const seedMember = async (
  teamId: string,
  role: Role,
  name: string = role,
): Promise<Caller> => {
  const memberId = crypto.randomUUID();
  const tokenId = crypto.randomUUID();
  const token = newToken();
  await env.DB.batch([
    env.DB.prepare(
      'INSERT INTO members (id, team_id, name, email, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).bind(
      memberId,
      teamId,
      name,
      `${name}.${memberId.slice(0, 8)}@example.com`,
      role,
      now(),
      now(),
    ),
    env.DB.prepare(
      'INSERT INTO tokens (id, team_id, member_id, hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ).bind(tokenId, teamId, memberId, await sha256Hex(token), now()),
  ]);
  return { memberId, token, tokenId };
};

/** A team with one member (and token) per role. */
export const seedTeam = async (name = 'Team'): Promise<Team> => {
  const id = crypto.randomUUID();
  await env.DB.prepare('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)')
    .bind(id, name, now())
    .run();
  return {
    id,
    owner: await seedMember(id, 'owner'),
    admin: await seedMember(id, 'admin'),
    editor: await seedMember(id, 'editor'),
    viewer: await seedMember(id, 'viewer'),
  };
};

export interface CallOptions {
  method?: string;
  token?: string | undefined;
  body?: unknown;
  /** Sent as is (no JSON encoding) when a string body with its own content type is wanted. */
  raw?: string;
  headers?: Record<string, string>;
}

/** Calls the worker's fetch handler in the Workers runtime. */
export const call = (path: string, opts: CallOptions = {}): Promise<Response> => {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return exports.default.fetch(
    new Request(path.startsWith('http') ? path : `${BASE}${path}`, {
      method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    }),
  );
};

export interface ErrorJson {
  error: { code: string; message: string; details?: unknown };
}

export const errorOf = async (res: Response): Promise<ErrorJson['error']> =>
  ((await res.json()) as ErrorJson).error;

let counter = 0;
/** Creates an account through the API and returns it. */
export const createAccount = async (
  token: string,
  body: Record<string, unknown> = {},
): Promise<Account> => {
  counter += 1;
  const res = await call('/accounts', {
    token,
    body: { provider: 'commsease', externalId: `acct-${counter}-${crypto.randomUUID()}`, ...body },
  });
  if (res.status !== 201) throw new Error(`create failed ${res.status} ${await res.text()}`);
  return (await res.json()) as Account;
};

/**
 * A fingerprint of everything a request could write (token last-use times aside): equal
 * fingerprints before and after a refused request mean it changed nothing.
 */
export const fingerprint = async (): Promise<string> => {
  const parts = await env.DB.batch([
    env.DB.prepare(
      "SELECT group_concat(id || ':' || version || ':' || COALESCE(deleted_at, ''), ',') AS v FROM (SELECT * FROM accounts ORDER BY id)",
    ),
    env.DB.prepare("SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) AS v FROM events"),
    env.DB.prepare(
      "SELECT group_concat(id || ':' || role || ':' || name, ',') AS v FROM (SELECT * FROM members ORDER BY id)",
    ),
    env.DB.prepare(
      "SELECT group_concat(id || ':' || COALESCE(revoked_at, ''), ',') AS v FROM (SELECT * FROM tokens ORDER BY id)",
    ),
    env.DB.prepare('SELECT COUNT(*) AS v FROM idempotency_keys'),
  ]);
  return parts.map((p) => String((p.results[0] as { v: unknown } | undefined)?.v)).join('|');
};
