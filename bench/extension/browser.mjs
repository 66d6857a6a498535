// The overlay's cost on a provider page, in a real Chromium with the built extension, against
// the same Chromium without it. Provider pages are the saved fixtures, answered on the
// provider's own URL so the manifest's content script injects as on the real console.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from '../lib/chromium.mjs';
import { ROOT, sourceLocator } from '../lib/sizes.mjs';
import { round, summary } from '../lib/stats.mjs';

/** The verification pages measured: one form per provider (the features watch their fields). */
export const PAGES = [
  {
    name: 'tencentcloud-intl individual form',
    url: 'https://console.tencentcloud.com/developer/auth/individual',
    fixture: 'tencentcloud-intl/individual-form.html',
  },
  {
    name: 'commsease individual form',
    url: 'https://console.commsease.com/#/account/authentication/individual',
    fixture: 'commsease/individual-form.html',
  },
];

const fixtureHtml = (name) => readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8');
/**
 * The churning pages: a provider form with a busy part inserted before </body>. The plain list
 * sits in a bare section; the others wrap the same churn in what real consoles wrap their
 * content in (a `role="main"` landmark, a `role="grid"` table), which the content script must
 * not take for something it reads.
 */
export const CHURNS = [
  { variant: 'list', label: '100-row list re-rendered every 50 ms', fixture: 'churn.html' },
  {
    variant: 'landmark',
    label: 'the same list inside <main role="main">',
    fixture: 'churn-landmark.html',
  },
  {
    variant: 'grid',
    label: 'a role="grid" of 100 rows re-rendered every 50 ms',
    fixture: 'churn-grid.html',
  },
];
const churnHtml = (fixture) => readFileSync(path.join(ROOT, 'bench/fixtures', fixture), 'utf8');
const withChurn = (churn) => (html) => html.replace(/<\/body>/i, `${churn}\n</body>`);

/**
 * Runs in the page's main world before its scripts, in both browsers alike: records long tasks
 * and the first animation frame after the overlay's host element appears (the frame that
 * paints it; the overlay's own `veriguide:painted` mark is set when Preact has rendered), and
 * offers `settled(withExtension)`, a promise for "the page has loaded (and the overlay has
 * painted)". The bench waits on that promise through CDP rather than with Playwright's
 * waitForFunction, whose injected script (~15 ms to evaluate) would otherwise run on the page's
 * main thread right after `load`, in the middle of the extension's start.
 */
function pageProbe() {
  const probe = { longTasks: [], overlayFrame: null };
  probe.settled = (withExtension) =>
    new Promise((resolve) => {
      const check = () => {
        const loaded = (performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0) > 0;
        const painted =
          !withExtension ||
          (performance.getEntriesByName('veriguide:painted').length > 0 &&
            probe.overlayFrame !== null);
        if (loaded && painted) resolve(true);
        else setTimeout(check, 20);
      };
      check();
    });
  Object.defineProperty(window, '__vgBench', { value: probe });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  const watcher = new MutationObserver(() => {
    if (!document.querySelector('veriguide-overlay')) return;
    watcher.disconnect();
    requestAnimationFrame(() => {
      probe.overlayFrame = performance.now();
    });
  });
  watcher.observe(document, { childList: true, subtree: true });
}

/** Evaluates `expression` in the page's main world through CDP, awaiting a promise result. */
async function evaluate(cdp, expression, timeoutMs = 15_000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${expression}`)), timeoutMs);
  });
  try {
    const { result, exceptionDetails } = await Promise.race([
      cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
      timeout,
    ]);
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

async function serve(context, pages, transform = (html) => html) {
  for (const { url, fixture } of pages) {
    const origin = new URL(url).origin;
    await context.route(`${origin}/**`, (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: transform(fixtureHtml(fixture)),
          })
        : route.fulfill({ status: 404, body: '' }),
    );
  }
  await context.addInitScript(pageProbe);
}

/**
 * What a load measures, read in the page's main world (the marks the extension sets in its
 * isolated world are on the same performance timeline).
 */
const READ_LOAD = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  return {
    responseEnd: nav?.responseEnd ?? null,
    domContentLoaded: nav?.domContentLoadedEventStart ?? null,
    loadStart: nav?.loadEventStart ?? null,
    loadEnd: nav?.loadEventEnd ?? null,
    dclToLoad: nav ? nav.loadEventEnd - nav.domContentLoadedEventStart : null,
    responseToLoad: nav ? nav.loadEventEnd - nav.responseEnd : null,
    // The loader's start (document_start), its import of the provider's module (after the
    // page's load), the module's start, and the overlay's first render.
    start: mark('veriguide:start'),
    importStart: mark('veriguide:import'),
    moduleStart: mark('veriguide:module-start'),
    painted: mark('veriguide:painted'),
    overlayFrame: window.__vgBench?.overlayFrame ?? null,
    longTasks: window.__vgBench?.longTasks ?? [],
  };
})()`;

/** One page load; with the extension, waits for its paint mark too. */
async function loadOnce(context, url, withExtension) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await evaluate(cdp, `window.__vgBench.settled(${withExtension})`);
    const result = await evaluate(cdp, READ_LOAD);
    await cdp.detach();
    return result;
  } finally {
    await page.close();
  }
}

/**
 * Main-thread time in the extension's scripts before the page's `load` event ends, from `n`
 * traced loads: the trace's script events (evaluation, function calls, and what runs inside
 * them: style, layout, DOM work) whose script is one of the extension's, overlaps merged.
 * That is what can delay the page's load on a CPU-bound machine, and unlike the load times it
 * barely depends on what else the machine is doing. (After `load` the figure would undercount:
 * promise jobs, where most of the module runs, carry no script in the trace; the profiler's
 * CPU per load covers that part.)
 */
async function traceLoads(context, url, n) {
  const before = [];
  for (let i = 0; i < n; i += 1) {
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'loading'] },
        transferMode: 'ReportEvents',
      });
      await page.goto(url, { waitUntil: 'load' });
      await evaluate(cdp, 'window.__vgBench.settled(true)');
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const split = extensionMainThread(events);
      if (split) before.push(split.beforeLoad);
    } finally {
      await page.close();
    }
  }
  return { beforeLoad: summary(before) };
}

/** See traceLoads: ms of the extension's script events on the page's main thread. */
export function extensionMainThread(events) {
  const load = events.find((e) => e.name === 'MarkLoad');
  if (!load) return null;
  const isExtension = (e) =>
    String(e.args?.data?.url ?? e.args?.fileName ?? '').startsWith('chrome-extension://');
  const spans = events
    .filter((e) => e.ph === 'X' && e.pid === load.pid && e.tid === load.tid && isExtension(e))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  let beforeLoad = 0;
  for (const [from, to] of merged) beforeLoad += Math.max(0, Math.min(to, load.ts) - from);
  return { beforeLoad: beforeLoad / 1000 };
}

/**
 * CPU time of the extension's code per page load (script evaluation, boot, first render), from
 * `n` extra profiled loads (not part of the timing runs: the profiler slows the page).
 */
async function profileLoads(context, url, extensionDir, n) {
  const totals = [];
  const sources = new Map();
  const files = new Map();
  for (let i = 0; i < n; i += 1) {
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.goto(url, { waitUntil: 'load' });
      await evaluate(cdp, 'window.__vgBench.settled(true)');
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      const ext = extensionTime(profile, extensionDir);
      totals.push(ext.ms);
      for (const { source, ms } of ext.bySource)
        sources.set(source, (sources.get(source) ?? 0) + ms);
      for (const [file, ms] of Object.entries(ext.byFile))
        files.set(file, (files.get(file) ?? 0) + ms);
    } finally {
      await page.close();
    }
  }
  return {
    ms: summary(totals),
    // Built files that ran during a plain load (no interaction), ms per load.
    filesRun: Object.fromEntries([...files].map(([file, ms]) => [file, round(ms / n, 1)])),
    bySource: [...sources]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([source, ms]) => ({ source, msPerLoad: round(ms / n, 1) })),
  };
}

/** `to - from` in ms, or NaN (left out of the summaries) when either mark is missing. */
const gap = (from, to) => (from === null || to === null ? Number.NaN : to - from);

/**
 * Loads every page `loads` times in each browser, alternating with and without the extension so
 * both see the same machine load. Returns per-page summaries in milliseconds.
 */
export async function measureLoads({ extensionDir, loads = 30, warmup = 3, log = console.log }) {
  const withExt = await launch(extensionDir);
  const without = await launch(null);
  try {
    await serve(withExt.context, PAGES);
    await serve(without.context, PAGES);
    const results = [];
    for (const p of PAGES) {
      const runs = { with: [], without: [] };
      for (let i = 0; i < warmup + loads; i += 1) {
        const a = await loadOnce(withExt.context, p.url, true);
        const b = await loadOnce(without.context, p.url, false);
        if (i >= warmup) {
          runs.with.push(a);
          runs.without.push(b);
        }
      }
      // A long task counts against the extension when it overlaps the extension's work after
      // the page's load: from the loader's import of the module to the overlay's painted frame.
      // Before that the loader runs once, for about a millisecond, inside the page's own
      // parsing task (document_start): a long task holding it is the page's parse on a busy
      // machine, counted apart and to be read against the same page without the extension.
      const overlaps = (t, from, to) =>
        from !== null && t.start + t.duration >= from && t.start <= (to ?? from);
      const extLongTasks = runs.with.flatMap((r) =>
        r.longTasks.filter((t) =>
          overlaps(t, r.importStart ?? r.start, r.overlayFrame ?? r.painted),
        ),
      );
      const loaderLongTasks = runs.with.flatMap((r) =>
        r.longTasks.filter((t) => overlaps(t, r.start, r.start)),
      );
      const entry = {
        page: p.name,
        url: p.url,
        loads,
        // The loader is injected at document_start and waits for the page's load, so from the
        // injection the time includes the page's own parsing and load.
        startToPaintedMark: summary(runs.with.map((r) => gap(r.start, r.painted))),
        // From the page's load event, and from the loader's import of the provider's module
        // (a task after `load`): what the user waits for once the page is there.
        loadToPaintedMark: summary(runs.with.map((r) => gap(r.loadEnd, r.painted))),
        importToPaintedMark: summary(runs.with.map((r) => gap(r.importStart, r.painted))),
        importToOverlayFrame: summary(runs.with.map((r) => gap(r.importStart, r.overlayFrame))),
        // The import (fetch, the dynamic URL's redirect, parse, evaluation), then the module.
        importToModuleStart: summary(runs.with.map((r) => gap(r.importStart, r.moduleStart))),
        moduleStartToPaintedMark: summary(runs.with.map((r) => gap(r.moduleStart, r.painted))),
        // Negative would mean the module started before the page's load event ended.
        moduleStartAfterLoadEnd: summary(runs.with.map((r) => gap(r.loadEnd, r.moduleStart))),
        dclToLoad: {
          with: summary(runs.with.map((r) => r.dclToLoad)),
          without: summary(runs.without.map((r) => r.dclToLoad)),
        },
        navigationToLoad: {
          with: summary(runs.with.map((r) => r.loadEnd)),
          without: summary(runs.without.map((r) => r.loadEnd)),
        },
        // The page's own load work (parse, DOMContentLoaded, load), without the time the
        // fixture's answer takes through Playwright's routing (the same with and without the
        // extension, but it swings on a busy machine).
        responseToLoad: {
          with: summary(runs.with.map((r) => r.responseToLoad)),
          without: summary(runs.without.map((r) => r.responseToLoad)),
        },
        longTasks: {
          withExtension: runs.with.reduce((n, r) => n + r.longTasks.length, 0),
          withoutExtension: runs.without.reduce((n, r) => n + r.longTasks.length, 0),
          duringContentScript: extLongTasks.length,
          longestDuringContentScript: round(Math.max(0, ...extLongTasks.map((t) => t.duration))),
          holdingTheLoader: loaderLongTasks.length,
        },
      };
      entry.extensionCpuPerLoad = await profileLoads(withExt.context, p.url, extensionDir, 5);
      entry.extensionMainThread = await traceLoads(withExt.context, p.url, 5);
      const slow = (w, wo) => (wo > 0 ? round(((w - wo) / wo) * 100, 1) : null);
      entry.loadSlowdownPercent = slow(
        entry.navigationToLoad.with.median,
        entry.navigationToLoad.without.median,
      );
      entry.responseToLoadSlowdownPercent = slow(
        entry.responseToLoad.with.median,
        entry.responseToLoad.without.median,
      );
      log(
        `  ${p.name}: load -> painted mark median ${entry.loadToPaintedMark.median} ms, p95 ${entry.loadToPaintedMark.p95} ms; ` +
          `import -> painted p95 ${entry.importToPaintedMark.p95} ms; module start -> painted p95 ${entry.moduleStartToPaintedMark.p95} ms; ` +
          `injection -> painted median ${entry.startToPaintedMark.median} ms; ` +
          `load ${entry.navigationToLoad.with.median} vs ${entry.navigationToLoad.without.median} ms (${entry.loadSlowdownPercent}%), ` +
          `response -> load ${entry.responseToLoad.with.median} vs ${entry.responseToLoad.without.median} ms (${entry.responseToLoadSlowdownPercent}%); ` +
          `extension main thread before load ${entry.extensionMainThread.beforeLoad.median} ms`,
      );
      results.push(entry);
    }
    return results;
  } finally {
    await withExt.close();
    await without.close();
  }
}

/**
 * Time (ms) of the CPU-profile samples whose stack includes a frame of the extension's scripts
 * (the content script's isolated world runs in the page's isolate), in total and per source
 * file of the extension (through the build's source maps), nearest extension frame first.
 */
export function extensionTime(profile, extensionDir) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const locators = new Map();
  const locate = (frame) => {
    const file = new URL(frame.url).pathname.slice(1);
    if (!locators.has(file)) locators.set(file, sourceLocator(path.join(extensionDir, file)));
    return { file, source: locators.get(file)(frame.lineNumber, frame.columnNumber) ?? file };
  };
  // The source of the nearest extension frame on the node's stack, or null for none.
  const owner = new Map();
  const ownerOf = (id) => {
    if (owner.has(id)) return owner.get(id);
    const frame = byId.get(id)?.callFrame;
    const up = parent.get(id);
    const value = frame?.url.startsWith('chrome-extension://')
      ? locate(frame)
      : up === undefined
        ? null
        : ownerOf(up);
    owner.set(id, value);
    return value;
  };
  const bySource = new Map();
  const byFile = new Map();
  let micros = 0;
  profile.samples.forEach((id, i) => {
    const where = ownerOf(id);
    if (where === null) return;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    micros += dt;
    bySource.set(where.source, (bySource.get(where.source) ?? 0) + dt);
    byFile.set(where.file, (byFile.get(where.file) ?? 0) + dt);
  });
  return {
    ms: micros / 1000,
    /** Which of the extension's built files ran (e.g. whether an on-demand chunk loaded). */
    byFile: Object.fromEntries([...byFile].map(([file, us]) => [file, round(us / 1000, 1)])),
    bySource: [...bySource]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([source, us]) => ({ source, ms: round(us / 1000, 1) })),
  };
}

async function churnOnce(context, url, withExtension, seconds, extensionDir) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (withExtension) {
      await page.waitForFunction(
        () => performance.getEntriesByName('veriguide:painted').length > 0,
      );
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const metric = async (name) =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
    const longBefore = await page.evaluate(() => window.__vgBench?.longTasks.length ?? 0);
    const script0 = await metric('ScriptDuration');
    const t0 = Date.now();
    await cdp.send('Profiler.start');
    // The measurement window itself (not a wait for UI): the page churns for this long.
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const { profile } = await cdp.send('Profiler.stop');
    const ext = extensionTime(profile, extensionDir);
    const script1 = await metric('ScriptDuration');
    const elapsed = (Date.now() - t0) / 1000;
    const longAfter = await page.evaluate(() => window.__vgBench?.longTasks.length ?? 0);
    const rows = await page.evaluate(() => document.querySelectorAll('.op-row').length);
    if (rows !== 100) throw new Error(`churn fixture did not render its list (${rows} rows)`);
    await cdp.detach();
    return {
      seconds: elapsed,
      scriptMsPerSecond: ((script1 - script0) * 1000) / elapsed,
      extensionMsPerSecond: ext.ms / elapsed,
      extensionBySource: ext.bySource.map((x) => ({ ...x, ms: round(x.ms / elapsed, 2) })),
      longTasks: longAfter - longBefore,
    };
  } finally {
    await page.close();
  }
}

/**
 * The extension's scripting time per second while the page re-renders a list every 50 ms:
 * from the CPU profiler (time in the extension's own frames) and, as a cross-check, the
 * renderer's ScriptDuration with and without the extension.
 */
export async function measureChurn({ extensionDir, seconds = 10, log = console.log }) {
  const results = [];
  // One pair of browsers per variant: a context answers a provider's URL with one page.
  for (const churn of CHURNS) {
    results.push(
      ...(await measureChurnVariant({ extensionDir, seconds, log, churn, pages: PAGES })),
    );
  }
  return results;
}

async function measureChurnVariant({ extensionDir, seconds, log, churn, pages }) {
  const withExt = await launch(extensionDir);
  const without = await launch(null);
  try {
    const transform = withChurn(churnHtml(churn.fixture));
    await serve(withExt.context, pages, transform);
    await serve(without.context, pages, transform);
    const results = [];
    for (const p of pages) {
      const a = await churnOnce(withExt.context, p.url, true, seconds, extensionDir);
      const b = await churnOnce(without.context, p.url, false, seconds, extensionDir);
      const entry = {
        page: `${p.name} + ${churn.label}`,
        pageName: p.name,
        variant: churn.variant,
        churn: churn.label,
        seconds: round(a.seconds, 1),
        extensionScriptingMsPerSecond: round(a.extensionMsPerSecond, 2),
        extensionMsPerSecondBySource: a.extensionBySource,
        pageScriptDurationMsPerSecond: {
          with: round(a.scriptMsPerSecond, 2),
          without: round(b.scriptMsPerSecond, 2),
          difference: round(a.scriptMsPerSecond - b.scriptMsPerSecond, 2),
        },
        longTasks: { with: a.longTasks, without: b.longTasks },
      };
      log(
        `  churn ${p.name}, ${churn.label}: extension ${entry.extensionScriptingMsPerSecond} ms/s (profiler); ScriptDuration ${entry.pageScriptDurationMsPerSecond.with} vs ${entry.pageScriptDurationMsPerSecond.without} ms/s`,
      );
      results.push(entry);
    }
    return results;
  } finally {
    await withExt.close();
    await without.close();
  }
}
