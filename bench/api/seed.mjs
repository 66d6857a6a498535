#!/usr/bin/env node
// Seeds a team with accounts through the import endpoint (1,000 rows per request, the API's
// maximum) and reports the import rate. Against its own temporary API by default:
//
//   node bench/api/seed.mjs --accounts 10000
//   node bench/api/seed.mjs --accounts 100000
//
// or against a running one (e.g. `npm start`'s, token in .veriguide-local.json):
//
//   node bench/api/seed.mjs --accounts 10000 --url http://localhost:8787 --token vg_...
import { randomInt, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { round } from '../lib/stats.mjs';
import { startApi } from './server.mjs';

export const BATCH = 1000;
const PROVIDERS = ['tencentcloud-intl', 'commsease'];
const ENTITY = ['individual', 'enterprise', 'unknown'];

/** The n-th bench account (stable, so lookups can name any seeded account). */
export const benchAccount = (n) => ({
  provider: PROVIDERS[n % PROVIDERS.length],
  externalId: `bench-${String(n).padStart(7, '0')}`,
  label: `Bench account ${n}`,
  entityType: ENTITY[n % ENTITY.length],
});

export const api =
  (url, token) =>
  async (method, pathname, body, headers = {}) => {
    const send = () =>
      fetch(`${url}/api/v1${pathname}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let r = await send();
    // wrangler dev answers 503 "Your worker restarted mid-request" when it reloads the runtime
    // (e.g. wrangler.toml touched). Transitions carry an Idempotency-Key, so sending one again
    // replays it; an import sent again refuses rows that already exist, and seedAccounts says so.
    for (let retry = 1; r.status === 503 && retry <= 3; retry += 1) {
      console.log(
        `  ${method} ${pathname}: 503 (${(await r.text()).slice(0, 80)}); retry ${retry}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      r = await send();
    }
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${pathname}: ${r.status} ${text.slice(0, 500)}`);
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      throw new Error(`${method} ${pathname}: ${r.status} but not JSON: ${text.slice(0, 500)}`);
    }
  };

/**
 * Imports accounts number `from` .. `to - 1` in requests of 1,000 rows, one request at a time
 * (D1 serialises writes). Returns the timing and the created accounts' ids and versions.
 */
export async function seedAccounts({ url, token, from, to }) {
  const call = api(url, token);
  const created = [];
  const batchMs = [];
  const t0 = performance.now();
  for (let start = from; start < to; start += BATCH) {
    const rows = [];
    for (let n = start; n < Math.min(to, start + BATCH); n += 1) rows.push(benchAccount(n));
    const b0 = performance.now();
    const result = await call('POST', '/accounts/import', { rows });
    batchMs.push(performance.now() - b0);
    if (process.env.BENCH_DEBUG)
      console.log(`  batch ${start}: ${Math.round(performance.now() - b0)} ms`);
    if (result.created !== rows.length) {
      throw new Error(
        `import created ${result.created} of ${rows.length}: ${JSON.stringify(result.errors.slice(0, 3))}`,
      );
    }
    for (const a of result.items)
      created.push({
        id: a.id,
        externalId: a.externalId,
        provider: a.provider,
        version: a.version,
      });
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    rows: to - from,
    requests: batchMs.length,
    seconds: round(seconds, 2),
    rowsPerSecond: Math.round((to - from) / seconds),
    batchMsMedian: round(
      [...batchMs].sort((a, b) => a - b)[Math.floor(batchMs.length / 2)] ?? 0,
      0,
    ),
    created,
  };
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
export async function pool(items, concurrency, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await fn(item);
      }
    }),
  );
}

/**
 * Sends accounts to review with a submission date long past, so they are overdue: what the
 * filtered list (`status=in_review&overdue=true`) finds.
 */
export async function sendToOverdueReview({ url, token, accounts, concurrency = 4 }) {
  const call = api(url, token);
  await pool(accounts, concurrency, async (a) => {
    const started = await call(
      'POST',
      `/accounts/${a.id}/transitions`,
      { to: 'in_progress' },
      { 'If-Match': `"${a.version}"`, 'Idempotency-Key': randomUUID() },
    );
    await call(
      'POST',
      `/accounts/${a.id}/transitions`,
      { to: 'in_review', at: '2026-01-05T03:00:00Z' },
      { 'If-Match': `"${started.version}"`, 'Idempotency-Key': randomUUID() },
    );
  });
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const accounts = Number(arg('accounts') ?? 10_000);
  if (!Number.isSafeInteger(accounts) || accounts < 1) throw new Error('--accounts N (N >= 1)');
  const own = arg('url') ? null : await startApi();
  const url = arg('url') ?? own.url;
  const token = arg('token') ?? own.token;
  try {
    // On a team that may already hold bench accounts, a random block of ten million numbers,
    // so a second run adds rather than collides.
    const start = own ? 0 : randomInt(1, 1_000_000) * 10_000_000;
    const r = await seedAccounts({ url, token, from: start, to: start + accounts });
    console.log(
      `imported ${r.rows} accounts in ${r.requests} requests: ${r.seconds} s, ${r.rowsPerSecond} rows/s (median request ${r.batchMsMedian} ms)`,
    );
  } finally {
    await own?.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
