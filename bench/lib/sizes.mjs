// Sizes of what the extension injects into a provider page, and what takes the space.
// Used by `npm run bench` (bench/extension/size.mjs) and the budget test
// (test/e2e/budgets/content-script-size.test.ts). Plain ESM so both node and vitest load it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The issue's budget: at most 30 KB (30 * 1024 bytes) of gzipped script per provider page. */
export const CONTENT_SCRIPT_BUDGET_GZIP = 30 * 1024;

/** Gzip at zlib's default level, the level servers and size tools usually mean by "gzipped". */
export const gzipSize = (data) => gzipSync(data).length;

/** The file without a trailing `//# sourceMappingURL=` comment (present only in bench builds). */
export const stripSourceMapComment = (text) =>
  text.replace(/\n?\/\/# sourceMappingURL=[^\n]*\s*$/, '');

/**
 * Whether a manifest match pattern (`https://console.commsease.com/*`) matches a URL.
 * Only the forms a content script's `matches` uses here: scheme, host (maybe `*.`), path glob.
 */
export function matchesPattern(pattern, url) {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, pathGlob] = m;
  const u = new URL(url);
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  const hostOk = host.startsWith('*.')
    ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1))
    : u.hostname === host;
  const glob = new RegExp(
    `^${pathGlob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`,
  );
  return hostOk && glob.test(u.pathname + u.search);
}

/**
 * One entry per match pattern of the built manifest (one per provider console): the scripts
 * that run there on every page load, with their minified and gzipped sizes. That is the
 * content script the browser injects (a small loader) plus the module it imports at once from
 * a web-accessible file (a path the loader names, e.g. `/commsease-console.js`): the honest
 * "script injected into a provider page". Scripts web-accessible to the page that the loader
 * does not name (the overlay's UI chunk, imported on first need) are listed apart as loadable
 * later. Every built script here is self-contained (WXT builds content and unlisted scripts as
 * single classic scripts), so there are no shared chunks to follow.
 */
export function injectedPerProviderPage(extensionDir) {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const scripts = manifest.content_scripts ?? [];
  const patterns = [...new Set(scripts.flatMap((s) => s.matches ?? []))].sort();
  const read = (f) => stripSourceMapComment(readFileSync(path.join(extensionDir, f), 'utf8'));
  const gzipEach = (files) => files.reduce((n, f) => n + gzipSize(read(f)), 0);
  const bytesEach = (files) => files.reduce((n, f) => n + Buffer.byteLength(read(f)), 0);
  return patterns.map((pattern) => {
    // A page URL under the pattern, to find every content script entry that also applies.
    const url = pattern.replace('*://', 'https://').replace('/*', '/').replace('://*.', '://x.');
    const entries = scripts.filter((s) => (s.matches ?? []).some((p) => matchesPattern(p, url)));
    const injected = [...new Set(entries.flatMap((s) => s.js ?? []))];
    const css = [...new Set(entries.flatMap((s) => s.css ?? []))];
    const cssText = css.map(read).join('\n');
    // Scripts web-accessible to this page (MV3: per-origin lists; MV2: one plain list).
    const accessible = [
      ...new Set(
        (manifest.web_accessible_resources ?? [])
          .filter(
            (w) => typeof w === 'string' || (w.matches ?? []).some((p) => matchesPattern(p, url)),
          )
          .flatMap((w) => (typeof w === 'string' ? [w] : (w.resources ?? [])))
          .filter((f) => /\.m?js$/.test(f) && existsSync(path.join(extensionDir, f))),
      ),
    ].filter((f) => !injected.includes(f));
    const injectedText = injected.map(read).join('\n');
    const importedAtLoad = accessible.filter((f) => injectedText.includes(`/${f}`));
    const later = accessible.filter((f) => !importedAtLoad.includes(f));
    const js = [...injected, ...importedAtLoad];
    return {
      pattern,
      js,
      injected,
      importedAtLoad,
      css,
      // Each file is fetched on its own, so each is gzipped on its own.
      jsBytes: bytesEach(js),
      jsGzip: gzipEach(js),
      injectedBytes: bytesEach(injected),
      injectedGzip: gzipEach(injected),
      cssBytes: Buffer.byteLength(cssText),
      cssGzip: cssText ? gzipSize(cssText) : 0,
      loadableLater: later,
      loadableLaterGzip: gzipEach(later),
    };
  });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map `mappings` segment (base64 VLQ) into its numbers. */
function decodeSegment(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_VALUE.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** `node_modules/preact/hooks/dist/x.js` -> `preact`; repo files stay as their path. */
export function ownerOf(source) {
  const clean = source.replace(/^(\.\.\/)+/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    // drizzle-orm ships maps whose sources are `../src/*.ts` from its package root, which
    // resolve to `node_modules/src/`: that name is drizzle-orm's.
    if (rest[0] === 'src') return 'npm:drizzle-orm';
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return `npm:${name}`;
  }
  return clean;
}

/**
 * Which source each byte of a minified file came from, through its source map: characters per
 * source file, and per owner (npm package, or the repo file). `gzipAlone` is each group's code
 * gzipped on its own, a fair ranking of what the space goes to (the parts sum to more than the
 * whole because gzip shares a dictionary across the file).
 */
export function breakdown(jsFile) {
  const text = stripSourceMapComment(readFileSync(jsFile, 'utf8'));
  const mapFile = `${jsFile}.map`;
  if (!existsSync(mapFile)) throw new Error(`no source map at ${mapFile}`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = text.split('\n');
  const chunks = new Map(); // source index (or -1 for generated glue) -> code pieces
  let srcIdx = 0;
  const push = (idx, piece) => {
    const list = chunks.get(idx) ?? [];
    list.push(piece);
    chunks.set(idx, list);
  };
  map.mappings.split(';').forEach((lineMappings, lineNo) => {
    const line = lines[lineNo] ?? '';
    let col = 0;
    const segments = [];
    for (const seg of lineMappings.split(',')) {
      if (!seg) continue;
      const v = decodeSegment(seg);
      col += v[0] ?? 0;
      if (v.length >= 4) {
        srcIdx += v[1] ?? 0;
        segments.push([col, srcIdx]);
      } else segments.push([col, -1]);
    }
    if (segments.length === 0) {
      push(-1, line);
      return;
    }
    if ((segments[0]?.[0] ?? 0) > 0) push(-1, line.slice(0, segments[0]?.[0]));
    segments.forEach(([start, idx], i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      push(idx, line.slice(start, end));
    });
  });
  const bySource = [];
  for (const [idx, pieces] of chunks) {
    // Source paths are relative to the map; report them relative to the repository.
    const source =
      idx < 0
        ? '(bundler glue, no source)'
        : path.relative(
            ROOT,
            path.resolve(path.dirname(mapFile), map.sourceRoot ?? '', map.sources[idx] ?? ''),
          );
    bySource.push({
      source: idx < 0 ? source : ownerOf(source),
      file: source,
      code: pieces.join(''),
    });
  }
  const group = (keyOf) => {
    const groups = new Map();
    for (const s of bySource) {
      const key = keyOf(s);
      groups.set(key, `${groups.get(key) ?? ''}${s.code}`);
    }
    return [...groups]
      .map(([name, code]) => ({ name, bytes: Buffer.byteLength(code), gzipAlone: gzipSize(code) }))
      .sort((a, b) => b.bytes - a.bytes);
  };
  return {
    totalBytes: Buffer.byteLength(text),
    totalGzip: gzipSize(text),
    byFile: group((s) => s.source),
    byOwner: group((s) =>
      s.source.startsWith('npm:') || s.source.startsWith('(')
        ? s.source
        : s.source.split('/').slice(0, 3).join('/'),
    ),
  };
}

/**
 * Maps a (0-based) line and column of a built script back to its source file through the
 * script's source map: `locate(line, column)` -> repo-relative source path, or null.
 */
export function sourceLocator(jsFile) {
  const mapFile = `${jsFile}.map`;
  if (!existsSync(mapFile)) return () => null;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const sources = map.sources.map((s) =>
    ownerOf(path.relative(ROOT, path.resolve(path.dirname(mapFile), map.sourceRoot ?? '', s))),
  );
  let srcIdx = 0;
  const lines = map.mappings.split(';').map((lineMappings) => {
    let col = 0;
    const segments = [];
    for (const seg of lineMappings.split(',')) {
      if (!seg) continue;
      const v = decodeSegment(seg);
      col += v[0] ?? 0;
      if (v.length >= 4) srcIdx += v[1] ?? 0;
      segments.push([col, v.length >= 4 ? srcIdx : -1]);
    }
    return segments;
  });
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found = -1;
    for (const [col, idx] of segments) {
      if (col > column) break;
      found = idx;
    }
    return found < 0 ? null : (sources[found] ?? null);
  };
}
