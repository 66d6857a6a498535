import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importChain } from '../../../bench/lib/build-extension.mjs';
import { breakdown, ownerOf, ROOT, sourceLocator } from '../../../bench/lib/sizes.mjs';

// The budget failures and the bench name "what takes the space" from source maps and the
// bundler's module graph; these check that attribution on small, known inputs.
describe('size breakdown through a source map', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vg-breakdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Generated line 0: "aaaa" from a.ts, "bb" from node_modules/zod/x.js, ";" unmapped glue.
  // Line 1: "cc" from a.ts again.
  const js = path.join(dir, 'out.js');
  writeFileSync(js, 'aaaabb;\ncc\n//# sourceMappingURL=out.js.map');
  writeFileSync(
    `${js}.map`,
    JSON.stringify({
      version: 3,
      sources: [path.join(ROOT, 'shared/a.ts'), path.join(ROOT, 'node_modules/zod/x.js')],
      names: [],
      // [col 0 -> src 0], [col 4 -> src 1], [col 6, no source]; next line [col 0 -> src 0]
      mappings: 'AAAA,ICAA,E;ADAA',
    }),
  );

  it('counts each generated character for the source it came from', () => {
    const b = breakdown(js);
    const bytes = Object.fromEntries(b.byFile.map((g) => [g.name, g.bytes]));
    expect(bytes).toEqual({
      'shared/a.ts': 6,
      'npm:zod': 2,
      '(bundler glue, no source)': 1,
    });
    // The source-map comment is not counted: the budget is the script as shipped.
    expect(b.totalBytes).toBe('aaaabb;\ncc'.length);
  });

  it('maps a position in the built file back to its source', () => {
    const locate = sourceLocator(js);
    expect(locate(0, 2)).toBe('shared/a.ts');
    expect(locate(0, 5)).toBe('npm:zod');
    expect(locate(1, 1)).toBe('shared/a.ts');
  });

  it.each([
    ['node_modules/@wxt-dev/storage/dist/index.mjs', 'npm:@wxt-dev/storage'],
    ['node_modules/preact/hooks/dist/hooks.module.js', 'npm:preact'],
    ['node_modules/src/sqlite-core/table.ts', 'npm:drizzle-orm'],
    ['extension/content/boot.ts', 'extension/content/boot.ts'],
  ])('%s belongs to %s', (source, owner) => {
    expect(ownerOf(source)).toBe(owner);
  });

  it('finds the shortest import chain from the entry to a package', () => {
    const graph = {
      entry: { importers: [], isEntry: true },
      'boot.ts': { importers: ['entry'], isEntry: false },
      'decide.ts': { importers: ['boot.ts', 'other.ts'], isEntry: false },
      'other.ts': { importers: ['boot.ts'], isEntry: false },
      'node_modules/zod/index.js': { importers: ['decide.ts'], isEntry: false },
      'node_modules/zod/core.js': { importers: ['node_modules/zod/index.js'], isEntry: false },
    };
    expect(importChain(graph, 'npm:zod')).toEqual([
      'entry',
      'boot.ts',
      'decide.ts',
      'node_modules/zod/index.js',
    ]);
    expect(importChain(graph, 'npm:preact')).toEqual([]);
  });
});
