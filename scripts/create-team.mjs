#!/usr/bin/env node
// Creates a team, its owner and the owner's first API token in D1, and prints the token (it is
// shown only here; D1 keeps its SHA-256). Works against the local database of `npm start` or the
// deployed one:
//
//   node scripts/create-team.mjs --name "Acme" --owner-email ops@acme.com [--owner-name Ops] --local
//   node scripts/create-team.mjs --name "Acme" --owner-email ops@acme.com --remote
//
// There is no default team or token anywhere: every one is made by this command.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

/** Same format as worker/auth/tokens.ts: `vg_` + base64url of 32 random bytes. */
export const newToken = () => `vg_${randomBytes(32).toString('base64url')}`;
export const sha256Hex = (text) => createHash('sha256').update(text).digest('hex');

const q = (value) => `'${String(value).replaceAll("'", "''")}'`;

/** Runs SQL through wrangler against the local or remote D1; returns wrangler's JSON output. */
export const d1 = (target, sql) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'veriguide-'));
  const file = path.join(dir, 'statement.sql');
  writeFileSync(file, sql);
  try {
    const r = spawnSync(
      'npx',
      ['wrangler', 'd1', 'execute', 'DB', `--${target}`, '--json', '--yes', '--file', file],
      { cwd: root, env, encoding: 'utf8' },
    );
    if (r.status !== 0) {
      throw new Error(`wrangler d1 execute failed:\n${r.stdout}\n${r.stderr}`);
    }
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Inserts the team, its owner and a token in one batch; returns the ids and the token. */
export const createTeam = ({ name, ownerName, ownerEmail, target }) => {
  const now = new Date().toISOString();
  const teamId = randomUUID();
  const memberId = randomUUID();
  const tokenId = randomUUID();
  const token = newToken();
  d1(
    target,
    [
      `INSERT INTO teams (id, name, created_at) VALUES (${q(teamId)}, ${q(name)}, ${q(now)});`,
      `INSERT INTO members (id, team_id, name, email, role, created_at, updated_at) VALUES (${q(memberId)}, ${q(teamId)}, ${q(ownerName)}, ${q(ownerEmail.toLowerCase())}, 'owner', ${q(now)}, ${q(now)});`,
      `INSERT INTO tokens (id, team_id, member_id, hash, name, created_at) VALUES (${q(tokenId)}, ${q(teamId)}, ${q(memberId)}, ${q(sha256Hex(token))}, 'first owner token', ${q(now)});`,
    ].join('\n'),
  );
  return { teamId, memberId, tokenId, token };
};

/** Whether `token` is a live token in the target database (e.g. after the local D1 was reset). */
export const tokenExists = (target, token) => {
  const out = d1(
    target,
    `SELECT COUNT(*) AS n FROM tokens WHERE hash = ${q(sha256Hex(token))} AND revoked_at IS NULL;`,
  );
  return Number(out?.[0]?.results?.[0]?.n ?? 0) > 0;
};

const parseArgs = (argv) => {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--local' || a === '--remote') args.target = a.slice(2);
    else if (a.startsWith('--')) {
      args[a.slice(2)] = argv[i + 1];
      i += 1;
    }
  }
  return args;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = parseArgs(process.argv.slice(2));
  const email = args['owner-email'];
  if (!args.name || !email || !args.target || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error(
      'usage: node scripts/create-team.mjs --name "Team name" --owner-email you@example.com [--owner-name "Your name"] --local|--remote',
    );
    process.exit(2);
  }
  const made = createTeam({
    name: args.name,
    ownerName: args['owner-name'] ?? email.split('@')[0],
    ownerEmail: email,
    target: args.target,
  });
  console.log(`Team "${args.name}" created (${args.target} D1): team ${made.teamId}`);
  console.log(`Owner ${email}: member ${made.memberId}`);
  console.log('\nOwner API token (shown once; store it now):\n');
  console.log(`  ${made.token}\n`);
}
