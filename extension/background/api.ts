import { hc } from 'hono/client';
import type { ZodMiniType } from 'zod/mini';
import {
  AccountPageSchema,
  AccountSchema,
  BOOKMARK_HEADER,
  ChangesSchema,
  type CreateAccount,
  ErrorBodySchema,
  EventPageSchema,
  ImportResultSchema,
  MemberListSchema,
  MeSchema,
  type PatchAccount,
  type Transition,
} from '../../shared/api/index';
import type { ProviderId } from '../../shared/playbooks/schema';
import type { Status } from '../../shared/rules/status-machine';
// Type only: nothing of the worker is bundled. The worker imports its Workers types explicitly
// (no globals), so this resolves in the DOM program too.
import type { AppType } from '../../worker/index';

/** An API answer: the parsed body, or the API's error (status 0: the API was not reached). */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; code: string; message: string; details?: unknown };

export interface ApiOptions {
  apiUrl: string;
  token: string;
  /** The last D1 bookmark seen, sent so reads include our own writes. */
  bookmark?: () => string | null;
  /** Called with the bookmark of every response. */
  onBookmark?: (bookmark: string) => void;
  fetch?: typeof fetch;
  locale?: string;
}

/** The origin pattern a host permission for `apiUrl` needs, e.g. `http://localhost:8787/*`. */
export const originPattern = (apiUrl: string): string => `${new URL(apiUrl).origin}/*`;

/**
 * The team API through Hono's typed client (paths, params and bodies checked against the
 * worker's routes at compile time). Every body is parsed again with the shared zod schemas
 * before the background stores it: the cache must never hold something the overlay cannot
 * read. The token goes only to `apiUrl`'s origin.
 */
export function createApi(opts: ApiOptions) {
  const origin = new URL(opts.apiUrl).origin;
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const client = hc<AppType>(origin, {
    fetch: doFetch,
    headers: (): Record<string, string> => {
      const bookmark = opts.bookmark?.();
      return {
        Authorization: `Bearer ${opts.token}`,
        ...(bookmark ? { [BOOKMARK_HEADER]: bookmark } : {}),
        ...(opts.locale ? { 'Accept-Language': opts.locale } : {}),
      };
    },
  }).api.v1;

  async function call<T>(
    run: () => Promise<Response>,
    parse: (body: unknown) => T,
  ): Promise<ApiResult<T>> {
    let res: Response;
    try {
      res = await run();
    } catch (err) {
      return { ok: false, status: 0, code: 'unreachable', message: String(err) };
    }
    const bookmark = res.headers.get(BOOKMARK_HEADER);
    if (bookmark) opts.onBookmark?.(bookmark);
    const text = await res.text().catch(() => '');
    let body: unknown = text;
    if ((res.headers.get('Content-Type') ?? '').includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    if (!res.ok) {
      const err = ErrorBodySchema.safeParse(body);
      return err.success
        ? { ok: false, status: res.status, ...err.data.error }
        : { ok: false, status: res.status, code: 'internal', message: `HTTP ${res.status}` };
    }
    try {
      return { ok: true, status: res.status, data: parse(body) };
    } catch (e) {
      return { ok: false, status: res.status, code: 'bad_response', message: String(e) };
    }
  }
  const with_ =
    <S extends ZodMiniType>(schema: S) =>
    (body: unknown) =>
      schema.parse(body);
  const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } });

  return {
    origin,
    me: () => call(() => client.me.$get(), with_(MeSchema)),
    changes: (since: string | null) =>
      call(
        () => client.changes.$get({ query: since ? { since, limit: '500' } : { limit: '500' } }),
        with_(ChangesSchema),
      ),
    list: (cursor: string | null) =>
      call(
        () => client.accounts.$get({ query: cursor ? { cursor, limit: '200' } : { limit: '200' } }),
        with_(AccountPageSchema),
      ),
    get: (id: string) =>
      call(() => client.accounts[':id'].$get({ param: { id } }), with_(AccountSchema)),
    lookup: (provider: ProviderId, externalId: string) =>
      call(
        () => client.accounts.lookup.$get({ query: { provider, externalId } }),
        with_(AccountSchema),
      ),
    create: (body: CreateAccount, idempotencyKey: string) =>
      call(
        () =>
          client.accounts.$post({ json: body }, { headers: { 'Idempotency-Key': idempotencyKey } }),
        with_(AccountSchema),
      ),
    patch: (id: string, version: number, body: PatchAccount) =>
      call(
        () => client.accounts[':id'].$patch({ param: { id }, json: body }, ifMatch(version)),
        with_(AccountSchema),
      ),
    transition: (id: string, version: number, body: Transition, idempotencyKey: string) =>
      call(
        () =>
          client.accounts[':id'].transitions.$post(
            { param: { id }, json: body },
            { headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey } },
          ),
        with_(AccountSchema),
      ),
    events: (id: string) =>
      call(
        () => client.accounts[':id'].events.$get({ param: { id }, query: { limit: '200' } }),
        with_(EventPageSchema),
      ),
    members: () => call(() => client.members.$get(), with_(MemberListSchema)),
    exportCsv: (query: {
      provider?: ProviderId;
      status?: Status;
      q?: string;
      overdue?: 'true' | 'false';
    }) =>
      call(
        // The route's query is validated by the worker; the typed client takes the strings.
        () => client.accounts.export.$get({ query }),
        (body) => String(body),
      ),
    importCsv: (csv: string, idempotencyKey: string) =>
      call(
        () =>
          client.accounts.import.$post(undefined, {
            headers: { 'Content-Type': 'text/csv', 'Idempotency-Key': idempotencyKey },
            init: { body: csv },
          }),
        with_(ImportResultSchema),
      ),
  };
}
export type Api = ReturnType<typeof createApi>;
