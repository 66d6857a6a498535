import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHORS } from '../../extension/content/anchors';
import { CONSOLE_SCRIPTS } from '../../extension/content/console-scripts';
import { FEATURES } from '../../extension/content/features';
import { CONTENT_PLAYBOOKS } from '../../extension/content/providers';
import { recognise } from '../../extension/content/recognize';
import { PlaybookSchema } from '../../shared/playbooks/schema';
import { loadFixture } from './support/fixture';

// The structure the overlay relies on, checked (refined-github style): every feature file is
// registered, every feature runs on at least one saved page, every provider has its anchors,
// and every fixture is documented.

const ROOT = path.resolve(import.meta.dirname, '../..');
const FEATURE_DIR = path.join(ROOT, 'extension/content/features');
const FIXTURE_DIR = path.join(ROOT, 'test/fixtures');

/** A URL on the provider's console that no page pattern knows, so content decides. */
const UNKNOWN_PATH: Record<string, string> = {
  'tencentcloud-intl': 'https://console.tencentcloud.com/unknown/path',
  commsease: 'https://console.commsease.com/#/unknown/path',
};

const fixtures = CONTENT_PLAYBOOKS.flatMap((p) =>
  readdirSync(path.join(FIXTURE_DIR, p.id))
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ provider: p.id, file: `${p.id}/${f}` })),
);

describe('conventions', () => {
  it('registers every feature file once, under its file name', () => {
    const files = readdirSync(FEATURE_DIR)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts')
      .map((f) => f.replace(/\.tsx?$/, ''))
      .sort();
    expect(FEATURES.map((f) => f.id).sort()).toEqual(files);
  });

  it.each(FEATURES.map((f) => [f.id, f] as const))(
    'feature %s runs on at least one saved provider page',
    (_id, feature) => {
      const runsOn = fixtures.filter(({ provider, file }) => {
        const url = UNKNOWN_PATH[provider] ?? '';
        const found = recognise(CONTENT_PLAYBOOKS, new URL(url), loadFixture(file, url));
        return found !== null && feature.runsOn(found.page, found.playbook);
      });
      expect(runsOn.map((f) => f.file)).not.toEqual([]);
    },
  );

  it.each(CONTENT_PLAYBOOKS.map((p) => [p.id, p] as const))(
    '%s: the playbook validates and has its anchors module',
    (id, playbook) => {
      expect(PlaybookSchema.safeParse(playbook).success).toBe(true);
      expect(ANCHORS[id]?.provider).toBe(id);
    },
  );

  it("gives every provider's console a content script of its own, and no page two", () => {
    // One loader and one module per provider keeps each console's code to its own playbook
    // (issue 6); wxt.config.ts puts CONSOLE_SCRIPTS in the manifest.
    expect(Object.fromEntries(CONSOLE_SCRIPTS.map((s) => [s.provider, s.matches]))).toEqual(
      Object.fromEntries(CONTENT_PLAYBOOKS.map((p) => [p.id, p.consoleMatches])),
    );
    const patterns = CONSOLE_SCRIPTS.flatMap((s) => s.matches);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const script of CONSOLE_SCRIPTS) {
      for (const built of [script.loader, script.module]) {
        const source = path.join(ROOT, 'extension/entrypoints', built.replace(/\.js$/, '.ts'));
        expect(existsSync(source), source).toBe(true);
      }
      // The loader imports its own provider's module, no other.
      const loader = readFileSync(
        path.join(ROOT, 'extension/entrypoints', script.loader.replace(/\.js$/, '.ts')),
        'utf8',
      );
      expect(loader).toContain(`'/${script.module}'`);
    }
  });

  it('documents every fixture in test/fixtures/README.md', () => {
    const readme = readFileSync(path.join(FIXTURE_DIR, 'README.md'), 'utf8');
    const undocumented = fixtures
      .map((f) => f.file)
      .filter((file) => !readme.includes(`\`${path.basename(file)}\``));
    expect(undocumented).toEqual([]);
  });

  it.each(fixtures.filter((f) => !f.file.endsWith('spa.html')).map((f) => [f.file, f] as const))(
    '%s is recognised by its content alone',
    (_file, { provider, file }) => {
      const url = UNKNOWN_PATH[provider] ?? '';
      expect(recognise(CONTENT_PLAYBOOKS, new URL(url), loadFixture(file, url))?.playbook.id).toBe(
        provider,
      );
    },
  );
});
