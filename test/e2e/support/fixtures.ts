import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** A provider page fixture's HTML (see test/fixtures/README.md). */
export const fixtureHtml = (name: string): string =>
  readFileSync(path.join(FIXTURES, name), 'utf8');

/**
 * Answers every request matching `urlGlob` (e.g. `https://console.commsease.com/**`) with a
 * fixture, so the real manifest's content script runs on the provider's own URL, offline.
 * The fixture can be swapped later (a "reload" of a changed page) through the returned setter.
 */
export async function serveFixture(
  context: BrowserContext,
  urlGlob: string,
  fixture: string,
): Promise<(next: string) => void> {
  let current = fixture;
  await context.route(urlGlob, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixtureHtml(current) })
      : route.fulfill({ status: 404, body: '' }),
  );
  return (next) => {
    current = next;
  };
}
