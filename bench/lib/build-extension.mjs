// Builds the extension for Chrome (production, as `wxt build` does) into a directory of its own,
// so a bench or budget run never reads a half-written .output/ from another build. Optionally
// with source maps, and with the bundler's module graph so a report can say which import chain
// pulls a package into the content script.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'wxt';
import { ROOT } from './sizes.mjs';

const rel = (id) => {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  return path.isAbsolute(clean) ? path.relative(ROOT, clean) : clean;
};

/**
 * Builds into `<outBase>/chrome-mv3` and returns that directory. With `sourcemap`, every script
 * gets a `.map`, and `<outBase>/module-graph.json` maps each output chunk to its modules and
 * the modules that import them (as the bundler saw them after types were erased).
 */
export async function buildExtension({ outBase, sourcemap = false }) {
  mkdirSync(outBase, { recursive: true });
  const graph = {};
  const graphPlugin = {
    name: 'veriguide-bench-module-graph',
    generateBundle(_options, bundle) {
      // Every module the build saw, not only the chunk's rendered ones: a re-export barrel
      // (e.g. zod's index) renders nothing but is still a link of the import chain.
      const modules = {};
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        modules[rel(id)] = {
          importers: (info?.importers ?? []).map(rel),
          isEntry: Boolean(info?.isEntry),
        };
      }
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') graph[chunk.fileName] = modules;
      }
    },
  };
  await build({
    root: ROOT,
    outDir: outBase,
    vite: () => ({ build: { sourcemap }, plugins: sourcemap ? [graphPlugin] : [] }),
  });
  if (sourcemap) writeFileSync(path.join(outBase, 'module-graph.json'), JSON.stringify(graph));
  return path.join(outBase, 'chrome-mv3');
}

/**
 * The shortest import chain from the chunk's entry module to any module of `owner` (an npm
 * package `npm:zod` or a repo path prefix), e.g. [entry, boot.ts, ..., 'node_modules/zod/...'].
 */
export function importChain(chunkModules, owner) {
  const isOwner = (id) =>
    owner.startsWith('npm:')
      ? id.includes(`node_modules/${owner.slice(4)}/`)
      : id === owner || id.startsWith(`${owner}/`);
  // Breadth-first from the owner's modules up through their importers to an entry module.
  const start = Object.keys(chunkModules).filter(isOwner);
  const prev = new Map(start.map((id) => [id, null]));
  const queue = [...start];
  while (queue.length > 0) {
    const id = queue.shift();
    const info = chunkModules[id];
    if (!info) continue;
    if (info.isEntry) {
      const chain = [];
      for (let at = id; at !== null && at !== undefined; at = prev.get(at)) chain.push(at);
      // Keep the first module of the owner and drop the owner's internal hops.
      const firstOwned = chain.findIndex(isOwner);
      return chain.slice(0, firstOwned + 1);
    }
    for (const importer of info.importers) {
      if (!prev.has(importer)) {
        prev.set(importer, id);
        queue.push(importer);
      }
    }
  }
  return [];
}
