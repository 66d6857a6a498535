#!/usr/bin/env node
// Where the p99 of one connection comes from (issue 6): requests one after another, each timed,
// while the machine's CPU use (all processes, and the bench's own wrangler/workerd/client) is
// sampled every 20 ms and the worker is CPU-profiled through its inspector (garbage collection
// shows there as "(garbage collector)" samples). Runs the floor worker's routes first, so the
// app's tail can be read against the runtime's own.
//
//   flock /tmp/veriguide-bench.lock node --experimental-websocket bench/api/tail.mjs \
//     [--accounts 2000] [--seconds 8] [--no-profile]
//
// Prints, per route: p50 / p99 / max; p99 of the requests that ran while other processes on
// the machine (not this bench) used under a quarter of a core and over half a core; and the
// worker's GC share and longest GC run.
import { readdirSync, readFileSync } from 'node:fs';
import { round } from '../lib/stats.mjs';
import { benchAccount, seedAccounts } from './seed.mjs';
import { startApi, startProbe } from './server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const ACCOUNTS = arg('--accounts', 2000);
const SECONDS = arg('--seconds', 8);
// The profiler slows the worker (p50 roughly doubles): latency without it, GC with it.
const PROFILE = !args.includes('--no-profile');
const TICK = 100; // USER_HZ on Linux (`getconf CLK_TCK`): /proc reports CPU time in these ticks

const cpuTotals = () => {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const f = (cpu ?? '').trim().split(/\s+/).slice(1).map(Number);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
};

/** CPU ticks of a process tree (the bench's own: this process and wrangler/workerd). */
const treeTicks = (rootPids) => {
  const parents = new Map();
  const ticks = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(d), Number(rest[1]));
      ticks.set(Number(d), Number(rest[11]) + Number(rest[12]));
    } catch {
      // gone
    }
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    let p = pid;
    for (let hops = 0; p > 1 && hops < 20; hops += 1) {
      if (rootPids.includes(p)) {
        sum += t;
        break;
      }
      p = parents.get(p) ?? 0;
    }
  }
  return sum;
};

/** Samples every 20 ms: machine busy cores and the bench's own cores, per interval. */
function sampler(rootPids) {
  const samples = [];
  let last = { at: performance.now(), cpu: cpuTotals(), own: treeTicks(rootPids) };
  const timer = setInterval(() => {
    const now = { at: performance.now(), cpu: cpuTotals(), own: treeTicks(rootPids) };
    const cores = (now.cpu.total - last.cpu.total) / TICK / ((now.at - last.at) / 1000);
    const busy = (now.cpu.busy - last.cpu.busy) / TICK / ((now.at - last.at) / 1000);
    const own = (now.own - last.own) / TICK / ((now.at - last.at) / 1000);
    samples.push({ from: last.at, to: now.at, busy, own, others: Math.max(0, busy - own), cores });
    last = now;
  }, 20);
  return {
    stop: () => clearInterval(timer),
    /** Mean CPU of other processes (cores) over [from, to]. */
    othersDuring(from, to) {
      const hit = samples.filter((s) => s.to > from - 20 && s.from < to + 20);
      return hit.length ? hit.reduce((a, s) => a + s.others, 0) / hit.length : null;
    },
  };
}

/** A CPU profile of the worker via its inspector (wrangler dev's --inspector-port). */
async function profiler(inspectorPort) {
  if (typeof WebSocket === 'undefined') return null;
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) return null;
  // wrangler's inspector proxy wants a local Origin (it refuses other pages' scripts).
  const ws = new WebSocket(url, { headers: { Origin: 'http://localhost' } });
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let id = 0;
  const pending = new Map();
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data));
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg.result);
      pending.delete(msg.id);
    }
  };
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      id += 1;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  return {
    start: () => send('Profiler.start'),
    async stop() {
      const { profile } = await send('Profiler.stop');
      const gcNodes = new Set(
        profile.nodes
          .filter((n) => n.callFrame.functionName === '(garbage collector)')
          .map((n) => n.id),
      );
      const idleNodes = new Set(
        profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
      );
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map();
      let gc = 0;
      let busy = 0;
      let run = 0;
      let longest = 0;
      profile.samples.forEach((node, i) => {
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const frame = byId.get(node)?.callFrame;
        if (frame) {
          const where = frame.url ? `${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}` : '';
          const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
          self.set(key, (self.get(key) ?? 0) + dt);
        }
        if (!idleNodes.has(node)) busy += dt;
        if (gcNodes.has(node)) {
          gc += dt;
          run += dt;
          longest = Math.max(longest, run);
        } else run = 0;
      });
      const top = [...self.entries()]
        .filter(([k]) => k !== '(idle)')
        .sort((a, b) => b[1] - a[1])
        .slice(0, Number(process.env.TAIL_TOP ?? 6))
        .map(([k, ms]) => `${k} ${round(ms, 0)} ms`);
      return { busyMs: round(busy, 0), gcMs: round(gc, 1), longestGcMs: round(longest, 1), top };
    },
    close: () => ws.close(),
  };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? null) : null;
};

async function sequential({ name, url, headers, path, seconds, rootPids, inspectorPort }) {
  const cpu = sampler(rootPids);
  const prof = PROFILE && inspectorPort ? await profiler(inspectorPort) : null;
  await prof?.start();
  const timings = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    const r = await fetch(`${url}${path()}`, { headers });
    await r.arrayBuffer();
    const t1 = performance.now();
    if (!r.ok) throw new Error(`${name}: ${r.status}`);
    timings.push({ t0, t1, ms: t1 - t0 });
  }
  const gc = await prof?.stop();
  prof?.close();
  cpu.stop();
  for (const t of timings) t.others = cpu.othersDuring(t.t0, t.t1);
  const ms = timings.map((t) => t.ms);
  const quiet = timings.filter((t) => t.others !== null && t.others < 0.25).map((t) => t.ms);
  const noisy = timings.filter((t) => t.others !== null && t.others > 0.5).map((t) => t.ms);
  const p99 = quantile(ms, 0.99);
  const slow = timings.filter((t) => t.ms >= (p99 ?? 0));
  return {
    route: name,
    requests: ms.length,
    p50: round(quantile(ms, 0.5), 1),
    p99: round(p99, 1),
    max: round(Math.max(...ms), 1),
    quiet: {
      requests: quiet.length,
      p50: round(quantile(quiet, 0.5), 1),
      p99: round(quantile(quiet, 0.99), 1),
    },
    noisy: {
      requests: noisy.length,
      p50: round(quantile(noisy, 0.5), 1),
      p99: round(quantile(noisy, 0.99), 1),
    },
    slowestOthersCores: round(
      slow.reduce((a, t) => a + (t.others ?? 0), 0) / Math.max(1, slow.length),
      2,
    ),
    allOthersCores: round(
      timings.reduce((a, t) => a + (t.others ?? 0), 0) / Math.max(1, timings.length),
      2,
    ),
    worker: gc ?? null,
  };
}

const print = (r) =>
  console.log(
    `  ${r.route}: ${r.requests} requests, p50 ${r.p50} / p99 ${r.p99} / max ${r.max} ms; ` +
      `other processes ${r.allOthersCores} cores on average, ${r.slowestOthersCores} during the slowest 1%; ` +
      `others < 0.25 core: ${r.quiet.requests} req, p99 ${r.quiet.p99} ms; others > 0.5 core: ${r.noisy.requests} req, p99 ${r.noisy.p99} ms` +
      (r.worker
        ? `; worker CPU ${r.worker.busyMs} ms, GC ${r.worker.gcMs} ms, longest GC run ${r.worker.longestGcMs} ms\n    worker self time: ${r.worker.top.join(', ')}`
        : ''),
  );

const probe = await startProbe();
try {
  for (const path of ['/healthz', '/d1/1', '/d1/batch2']) {
    print(
      await sequential({
        name: `floor ${path}`,
        url: probe.url,
        path: () => path,
        seconds: SECONDS,
        rootPids: [process.pid, probe.pid],
        inspectorPort: probe.inspectorPort,
      }),
    );
  }
} finally {
  await probe.stop();
}

const server = await startApi({ log: () => {} });
try {
  await seedAccounts({ url: server.url, token: server.token, from: 0, to: ACCOUNTS });
  const headers = { Authorization: `Bearer ${server.token}` };
  const lookup = () => {
    const a = benchAccount(Math.floor(Math.random() * ACCOUNTS));
    return `/api/v1/accounts/lookup?provider=${a.provider}&externalId=${a.externalId}`;
  };
  for (const [name, path] of [
    ['GET /healthz', () => '/healthz'],
    ['GET /accounts/lookup', lookup],
    ['GET /accounts?limit=50', () => '/api/v1/accounts?limit=50'],
  ]) {
    print(
      await sequential({
        name: `${ACCOUNTS} accounts, ${name}`,
        url: server.url,
        headers,
        path,
        seconds: SECONDS,
        rootPids: [process.pid, server.pid],
        inspectorPort: server.inspectorPort,
      }),
    );
  }
} finally {
  await server.stop();
}
