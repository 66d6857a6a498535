import { env } from 'cloudflare:workers';
import { app } from '../../../worker/app';
import { BASE } from './api';

/**
 * Counts the D1 round trips a request makes (statement executions and batches, on the session
 * and on the database) by handing the app a database that counts them.
 */
export type Counter = { trips: number };

/** Counting proxy -> the runtime's statement, which is what a batch must be given. */
const unwrapped = new WeakMap<object, D1PreparedStatement>();
const unwrap = (stmt: D1PreparedStatement): D1PreparedStatement => unwrapped.get(stmt) ?? stmt;

const countingStatement = (stmt: D1PreparedStatement, counter: Counter): D1PreparedStatement => {
  const proxy = new Proxy(stmt, {
    get(t, prop) {
      if (prop === 'bind')
        return (...args: unknown[]) => countingStatement(t.bind(...args), counter);
      const v = Reflect.get(t, prop);
      if (typeof v !== 'function') return v;
      if (['all', 'first', 'run', 'raw'].includes(String(prop))) {
        return (...args: unknown[]) => {
          counter.trips += 1;
          return v.apply(t, args);
        };
      }
      return v.bind(t);
    },
  });
  unwrapped.set(proxy, stmt);
  return proxy;
};

/** Rewrites a batch's results (to play a read replica that has not seen a token yet). */
export type Tamper = (results: D1Result[]) => D1Result[];

/** A database (or session) whose round trips are counted; `tamper` may rewrite batch results. */
export const counting = <T extends D1Database | D1DatabaseSession>(
  target: T,
  counter: Counter,
  tamper?: Tamper,
): T =>
  new Proxy(target, {
    get(t, prop) {
      if (prop === 'prepare') {
        return (sql: string) => countingStatement(t.prepare(sql), counter);
      }
      if (prop === 'batch') {
        return async (stmts: D1PreparedStatement[]) => {
          counter.trips += 1;
          const results = await t.batch(stmts.map(unwrap));
          return tamper ? tamper(results) : results;
        };
      }
      if (prop === 'withSession' && 'withSession' in t) {
        return (constraint?: string) => counting(t.withSession(constraint), counter, tamper);
      }
      const v = Reflect.get(t, prop);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });

export interface CountedRequest {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  tamper?: Tamper;
}

/** Sends a request to the app with a counting database; returns the response and the trips. */
export const counted = async (
  path: string,
  token: string,
  opts: CountedRequest = {},
): Promise<{ res: Response; trips: number }> => {
  const counter = { trips: 0 };
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await app.fetch(
    new Request(`${BASE}${path}`, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { ...env, DB: counting(env.DB, counter, opts.tamper) },
  );
  return { res, trips: counter.trips };
};
