#!/usr/bin/env node
// `npm run bench`: every figure of issue 6, from a fresh clone (Chromium installed).
//
//   npm run bench                  # extension + worker bundle + team API (about 6 minutes on 2 cores)
//   npm run bench -- --only extension   (or api; or load / churn: one part of the extension's)
//   npm run bench -- --quick       # fewer loads, shorter runs, 1k/10k only: checks the harness
//
// Results: bench/results/{extension,api,machine}.json and bench/results/summary.md (the README
// table). Nothing here touches .output/ or .wrangler/: builds and databases are temporary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchApi } from './api/bench.mjs';
import { measureChurn, measureLoads } from './extension/browser.mjs';
import { measureSizes } from './extension/size.mjs';
import { buildExtension } from './lib/build-extension.mjs';
import { chromiumPath } from './lib/chromium.mjs';
import { renderSummary } from './lib/report.mjs';
import { ROOT } from './lib/sizes.mjs';
import { bundleWorker, WORKER_BUDGET_GZIP } from './lib/worker-bundle.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const quick = args.includes('--quick');
const resultsDir = path.join(ROOT, 'bench/results');
const log = (line) => console.log(line);

const write = (name, data) => {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, name), `${JSON.stringify(data, null, 2)}\n`);
  log(`  wrote bench/results/${name}`);
};

function machine() {
  const version = (cmd, cmdArgs) => {
    try {
      return execFileSync(cmd, cmdArgs, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return null;
    }
  };
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: (() => {
      try {
        return version(chromiumPath(), ['--version']);
      } catch {
        return null;
      }
    })(),
    wrangler: version(process.execPath, [
      path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
      '--version',
    ]),
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    commit: version('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    uncommittedChanges: Boolean(version('git', ['-C', ROOT, 'status', '--porcelain'])),
  };
}

async function extension() {
  log('extension: building (production, with source maps)');
  const outBase = mkdtempSync(path.join(os.tmpdir(), 'vg-bench-ext-'));
  try {
    const extensionDir = await buildExtension({ outBase, sourcemap: true });
    const sizes = measureSizes(outBase);
    for (const p of sizes.pages) {
      log(
        `  ${p.pattern}: ${(p.jsGzip / 1024).toFixed(1)} KB gzipped (${p.jsBytes} bytes minified)`,
      );
    }
    let loads = null;
    if (only !== 'churn') {
      log('extension: page loads in Chromium, with and without the extension');
      loads = await measureLoads({
        extensionDir,
        loads: quick ? 5 : 30,
        warmup: quick ? 1 : 3,
        log,
      });
    }
    let churn = null;
    if (only !== 'load') {
      log('extension: churning page');
      churn = await measureChurn({ extensionDir, seconds: quick ? 3 : 10, log });
    }
    return { sizes, loads, churn };
  } finally {
    rmSync(outBase, { recursive: true, force: true });
  }
}

function workerBundle() {
  log('worker: bundle as `wrangler deploy` uploads it');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vg-bench-worker-'));
  try {
    const deployed = bundleWorker(path.join(dir, 'default'));
    const minified = bundleWorker(path.join(dir, 'minified'), { minify: true });
    log(
      `  ${(deployed.gzip / 1024).toFixed(1)} KB gzipped (--minify: ${(minified.gzip / 1024).toFixed(1)} KB)`,
    );
    return { budgetGzip: WORKER_BUDGET_GZIP, deployed, minified };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// One run at a time per working tree: two runs would share the CPU and overwrite each other's
// results. A lock left by a run that died is taken over.
const lockFile = path.join(resultsDir, 'tmp', 'run.lock');
mkdirSync(path.dirname(lockFile), { recursive: true });
const takeLock = () => {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    try {
      process.kill(holder, 0);
      return false;
    } catch {
      rmSync(lockFile, { force: true });
      return takeLock();
    }
  }
};
if (!takeLock()) {
  console.error(
    `Another bench run is going on (pid ${readFileSync(lockFile, 'utf8')}); try again when it ends.`,
  );
  process.exit(1);
}
process.on('exit', () => rmSync(lockFile, { force: true }));

const started = Date.now();
const info = machine();
write('machine.json', info);
const results = { machine: info };
const extensionParts = ['extension', 'load', 'churn'];
if (!only || extensionParts.includes(only)) {
  results.extension = await extension();
  // A partial run (load or churn only) prints its figures but keeps the last full results.
  if (!only || only === 'extension')
    write('extension.json', { machine: info, ...results.extension });
  else log(JSON.stringify(results.extension[only === 'load' ? 'loads' : 'churn'], null, 2));
}
if (!only || only === 'api') {
  const bundle = workerBundle();
  log('team API: seeding and load');
  const api = await benchApi({
    sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
    seconds: quick ? 2 : 5,
    log,
  });
  results.api = { bundle, ...api };
  write('api.json', { machine: info, ...results.api });
}
const summary = renderSummary(resultsDir);
writeFileSync(path.join(resultsDir, 'summary.md'), summary);
log(`\n${summary}`);
log(`bench finished in ${Math.round((Date.now() - started) / 1000)} s`);
