// Content-script size per provider page (minified + gzipped) and what takes the space.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importChain } from '../lib/build-extension.mjs';
import { breakdown, CONTENT_SCRIPT_BUDGET_GZIP, injectedPerProviderPage } from '../lib/sizes.mjs';

/** Measures a bench build (made with source maps) in `outBase`. */
export function measureSizes(outBase) {
  const extensionDir = path.join(outBase, 'chrome-mv3');
  const pages = injectedPerProviderPage(extensionDir);
  const graph = JSON.parse(readFileSync(path.join(outBase, 'module-graph.json'), 'utf8'));
  const scripts = [...new Set(pages.flatMap((p) => [...p.js, ...(p.loadableLater ?? [])]))];
  const perScript = scripts.map((file) => {
    const b = breakdown(path.join(extensionDir, file));
    const modules = graph[file] ?? {};
    const top = b.byOwner.slice(0, 12).map((o) => ({
      ...o,
      share: Number((o.bytes / b.totalBytes).toFixed(3)),
      // Why it is in the bundle: the import chain from the entry point.
      via: o.name.startsWith('(') ? [] : importChain(modules, o.name),
    }));
    return {
      file,
      bytes: b.totalBytes,
      gzip: b.totalGzip,
      byOwner: top,
      byFile: b.byFile.slice(0, 30),
    };
  });
  return {
    budgetGzip: CONTENT_SCRIPT_BUDGET_GZIP,
    pages: pages.map((p) => ({
      ...p,
      withinBudget: p.jsGzip + p.cssGzip <= CONTENT_SCRIPT_BUDGET_GZIP,
    })),
    scripts: perScript,
  };
}
