// `npm start`: the product on this machine. Applies the D1 migrations to the embedded local
// database, builds the extension pointed at the local API, and serves the worker on :8787.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local']);
run('npx', ['wxt', 'build']);
console.log('\nExtension built to .output/chrome-mv3 (load it unpacked from chrome://extensions).');
console.log('Team API: http://localhost:8787\n');
const dev = spawn(
  'npx',
  ['wrangler', 'dev', '--port', '8787', '--var', 'ENVIRONMENT:development'],
  {
    stdio: 'inherit',
    env,
  },
);
dev.on('exit', (code) => process.exit(code ?? 0));
