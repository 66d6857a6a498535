// `npm start`: the product on this machine. Applies the D1 migrations to the embedded local
// database, creates a demo team with an owner token on first run (kept in the git-ignored
// .veriguide-local.json so later starts print it again), builds the extension, and serves the
// worker on :8787. Local development only: nothing here runs against a deployed database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTeam, tokenExists } from './create-team.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const localFile = path.join(root, '.veriguide-local.json');
// No telemetry, and no fetch of Cloudflare's Request.cf sample (it needs the internet).
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local']);

let demo = existsSync(localFile) ? JSON.parse(readFileSync(localFile, 'utf8')) : null;
if (!demo?.token || !tokenExists('local', demo.token)) {
  // First run, or the local database was reset: a fresh demo team.
  const made = createTeam({
    name: 'Demo team',
    ownerName: 'Demo owner',
    ownerEmail: 'owner@demo.localhost',
    target: 'local',
  });
  demo = { apiUrl: 'http://localhost:8787', ...made, createdAt: new Date().toISOString() };
  writeFileSync(localFile, `${JSON.stringify(demo, null, 2)}\n`);
  console.log('\nCreated a local demo team (saved in .veriguide-local.json, git-ignored).');
}

if (!process.argv.includes('--api-only')) {
  // The options page pre-fills the API URL from WXT_API_URL: this build points at the local API.
  env.WXT_API_URL = demo.apiUrl;
  run('npx', ['wxt', 'build']);
  console.log(
    '\nExtension built to .output/chrome-mv3 (load it unpacked from chrome://extensions);',
  );
  console.log(`its options are pre-filled with ${demo.apiUrl}: paste the token below to connect.`);
}
console.log('\nTeam API: http://localhost:8787/api/v1 (OpenAPI: /api/v1/openapi.json)');
console.log(`Local demo owner token: ${demo.token}`);
console.log(
  `  try: curl -H "Authorization: Bearer ${demo.token}" http://localhost:8787/api/v1/me\n`,
);
const dev = spawn(
  'npx',
  ['wrangler', 'dev', '--port', '8787', '--var', 'ENVIRONMENT:development'],
  { stdio: 'inherit', env, cwd: root },
);
dev.on('exit', (code) => process.exit(code ?? 0));
