#!/usr/bin/env node
// Writes worker/openapi.json, the document GET /api/v1/openapi.json answers, from the zod
// schemas the routes validate with (worker/openapi-spec.ts). Run it after changing a schema or
// a route: test/worker/openapi-document.test.ts fails until the file matches.
//
//   node scripts/openapi.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'worker/openapi.json');

// Vite loads the TypeScript source as the app's own build would (no separate compile step).
const { module } = await runnerImport(path.join(root, 'worker/openapi-spec.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
});
writeFileSync(out, `${JSON.stringify(module.buildOpenApiDocument(), null, 2)}\n`);
// The repository's formatting, so `biome check` stays clean (the test compares content, not
// whitespace).
execFileSync('npx', ['biome', 'format', '--write', out], { cwd: root, stdio: 'ignore' });
console.log(`wrote ${path.relative(root, out)}`);
