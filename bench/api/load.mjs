// Load runs against the team API with autocannon, bounded in time, on loopback.
import autocannon from 'autocannon';
import { round } from '../lib/stats.mjs';
import { benchAccount } from './seed.mjs';

export const CONNECTIONS = 10;

const run = (opts) =>
  new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });

const report = (name, result, extra = {}) => ({
  route: name,
  requests: result.requests.total,
  reqPerSec: round(result.requests.average, 0),
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  ...extra,
});

/**
 * The read routes and a mixed read/write run, each for `seconds`, with `/healthz` first as the
 * runtime's own ceiling. `size` is the number of accounts (lookups pick any of them).
 */
export async function loadRoutes({ url, token, size, pool, seconds }) {
  const auth = { Authorization: `Bearer ${token}` };
  const base = { url, connections: CONNECTIONS, duration: seconds };
  const randomAccount = () => benchAccount(Math.floor(Math.random() * size));
  const lookupPath = () => {
    const a = randomAccount();
    return `/api/v1/accounts/lookup?provider=${a.provider}&externalId=${a.externalId}`;
  };
  const results = [];
  results.push(report('GET /healthz', await run({ ...base, url: `${url}/healthz` })));
  results.push(
    report(
      'GET /accounts?limit=50',
      await run({ ...base, url: `${url}/api/v1/accounts?limit=50`, headers: auth }),
    ),
  );
  results.push(
    report(
      'GET /accounts/lookup',
      await run({
        ...base,
        headers: auth,
        requests: [{ setupRequest: (req) => ({ ...req, path: lookupPath() }) }],
      }),
    ),
  );
  results.push(
    report(
      'GET /accounts?status=in_review&overdue=true',
      await run({
        ...base,
        url: `${url}/api/v1/accounts?status=in_review&overdue=true&limit=50`,
        headers: auth,
      }),
    ),
  );
  results.push(
    report(
      'GET /changes?limit=200',
      await run({ ...base, url: `${url}/api/v1/changes?limit=200`, headers: auth }),
    ),
  );
  results.push(await mixed({ base, auth, pool, lookupPath }));
  // Latency without queueing: with 10 connections a request mostly waits for the 9 before it.
  const single = { ...base, connections: 1 };
  results.push(
    report(
      'GET /accounts?limit=50, 1 connection',
      await run({ ...single, url: `${url}/api/v1/accounts?limit=50`, headers: auth }),
    ),
  );
  results.push(
    report(
      'GET /accounts/lookup, 1 connection',
      await run({
        ...single,
        headers: auth,
        requests: [{ setupRequest: (req) => ({ ...req, path: lookupPath() }) }],
      }),
    ),
  );
  const ceiling = results[0]?.reqPerSec ?? 0;
  for (const r of results) {
    // A ratio compares like with like: the single-connection runs are about latency only.
    r.ratioToHealthz =
      ceiling > 0 && !r.route.endsWith('1 connection') ? round(r.reqPerSec / ceiling, 2) : null;
  }
  return results;
}

/**
 * 80% reads (list and lookup) and 20% writes: a write takes a pool account no other request is
 * writing, moves it between unverified and in_progress with If-Match, and keeps the version the
 * API answers. (autocannon resets a connection's context after each request sequence, so the
 * accounts are lent per request, not per connection.)
 */
async function mixed({ base, auth, pool, lookupPath }) {
  if (pool.length < CONNECTIONS) throw new Error('the write pool needs one account per connection');
  const counts = { read: 0, write: 0, writeFailed: 0 };
  const busy = new Set();
  const result = await run({
    ...base,
    headers: auth,
    requests: [
      {
        setupRequest: (req, context) => {
          const roll = Math.random();
          const free = pool.findIndex((_, i) => !busy.has(i));
          if (roll < 0.2 && free >= 0) {
            busy.add(free);
            context.write = free;
            const a = pool[free];
            return {
              ...req,
              method: 'POST',
              path: `/api/v1/accounts/${a.id}/transitions`,
              headers: {
                ...req.headers,
                'Content-Type': 'application/json',
                'If-Match': `"${a.version}"`,
              },
              body: JSON.stringify({
                to: a.status === 'unverified' ? 'in_progress' : 'unverified',
              }),
            };
          }
          context.write = undefined;
          return {
            ...req,
            method: 'GET',
            body: undefined,
            path: roll < 0.6 ? lookupPath() : '/api/v1/accounts?limit=50',
          };
        },
        onResponse: (status, body, context) => {
          const i = context.write;
          if (i === undefined) {
            counts.read += 1;
            return;
          }
          busy.delete(i);
          counts.write += 1;
          const a = pool[i];
          if (status === 200 && a) {
            const account = JSON.parse(body);
            a.version = account.version;
            a.status = account.status;
          } else {
            counts.writeFailed += 1;
            if (process.env.BENCH_DEBUG) console.log(`  write refused: ${status} ${body}`);
          }
        },
      },
    ],
  });
  // A transition still in flight when the run ended leaves its account's version unknown: read
  // it again for the next run.
  for (const i of busy) {
    const a = pool[i];
    if (!a) continue;
    const r = await fetch(`${base.url}/api/v1/accounts/${a.id}`, { headers: auth });
    if (!r.ok) throw new Error(`GET /accounts/${a.id}: ${r.status}`);
    const account = await r.json();
    a.version = account.version;
    a.status = account.status;
  }
  return report('mixed 80% read / 20% transition', result, {
    reads: counts.read,
    writes: counts.write,
    writesRefused: counts.writeFailed,
  });
}

/** The floor worker's routes: what wrangler dev and local D1 allow before any app code. */
export async function loadFloor({ url, seconds }) {
  const base = { url, connections: CONNECTIONS, duration: seconds };
  const results = [];
  results.push(report('floor: /healthz (no D1)', await run({ ...base, url: `${url}/healthz` })));
  results.push(report('floor: 1 trivial D1 query', await run({ ...base, url: `${url}/d1/1` })));
  results.push(report('floor: 2 trivial D1 queries', await run({ ...base, url: `${url}/d1/2` })));
  // What the list and the lookup do: the token check and the data read in one D1 batch.
  results.push(
    report(
      'floor: 2 trivial D1 queries in one batch',
      await run({ ...base, url: `${url}/d1/batch2` }),
    ),
  );
  const ceiling = results[0]?.reqPerSec ?? 0;
  for (const r of results) r.ratioToHealthz = ceiling > 0 ? round(r.reqPerSec / ceiling, 2) : null;
  return results;
}

/** Follows /changes from the start to the end (500 per page, the maximum), as a full sync. */
export async function fullSync({ url, token }) {
  const t0 = performance.now();
  let since;
  let pages = 0;
  let items = 0;
  for (;;) {
    const q = new URLSearchParams({ limit: '500', ...(since ? { since } : {}) });
    const r = await fetch(`${url}/api/v1/changes?${q}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!r.ok) throw new Error(`GET /changes: ${r.status} ${await r.text()}`);
    const page = await r.json();
    pages += 1;
    items += page.items.length;
    since = page.nextCursor;
    if (!page.hasMore) break;
  }
  return { items, pages, seconds: round((performance.now() - t0) / 1000, 2) };
}
