import { cors } from 'hono/cors';
import { Hono } from 'hono/tiny';
import { BOOKMARK_HEADER } from '../shared/api/index';
import { errorBody, onError } from './errors';
import { d1Session, requireAuth } from './http/middleware';
import { openApiDocument } from './openapi';
import { accountsRoutes } from './routes/accounts';
import type { AppEnv } from './routes/app-env';
import { changesRoutes } from './routes/changes';
import { membersRoutes, meRoutes, tokensRoutes } from './routes/members';

/** Everything under /api/v1: the OpenAPI document is public, the rest needs a token. */
const api = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin), 200))
  .use('*', d1Session, requireAuth)
  .route('/me', meRoutes)
  .route('/accounts', accountsRoutes)
  .route('/changes', changesRoutes)
  .route('/members', membersRoutes)
  .route('/tokens', tokensRoutes);

export const app = new Hono<AppEnv>()
  // Bearer tokens, not cookies: any origin may call (the extension, scripts, a dashboard).
  .use(
    '*',
    cors({
      origin: '*',
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'If-Match',
        'Idempotency-Key',
        'Accept-Language',
        BOOKMARK_HEADER,
      ],
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: [BOOKMARK_HEADER, 'ETag', 'Retry-After', 'Location', 'Idempotency-Replayed'],
      maxAge: 600,
    }),
  )
  .get('/healthz', (c) => c.json({ ok: true as const }, 200))
  .route('/api/v1', api);

app.notFound((c) => c.json(errorBody('not_found', 'No such route.'), 404));
app.onError(onError);
