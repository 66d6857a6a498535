import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdown } from '../../../bench/lib/sizes.mjs';
import {
  bundleWorker,
  WORKER_BUDGET_GZIP,
  type WorkerBundle,
} from '../../../bench/lib/worker-bundle.mjs';

// Issue 6: the team API's worker under 100 KB gzipped, as `wrangler deploy` would upload it
// with the repository's wrangler.toml (measured through --dry-run: no login, no upload).
describe('worker bundle size budget', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'vg-budget-worker-'));
  let bundle: WorkerBundle | undefined;
  beforeAll(() => {
    bundle = bundleWorker(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('bundles the worker with its routes', () => {
    expect(bundle?.modules.map((m) => m.file)).toContain('index.js');
    // A real bundle of the app, not an empty stub: Hono and the routes are in it.
    expect(bundle?.bytes).toBeGreaterThan(20_000);
  });

  it('is under 100 KB gzipped', () => {
    const gzip = bundle?.gzip ?? Number.POSITIVE_INFINITY;
    const top = breakdown(path.join(outDir, 'index.js'))
      .byOwner.slice(0, 6)
      .map((o) => `${o.name} ${(o.gzipAlone / 1024).toFixed(1)} KB gz`)
      .join(', ');
    expect(gzip, `${(gzip / 1024).toFixed(1)} KB gzipped; largest: ${top}`).toBeLessThan(
      WORKER_BUDGET_GZIP,
    );
  });
});
