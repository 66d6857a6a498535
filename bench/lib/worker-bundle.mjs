// The team API's bundle as `wrangler deploy` would upload it (same wrangler.toml), gzipped.
// Used by `npm run bench` and the budget test (test/e2e/budgets/worker-bundle-size.test.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSize, ROOT } from './sizes.mjs';

/** The budget: the worker under 100 KB (100 * 1024 bytes) gzipped. */
export const WORKER_BUDGET_GZIP = 100 * 1024;

/**
 * Bundles the worker with `wrangler deploy --dry-run --outdir <outDir>` (no upload, no login)
 * and returns the uploaded modules' sizes: raw and gzipped, per module and in total.
 * `minify` adds `--minify` (not what the repo's wrangler.toml deploys; reported for comparison).
 */
export function bundleWorker(outDir, { minify = false } = {}) {
  execFileSync(
    'npx',
    ['wrangler', 'deploy', '--dry-run', '--outdir', outDir, ...(minify ? ['--minify'] : [])],
    {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const modules = readdirSync(outDir)
    .filter((f) => /\.(m?js|wasm)$/.test(f))
    .map((f) => {
      const data = readFileSync(path.join(outDir, f));
      return { file: f, bytes: data.length, gzip: gzipSize(data) };
    });
  if (modules.length === 0) throw new Error(`wrangler wrote no module to ${outDir}`);
  return {
    modules,
    bytes: modules.reduce((n, m) => n + m.bytes, 0),
    gzip: modules.reduce((n, m) => n + m.gzip, 0),
  };
}
