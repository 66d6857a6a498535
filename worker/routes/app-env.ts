import type { Context } from 'hono';
import type { ReadCtx } from '../auth/read-batch';
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

/**
 * The context of a verb that checks the token in its own first D1 batch: the actor, or the
 * token the middleware left for it (worker/auth/read-batch.ts).
 */
export const readCtxOf = (c: Context<AppEnv>): ReadCtx => {
  const { actor, ...rest } = ctxOf(c);
  return { ...rest, caller: c.var.pendingToken ?? actor };
};
