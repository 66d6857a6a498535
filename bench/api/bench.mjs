// The team API at 1,000, 10,000 and 100,000 accounts: seeding through the import endpoint (with
// its rate by table size), a full /changes sync, and autocannon runs of each route.
import { round } from '../lib/stats.mjs';
import { CONNECTIONS, fullSync, loadFloor, loadRoutes } from './load.mjs';
import { api, BATCH, benchAccount, seedAccounts, sendToOverdueReview } from './seed.mjs';
import { startApi, startProbe } from './server.mjs';

const OVERDUE_EVERY = 100; // 1% of the accounts wait in a review window long past
// 10% more (n % 10 === 5) wait in an open window; the mixed run's accounts are none of these.
const OPEN_REVIEW_EVERY = 10;
const OPEN_REVIEW_AT = 5;

/**
 * Accounts `from` .. `to - 1` in rows the import would write, straight into D1: the fallback
 * when importing through the API would not finish within the bench's time (see `grow`).
 */
function seedSql({ teamId, memberId, from, to }) {
  const now = new Date().toISOString();
  const t = `'${teamId}'`;
  return `
WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to - 1}),
base(b) AS (SELECT COALESCE(MAX(id), 0) FROM events)
INSERT INTO accounts (id, team_id, provider, external_id, label, entity_type, status, checklist,
  version, created_at, updated_at, change_seq)
SELECT lower(printf('%s-%s-4%s-a%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2),
    substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
  ${t}, CASE i % 2 WHEN 0 THEN 'tencentcloud-intl' ELSE 'commsease' END, printf('bench-%07d', i),
  'Bench account ' || i, CASE i % 3 WHEN 0 THEN 'individual' WHEN 1 THEN 'enterprise' ELSE 'unknown' END,
  'unverified', '{}', 1, '${now}', '${now}', (SELECT b FROM base) + i - ${from} + 1
FROM n;
INSERT INTO events (id, team_id, account_id, actor_member_id, type, at, before, after)
SELECT change_seq, team_id, id, '${memberId}', 'imported', created_at, NULL, NULL FROM accounts
WHERE team_id = ${t} AND change_seq > (SELECT COALESCE(MAX(id), 0) FROM events);
UPDATE accounts SET status = 'in_review', submitted_at = '2026-01-05T03:00:00.000Z',
  review_earliest = '2026-01-07', review_latest = '2026-01-09', version = 3
WHERE team_id = ${t} AND external_id IN (
  SELECT printf('bench-%07d', i) FROM (WITH RECURSIVE m(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM m WHERE i < ${to - 1}) SELECT i FROM m)
  WHERE i % ${OVERDUE_EVERY} = 0);`;
}

/**
 * A review queue as a team has one: the overdue accounts have not changed since they were
 * submitted (they are the oldest in the list's updated-at order), and 10% more are in a review
 * window that is still open (not overdue). The API cannot backdate, so this is SQL.
 */
function reviewQueueSql({ teamId, from, to }) {
  const n = `CAST(substr(external_id, 7) AS INTEGER)`;
  const mine = `team_id = '${teamId}' AND ${n} BETWEEN ${from} AND ${to - 1}`;
  const now = new Date().toISOString();
  return `
UPDATE accounts SET updated_at = submitted_at WHERE ${mine} AND status = 'in_review';
UPDATE accounts SET status = 'in_review', submitted_at = '${now}', review_earliest = '2099-01-02',
  review_latest = '2099-01-06', version = version + 2, updated_at = '${now}'
WHERE ${mine} AND status = 'unverified' AND ${n} % ${OPEN_REVIEW_EVERY} = ${OPEN_REVIEW_AT};`;
}

/**
 * Grows the team from `from` to `to` accounts through the import endpoint, 1,000 rows per
 * request, while the projected time stays within `budgetSeconds`; the rest goes straight into
 * D1 and is reported as such. Every 100th account is sent to an overdue review.
 */
async function grow({ server, from, to, budgetSeconds, log }) {
  const batches = [];
  const created = [];
  const t0 = performance.now();
  let at = from;
  while (at < to) {
    const elapsed = (performance.now() - t0) / 1000;
    const last = batches.at(-1);
    // Import cost grows with the table when the import is O(table) (see the report).
    const projected = last ? (last.ms / 1000) * Math.ceil((to - at) / BATCH) : 0;
    if (last && elapsed + projected > budgetSeconds) break;
    const end = Math.min(to, at + BATCH);
    const r = await seedAccounts({ url: server.url, token: server.token, from: at, to: end });
    batches.push({ tableSize: at, rows: end - at, ms: Math.round(r.seconds * 1000) });
    created.push(...r.created);
    at = end;
  }
  const importSeconds = (performance.now() - t0) / 1000;
  const imported = at - from;
  const overdue = created.filter((a) => Number(a.externalId.slice(6)) % OVERDUE_EVERY === 0);
  await sendToOverdueReview({ url: server.url, token: server.token, accounts: overdue });
  let sqlRows = 0;
  let sql = '';
  if (at < to) {
    log(`  import too slow for the bench's time: ${to - at} accounts go straight into D1`);
    sql += seedSql({ teamId: server.teamId, memberId: server.memberId, from: at, to });
    sqlRows = to - at;
  }
  await server.sql(sql + reviewQueueSql({ teamId: server.teamId, from, to }));
  return {
    imported,
    importSeconds: round(importSeconds, 2),
    importRowsPerSecond: imported > 0 ? Math.round(imported / importSeconds) : null,
    insertedDirectly: sqlRows,
    batches,
    created,
  };
}

/** Runs every stage; returns the results for bench/results/api.json. */
export async function benchApi({
  sizes = [1_000, 10_000, 100_000],
  seconds = 5,
  importBudgetSeconds = [60, 90, 120],
  log = console.log,
}) {
  const probe = await startProbe();
  let floor;
  try {
    floor = await loadFloor({ url: probe.url, seconds });
  } finally {
    await probe.stop();
  }
  for (const r of floor) {
    log(
      `  ${r.route}: ${r.reqPerSec} req/s (${r.ratioToHealthz} of its /healthz), p50 ${r.p50} ms, p99 ${r.p99} ms`,
    );
  }
  const server = await startApi({ log });
  try {
    const stages = [];
    let have = 0;
    let pool = null;
    let firstTenThousand = null;
    for (const [i, size] of sizes.entries()) {
      log(`  growing the team to ${size} accounts`);
      const seeded = await grow({
        server,
        from: have,
        to: size,
        budgetSeconds: importBudgetSeconds[i] ?? 60,
        log,
      });
      if (!pool) {
        // One account per connection for the mixed run's transitions, none of them in review.
        pool = seeded.created
          .filter((a) => {
            const n = Number(a.externalId.slice(6));
            return n % OVERDUE_EVERY !== 0 && n % OPEN_REVIEW_EVERY !== OPEN_REVIEW_AT;
          })
          .slice(0, CONNECTIONS)
          .map((a) => ({ ...a, status: 'unverified' }));
      }
      const count = await api(server.url, server.token)('GET', '/changes?limit=1');
      if (!count) throw new Error('changes feed unreadable');
      // Check the size really is what the table claims: the last account exists.
      await api(server.url, server.token)(
        'GET',
        `/accounts/lookup?provider=${benchAccount(size - 1).provider}&externalId=${benchAccount(size - 1).externalId}`,
      );
      const sync = await fullSync({ url: server.url, token: server.token });
      log(`  full sync of ${sync.items} accounts: ${sync.seconds} s (${sync.pages} pages)`);
      const routes = await loadRoutes({
        url: server.url,
        token: server.token,
        size,
        pool,
        seconds,
      });
      for (const r of routes) {
        log(
          `  ${size} accounts, ${r.route}: ${r.reqPerSec} req/s (${r.ratioToHealthz === null ? 'latency only' : `${r.ratioToHealthz} of /healthz`}), p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}`,
        );
      }
      const { created: _ids, ...seeding } = seeded;
      stages.push({ accounts: size, seeding, fullSync: sync, routes });
      if (size >= 10_000 && firstTenThousand === null && have === 1_000) {
        // The first 10,000 rows = the 1,000 of the first stage + this stage's 9,000.
        const first = stages[0]?.seeding;
        if (first?.insertedDirectly === 0 && seeding.insertedDirectly === 0) {
          firstTenThousand = round(first.importSeconds + seeding.importSeconds, 2);
        }
      }
      have = size;
    }
    return {
      connections: CONNECTIONS,
      secondsPerRoute: seconds,
      floor,
      importOf10000RowsSeconds: firstTenThousand,
      stages,
    };
  } finally {
    await server.stop();
  }
}
