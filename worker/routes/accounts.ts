import { Hono } from 'hono/tiny';
import {
  AccountFilterSchema,
  CreateAccountSchema,
  EventsQuerySchema,
  ImportJsonSchema,
  ListAccountsQuerySchema,
  LookupQuerySchema,
  PatchAccountSchema,
  TransitionSchema,
} from '../../shared/api/accounts';
import { ValidationError, zodIssues } from '../errors';
import { bodyGuard, IMPORT_LIMIT, idempotency, jsonBody } from '../http/middleware';
import { json, query } from '../http/validate';
import { createAccount } from '../services/accounts/create';
import { deleteAccount } from '../services/accounts/delete';
import { listEvents } from '../services/accounts/events';
import { exportAccounts } from '../services/accounts/export';
import { getAccount } from '../services/accounts/get';
import { importAccounts } from '../services/accounts/import';
import { listAccounts } from '../services/accounts/list';
import { lookupAccount } from '../services/accounts/lookup';
import { transitionAccount } from '../services/accounts/transition';
import { updateAccount } from '../services/accounts/update';
import { type AppEnv, ctxOf, readCtxOf } from './app-env';

const etag = (version: number) => `"${version}"`;

/** /accounts: thin handlers; the verbs in services/accounts do the work and the role checks. */
export const accountsRoutes = new Hono<AppEnv>()
  .get('/', query(ListAccountsQuerySchema), async (c) =>
    c.json(await listAccounts({ ctx: readCtxOf(c), input: c.req.valid('query') }), 200),
  )
  .post('/', jsonBody(), idempotency, json(CreateAccountSchema), async (c) => {
    const account = await createAccount({ ctx: ctxOf(c), input: c.req.valid('json') });
    c.header('ETag', etag(account.version));
    c.header('Location', `/api/v1/accounts/${account.id}`);
    return c.json(account, 201);
  })
  .get('/lookup', query(LookupQuerySchema), async (c) => {
    const account = await lookupAccount({ ctx: readCtxOf(c), input: c.req.valid('query') });
    c.header('ETag', etag(account.version));
    return c.json(account, 200);
  })
  .get('/export', query(AccountFilterSchema), async (c) => {
    const csv = await exportAccounts({ ctx: ctxOf(c), input: c.req.valid('query') });
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="accounts.csv"',
    });
  })
  .post(
    '/import',
    bodyGuard({ maxBytes: IMPORT_LIMIT, types: ['text/csv', 'application/json'] }),
    idempotency,
    async (c) => {
      const ctx = ctxOf(c);
      const text = await c.req.text();
      if ((c.req.header('Content-Type') ?? '').toLowerCase().startsWith('text/csv')) {
        return c.json(await importAccounts({ ctx, input: { csv: text } }), 200);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ValidationError([{ path: '', message: 'Malformed JSON in request body' }]);
      }
      const parsed = ImportJsonSchema.safeParse(body);
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
      return c.json(await importAccounts({ ctx, input: { rows: parsed.data.rows } }), 200);
    },
  )
  .get('/:id', async (c) => {
    const account = await getAccount({ ctx: readCtxOf(c), input: { id: c.req.param('id') } });
    c.header('ETag', etag(account.version));
    return c.json(account, 200);
  })
  .patch('/:id', jsonBody(), json(PatchAccountSchema), async (c) => {
    const account = await updateAccount({
      ctx: readCtxOf(c),
      input: {
        id: c.req.param('id'),
        ifMatch: c.req.header('If-Match'),
        patch: c.req.valid('json'),
      },
    });
    c.header('ETag', etag(account.version));
    return c.json(account, 200);
  })
  .post('/:id/transitions', jsonBody(), idempotency, json(TransitionSchema), async (c) => {
    const account = await transitionAccount({
      ctx: readCtxOf(c),
      input: {
        id: c.req.param('id'),
        ifMatch: c.req.header('If-Match'),
        body: c.req.valid('json'),
      },
    });
    c.header('ETag', etag(account.version));
    return c.json(account, 200);
  })
  .get('/:id/events', query(EventsQuerySchema), async (c) =>
    c.json(
      await listEvents({
        ctx: ctxOf(c),
        input: { id: c.req.param('id'), ...c.req.valid('query') },
      }),
      200,
    ),
  )
  .delete('/:id', async (c) => {
    await deleteAccount({
      ctx: readCtxOf(c),
      input: { id: c.req.param('id'), ifMatch: c.req.header('If-Match') },
    });
    return c.body(null, 204);
  });
