// A team API of its own for the bench: the worker bundled once as `wrangler deploy` would (so
// edits to worker/ during a run do not reload it), served by `wrangler dev` on loopback with a
// temporary local D1 (--persist-to), the real migrations applied, and a fresh team and token.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newToken, sha256Hex } from '../../scripts/create-team.mjs';
import { ROOT } from '../lib/sizes.mjs';

const WRANGLER = path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
// No telemetry, no update check, no fetch of the Request.cf sample: loopback only.
const ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_UPDATE_NOTIFIER: '1',
};

const wrangler = (args) => {
  const r = spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    env: ENV,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`wrangler ${args[0]} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const q = (value) => `'${String(value).replaceAll("'", "''")}'`;

/** Starts `wrangler dev` on the bundle and waits for /healthz; returns `{ url, stop() }`. */
async function serve({ script, config, persist }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      script,
      '--no-bundle',
      // The bindings and compatibility settings: wrangler looks for a config beside the script.
      '--config',
      config,
      '--persist-to',
      persist,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    // Its own process group, so stop() ends wrangler and the workerd it starts, and nothing else.
    { cwd: ROOT, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const signal = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    const t = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, inspectorPort, pid: child.pid, stop, output: () => output };
}

/**
 * Starts the API and returns `{ url, token, teamId, memberId, sql(text), stop() }`. The token
 * is an owner's, of a team created directly in the temporary D1 (as scripts/create-team.mjs
 * does). `sql` runs statements on the D1 with the server stopped, then serves again (on a new
 * port: read `url` again afterwards).
 */
export async function startApi({ log = console.log } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'vg-bench-api-'));
  const persist = path.join(work, 'state');
  const bundleDir = path.join(work, 'bundle');
  // BENCH_UNMINIFIED=1 keeps the worker's function names readable in a CPU profile (tail.mjs).
  wrangler([
    'deploy',
    '--dry-run',
    '--outdir',
    bundleDir,
    ...(process.env.BENCH_UNMINIFIED ? ['--minify=false'] : []),
  ]);
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist]);
  const execute = (text) => {
    const file = path.join(work, 'statement.sql');
    writeFileSync(file, text);
    return JSON.parse(
      wrangler([
        'd1',
        'execute',
        'DB',
        '--local',
        '--persist-to',
        persist,
        '--yes',
        '--json',
        '--file',
        file,
      ]),
    );
  };

  const now = new Date().toISOString();
  const teamId = randomUUID();
  const memberId = randomUUID();
  const token = newToken();
  execute(
    [
      `INSERT INTO teams (id, name, created_at) VALUES (${q(teamId)}, 'Bench team', ${q(now)});`,
      `INSERT INTO members (id, team_id, name, email, role, created_at, updated_at) VALUES (${q(memberId)}, ${q(teamId)}, 'Bench owner', 'bench@bench.localhost', 'owner', ${q(now)}, ${q(now)});`,
      `INSERT INTO tokens (id, team_id, member_id, hash, name, created_at) VALUES (${q(randomUUID())}, ${q(teamId)}, ${q(memberId)}, ${q(sha256Hex(token))}, 'bench', ${q(now)});`,
    ].join('\n'),
  );

  const app = {
    script: path.join(bundleDir, 'index.js'),
    config: path.join(ROOT, 'wrangler.toml'),
    persist,
  };
  let server = await serve(app);
  const handle = {
    url: server.url,
    /** The worker's DevTools port (`/json` lists it), for profiling a run. */
    get inspectorPort() {
      return server.inspectorPort;
    },
    /** wrangler's process id (workerd runs under it), for measuring the server's CPU. */
    get pid() {
      return server.pid;
    },
    token,
    teamId,
    memberId,
    async sql(text) {
      await server.stop();
      try {
        return execute(text);
      } finally {
        server = await serve(app);
        handle.url = server.url;
      }
    },
    async stop() {
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
  const me = await fetch(`${handle.url}/api/v1/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!me.ok) {
    const body = await me.text();
    await handle.stop();
    throw new Error(`the bench token is refused (${me.status}): ${body}\n${server.output()}`);
  }
  log(`  team API on ${handle.url} (local D1 in ${persist})`);
  return handle;
}

/**
 * The floor worker (bench/api/probe-worker): /healthz and one or two trivial D1 queries on the
 * same wrangler dev and local D1, to tell the runtime's cost per query from the app's.
 */
export async function startProbe() {
  const work = mkdtempSync(path.join(tmpdir(), 'vg-bench-probe-'));
  const dir = path.join(ROOT, 'bench/api/probe-worker');
  const server = await serve({
    script: path.join(dir, 'index.js'),
    config: path.join(dir, 'wrangler.toml'),
    persist: work,
  });
  return {
    url: server.url,
    inspectorPort: server.inspectorPort,
    pid: server.pid,
    async stop() {
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
