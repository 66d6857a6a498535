import { Hono } from 'hono/tiny';
import { ChangesQuerySchema } from '../../shared/api/accounts';
import { query } from '../http/validate';
import { listChanges } from '../services/changes/list';
import { type AppEnv, readCtxOf } from './app-env';

export const changesRoutes = new Hono<AppEnv>().get('/', query(ChangesQuerySchema), async (c) =>
  c.json(await listChanges({ ctx: readCtxOf(c), input: c.req.valid('query') }), 200),
);
