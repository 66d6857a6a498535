import type { Context } from 'hono';
import type { AppVars, ServiceCtx } from '../context';
import type { Env } from '../env';

export type AppEnv = { Bindings: Env; Variables: AppVars };

/** The service context of an authenticated request. */
export const ctxOf = (c: Context<AppEnv>): ServiceCtx => ({
  db: c.var.db,
  d1: c.var.d1,
  actor: c.var.actor,
  locale: c.var.locale,
  now: c.var.now,
});
