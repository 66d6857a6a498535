// The README table from bench/results/*.json (whatever parts the last runs produced).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const read = (dir, name) => {
  const file = path.join(dir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v) => (v === null || v === undefined ? 'n/a' : `${v} ms`);
const yes = (ok) => (ok ? 'yes' : '**no**');
const short = (p) => p.replace(/^https:\/\//, '').replace(/\/\*$/, '');

function machineSection(m) {
  if (!m) return [];
  return [
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}, ${m.chromium ?? 'no Chromium'}, wrangler ${m.wrangler}; commit ${m.commit}${m.uncommittedChanges ? ' (with uncommitted changes in the tree)' : ''}. Load average at start: ${m.loadAverageAtStart.join(', ')}.`,
    '',
  ];
}

function extensionSection(ext, goals) {
  if (!ext) return [];
  const out = ['### Extension (Chromium, built extension, fixture-served provider pages)', ''];
  out.push(
    '| provider console | runs on every load: loader + module (minified) | gzipped | of which the injected loader | budget 30 KB | loadable later (gzipped) |',
  );
  out.push('| --- | --- | --- | --- | --- | --- |');
  for (const p of ext.sizes.pages) {
    const later = p.loadableLater?.length ? kb(p.loadableLaterGzip) : 'none';
    // Results from before the loader split have no `injected` files: all of `js` was injected.
    const loader = p.injected
      ? `${p.injected.join(', ')}: ${kb(p.injectedBytes)}, ${kb(p.injectedGzip)} gzipped`
      : 'all of it';
    out.push(
      `| ${short(p.pattern)} | ${kb(p.jsBytes + p.cssBytes)} (${p.js.join(' + ')}) | ${kb(p.jsGzip + p.cssGzip)} | ${loader} | ${yes(p.withinBudget)} | ${later} |`,
    );
  }
  const worst = Math.max(...ext.sizes.pages.map((p) => p.jsGzip + p.cssGzip));
  goals.push([
    'script run on every provider page load (loader + the module it imports) ≤ 30 KB gzipped',
    kb(worst),
    worst <= ext.sizes.budgetGzip,
  ]);
  for (const s of ext.sizes.scripts) {
    const later = ext.sizes.pages.some((p) => p.loadableLater?.includes(s.file))
      ? ' (loaded later, on demand)'
      : ext.sizes.pages.some((p) => p.importedAtLoad?.includes(s.file))
        ? ' (imported by the loader on every load, after the page has loaded)'
        : ' (injected by the manifest)';
    out.push(
      '',
      `What takes the space in \`${s.file}\`${later} (minified bytes; gzip of each part alone):`,
      '',
    );
    out.push('| part | minified | share | gzip alone | pulled in by |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const o of s.byOwner.slice(0, 10)) {
      const via =
        o.via.length > 1
          ? o.via
              .slice(1, -1)
              .map((x) => path.basename(x))
              .join(' → ')
          : '';
      out.push(
        `| ${o.name} | ${kb(o.bytes)} | ${(o.share * 100).toFixed(0)}% | ${kb(o.gzipAlone)} | ${via} |`,
      );
    }
  }
  out.push(
    '',
    '| page | page load → painted mark (median / p95) | module import → painted mark (median / p95) | module start → painted mark (median / p95) | injection (document_start) → painted mark, includes the page load | extension main thread before the load event (traces) | extension CPU per load (profiler) | long tasks in the extension work after load (count, longest); in the page parse task holding the loader; the page without the extension | DCL → load with / without | response → load with / without | navigation → load with / without | load slowed |',
  );
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const pair = (x) => (x ? `${ms(x.median)} / ${ms(x.p95)}` : 'n/a');
  for (const l of ext.loads) {
    const main = l.extensionMainThread;
    const response = l.responseToLoad
      ? `${ms(l.responseToLoad.with.median)} / ${ms(l.responseToLoad.without.median)} (${l.responseToLoadSlowdownPercent}%)`
      : 'n/a';
    out.push(
      `| ${l.page} (${l.loads} loads) | ${pair(l.loadToPaintedMark)} | ${pair(l.importToPaintedMark)} | ${pair(l.moduleStartToPaintedMark)} | ${ms(l.startToPaintedMark.median)} | ${main ? `${ms(main.beforeLoad.median)} (max ${ms(main.beforeLoad.max)})` : 'n/a'} | ${ms(l.extensionCpuPerLoad.ms.median)} | ${l.longTasks.duringContentScript} (${ms(l.longTasks.longestDuringContentScript)}); ${l.longTasks.holdingTheLoader ?? 'n/a'}; without the extension: ${l.longTasks.withoutExtension} | ${ms(l.dclToLoad.with.median)} / ${ms(l.dclToLoad.without.median)} | ${response} | ${ms(l.navigationToLoad.with.median)} / ${ms(l.navigationToLoad.without.median)} | ${l.loadSlowdownPercent}% |`,
    );
    // The loader starts its work (the module's import) after the page's load: the 50 ms are
    // counted from there. From the injection the time includes the page's own load.
    const paint = l.importToPaintedMark ?? l.startToPaintedMark;
    goals.push([
      `${l.page}: overlay painted within 50 ms of the content script starting its work (the module's import after the page's load → painted mark, p95; from the injection at document_start: ${ms(l.startToPaintedMark.p95)})`,
      ms(paint.p95),
      paint.p95 !== null && paint.p95 <= 50,
    ]);
    goals.push([
      `${l.page}: no long task caused by the extension`,
      `${l.longTasks.duringContentScript} in ${l.loads} loads`,
      l.longTasks.duringContentScript === 0,
    ]);
    goals.push([
      `${l.page}: page load slowed by under 5% (navigation → load; response → load: ${l.responseToLoadSlowdownPercent ?? 'n/a'}%)`,
      `${l.loadSlowdownPercent}%`,
      l.loadSlowdownPercent !== null && l.loadSlowdownPercent < 5,
    ]);
  }
  const cpu = ext.loads.map(
    (l) =>
      `${l.page}: ${l.extensionCpuPerLoad.bySource
        .slice(0, 4)
        .map((x) => `${x.source} ${x.msPerLoad} ms`)
        .join(', ')}`,
  );
  out.push('', `Extension CPU per load by source (5 profiled loads): ${cpu.join('; ')}.`);
  const ran = ext.loads.map(
    (l) =>
      `${l.page}: ${Object.entries(l.extensionCpuPerLoad.filesRun ?? {})
        .map(([f, t]) => `${f} ${t} ms`)
        .join(', ')}`,
  );
  out.push('', `Built files that ran during a plain load (no interaction): ${ran.join('; ')}.`);
  out.push(
    '',
    '| churning page | what churns | extension scripting (CPU profiler) | page ScriptDuration with / without | top sources (ms/s) |',
  );
  out.push('| --- | --- | --- | --- | --- |');
  for (const c of ext.churn) {
    // Results from before the variants (one plain list per page) carry only `page`.
    const name = c.pageName ?? c.page.replace(/ \+ churning.*/, '');
    const what = c.churn ?? '100-row list re-rendered every 50 ms';
    out.push(
      `| ${name} (${c.seconds} s) | ${what.replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;'))} | ${c.extensionScriptingMsPerSecond} ms/s | ${c.pageScriptDurationMsPerSecond.with} / ${c.pageScriptDurationMsPerSecond.without} ms/s | ${c.extensionMsPerSecondBySource
        .slice(0, 3)
        .map((s) => `${path.basename(s.source)} ${s.ms}`)
        .join(', ')} |`,
    );
    goals.push([
      `${name}: extension scripting under 2 ms/s while the page churns (${c.variant ?? 'list'})`,
      `${c.extensionScriptingMsPerSecond} ms/s`,
      c.extensionScriptingMsPerSecond < 2,
    ]);
  }
  out.push('');
  return out;
}

function apiSection(api, goals) {
  if (!api) return [];
  const out = ['### Team API (wrangler dev on loopback, local D1, autocannon)', ''];
  const b = api.bundle;
  if (b) {
    out.push(
      `Worker bundle as \`wrangler deploy\` uploads it: ${kb(b.deployed.bytes)}, **${kb(b.deployed.gzip)} gzipped** (budget 100 KB; with \`--minify\`: ${kb(b.minified.gzip)}).`,
      '',
    );
    goals.push([
      'worker bundle under 100 KB gzipped',
      kb(b.deployed.gzip),
      b.deployed.gzip < b.budgetGzip,
    ]);
  }
  if (api.floor) {
    out.push(
      "The runtime's floor, same wrangler dev and local D1 without the app (bench/api/probe-worker): " +
        api.floor
          .map(
            (r) =>
              `${r.route.replace('floor: ', '')} ${r.reqPerSec} req/s (${r.ratioToHealthz}), p99 ${r.p99} ms`,
          )
          .join('; ') +
        '. The read routes (list, lookup, one account, /changes) make one D1 round trip: the token check and the data in one batch.',
      '',
    );
  }
  const sizes = api.stages.map((s) => s.accounts);
  out.push(
    `${api.connections} connections (unless the route says 1), ${api.secondsPerRoute} s per route; each cell: req/s (ratio to /healthz in the same stage), p50 / p99 latency.`,
    '',
  );
  out.push(`| route | ${sizes.map((n) => `${n.toLocaleString('en')} accounts`).join(' | ')} |`);
  out.push(`| --- | ${sizes.map(() => '---').join(' | ')} |`);
  const routes = api.stages[0]?.routes.map((r) => r.route) ?? [];
  for (const route of routes) {
    const cells = api.stages.map((s) => {
      const r = s.routes.find((x) => x.route === route);
      if (!r) return 'n/a';
      const bad = r.non2xx || r.errors ? ` (${r.non2xx + r.errors} failed)` : '';
      return `${r.reqPerSec} (${r.ratioToHealthz ?? '–'}) ${r.p50} / ${r.p99} ms${bad}`;
    });
    out.push(`| ${route} | ${cells.join(' | ')} |`);
  }
  out.push(
    `| full sync through /changes (500 per page) | ${api.stages.map((s) => `${s.fullSync.seconds} s (${s.fullSync.pages} pages)`).join(' | ')} |`,
  );
  out.push(
    `| import (1,000 rows per request) | ${api.stages
      .map((s) => {
        const i = s.seeding;
        const direct = i.insertedDirectly
          ? `; ${i.insertedDirectly.toLocaleString('en')} more written straight to D1`
          : '';
        return `${i.imported.toLocaleString('en')} rows in ${i.importSeconds} s = ${i.importRowsPerSecond ?? 'n/a'} rows/s${direct}`;
      })
      .join(' | ')} |`,
  );
  out.push('');
  const batches = api.stages.flatMap((s) => s.seeding.batches);
  if (batches.length) {
    const pick = batches.filter(
      (_, i) => i === 0 || i === batches.length - 1 || [1, 5, 9, 10, 20, 40].includes(i),
    );
    out.push(
      `Import request time by table size: ${pick.map((x) => `${x.tableSize.toLocaleString('en')} rows → ${x.ms} ms`).join(', ')}.`,
      '',
    );
  }
  const last = api.stages.at(-1);
  if (last) {
    for (const route of ['GET /accounts?limit=50', 'GET /accounts/lookup']) {
      const r = last.routes.find((x) => x.route === route);
      if (!r) continue;
      goals.push([
        `${route} at ${last.accounts.toLocaleString('en')} accounts: ≥ 0.5 of /healthz`,
        `${r.ratioToHealthz}`,
        r.ratioToHealthz >= 0.5,
      ]);
      // Latency without queueing behind the other connections; the 10-connection p99 is shown.
      const alone = last.routes.find((x) => x.route === `${route}, 1 connection`) ?? r;
      goals.push([
        `${route} at ${last.accounts.toLocaleString('en')} accounts: p99 under 50 ms (1 connection; with 10: ${ms(r.p99)})`,
        ms(alone.p99),
        alone.p99 < 50,
      ]);
    }
  }
  const tenK = api.stages.find((s) => s.accounts === 10_000);
  if (tenK)
    goals.push([
      'full sync of 10,000 accounts through /changes under 3 s',
      `${tenK.fullSync.seconds} s`,
      tenK.fullSync.seconds < 3,
    ]);
  if (api.importOf10000RowsSeconds !== null && api.importOf10000RowsSeconds !== undefined) {
    goals.push([
      'import of 10,000 rows under 10 s',
      `${api.importOf10000RowsSeconds} s`,
      api.importOf10000RowsSeconds < 10,
    ]);
  }
  return out;
}

/** Markdown for the README: machine, extension, API, and every goal with met or not. */
export function renderSummary(resultsDir) {
  const machine = read(resultsDir, 'machine.json');
  const extension = read(resultsDir, 'extension.json');
  const api = read(resultsDir, 'api.json');
  const goals = [];
  const out = ['## Benchmarks (`npm run bench`)', ''];
  out.push(...machineSection(extension?.machine ?? api?.machine ?? machine));
  if (extension && api && extension.machine.date !== api.machine.date) {
    out.push(
      `(Extension figures from ${extension.machine.date}, API figures from ${api.machine.date}.)`,
      '',
    );
  }
  out.push(...extensionSection(extension, goals));
  out.push(...apiSection(api, goals));
  out.push('### Goals', '', '| goal | measured | met |', '| --- | --- | --- |');
  for (const [goal, measured, met] of goals) out.push(`| ${goal} | ${measured} | ${yes(met)} |`);
  out.push('');
  return out.join('\n');
}
