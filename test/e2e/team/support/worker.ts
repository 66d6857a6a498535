import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const WRANGLER = path.join(ROOT, 'node_modules/.bin/wrangler');
// No telemetry, no update check, no fetch of Cloudflare's request.cf sample: no internet here.
const ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_UPDATE_NOTIFIER: '1',
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export interface Member {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'admin' | 'editor' | 'viewer';
  token: string;
}

/**
 * The real team API (worker/) under `wrangler dev` on a local D1 in a fresh directory, with
 * the migrations applied and a team whose owner is made as scripts/create-team.mjs makes one.
 * `stop()` and `start()` take it down and bring it back on the same port and data.
 */
export class LocalWorker {
  readonly persistTo = mkdtempSync(path.join(tmpdir(), 'vg-d1-'));
  port = 0;
  private child: ChildProcess | null = null;
  private log = '';

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async setup(): Promise<Member> {
    // The backend's own token format and hash (scripts/create-team.mjs, plain JS without types),
    // so the first owner is made exactly as `npm start` and the create-team command make one.
    const script: string = path.join(ROOT, 'scripts/create-team.mjs');
    const { newToken, sha256Hex } = (await import(script)) as {
      newToken(): string;
      sha256Hex(text: string): string;
    };
    this.port = await freePort();
    await this.wrangler(['d1', 'migrations', 'apply', 'DB', '--local']);
    const owner: Member = {
      id: crypto.randomUUID(),
      name: 'Olga Owner',
      email: 'olga@team.test',
      role: 'owner',
      token: newToken(),
    };
    const now = new Date().toISOString();
    const teamId = crypto.randomUUID();
    await this.sql(
      [
        `INSERT INTO teams (id, name, created_at) VALUES ('${teamId}', 'E2E team', '${now}');`,
        `INSERT INTO members (id, team_id, name, email, role, created_at, updated_at) VALUES ('${owner.id}', '${teamId}', '${owner.name}', '${owner.email}', 'owner', '${now}', '${now}');`,
        `INSERT INTO tokens (id, team_id, member_id, hash, name, created_at) VALUES ('${crypto.randomUUID()}', '${teamId}', '${owner.id}', '${sha256Hex(owner.token)}', 'e2e', '${now}');`,
      ].join('\n'),
    );
    await this.start();
    return owner;
  }

  /** Another member with their own token, made through the API (POST /members, /tokens). */
  async addMember(owner: Member, name: string, role: Member['role']): Promise<Member> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@team.test`;
    const made = await this.call(owner, 'POST', '/api/v1/members', { name, email, role });
    const id = (made as { id: string }).id;
    const issued = await this.call(owner, 'POST', `/api/v1/members/${id}/tokens`, {});
    return { id, name, email, role, token: (issued as { token: string }).token };
  }

  /** One API call as `member`; throws with the API's answer unless it succeeds. */
  async call(member: Member, method: string, apiPath: string, body?: unknown, headers = {}) {
    const res = await fetch(this.url + apiPath, {
      method,
      headers: {
        Authorization: `Bearer ${member.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }

  async start(): Promise<void> {
    this.log = '';
    const child = spawn(
      WRANGLER,
      [
        'dev',
        '--port',
        String(this.port),
        '--ip',
        '127.0.0.1',
        '--persist-to',
        this.persistTo,
        '--var',
        'ENVIRONMENT:development',
        '--show-interactive-dev-session=false',
      ],
      { cwd: ROOT, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (d) => {
      this.log += String(d);
    });
    child.stderr?.on('data', (d) => {
      this.log += String(d);
    });
    this.child = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${this.log}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`wrangler dev did not answer /healthz in time:\n${this.log}`);
  }

  /** Stops wrangler dev (its whole process group: it runs workerd as a child). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    // The port is free once nothing answers on it.
    for (let i = 0; i < 40; i++) {
      try {
        await fetch(`${this.url}/healthz`);
        await new Promise((r) => setTimeout(r, 250));
      } catch {
        return;
      }
    }
  }

  /** Rows of a SELECT on the local D1 (read through wrangler, as an operator would). */
  async query<T = Record<string, unknown>>(select: string): Promise<T[]> {
    const out = await this.wrangler([
      'd1',
      'execute',
      'DB',
      '--local',
      '--json',
      '--command',
      select,
    ]);
    const parsed = JSON.parse(out) as { results: T[] }[];
    return parsed[0]?.results ?? [];
  }

  private async sql(text: string): Promise<void> {
    const file = path.join(this.persistTo, 'seed.sql');
    writeFileSync(file, text);
    await this.wrangler(['d1', 'execute', 'DB', '--local', '--yes', '--file', file]);
  }

  private async wrangler(args: string[]): Promise<string> {
    const { stdout } = await run(WRANGLER, [...args, '--persist-to', this.persistTo], {
      cwd: ROOT,
      env: ENV,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.persistTo, { recursive: true, force: true });
  }
}
