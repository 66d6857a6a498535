import type { PageRule, Playbook } from '../../shared/playbooks/schema';
import { signalsShown, structuralTexts } from './page-text';

/**
 * Page recognition (refined-github style pure predicates): a verification page is known by its
 * URL (the playbook page's `urlPatterns`, matched against host + pathname + hash) or, because
 * consoles move their paths without notice, by its content (the page's `contentSignals`, in
 * English and Chinese, among the page's headings, labels and buttons).
 */

export interface Recognised {
  playbook: Playbook;
  page: PageRule;
  by: 'url' | 'content';
}

/** The string URL patterns are matched against: host + pathname + hash (no query). */
export const urlTarget = (url: URL): string => `${url.host}${url.pathname}${url.hash}`;

/** Pure: does `url` match one of the page's URL patterns? */
export function pageMatchesUrl(page: PageRule, url: URL): boolean {
  const target = urlTarget(url);
  return page.urlPatterns.some((source) => safeRegExp(source)?.test(target) ?? false);
}

/** Pure: how many of the page's content signals (either language) the texts show. */
export function contentScore(page: PageRule, texts: readonly string[]): number {
  return (
    signalsShown(texts, page.contentSignals.en).length +
    signalsShown(texts, page.contentSignals.zh).length
  );
}

/** The playbook whose consoles serve `url` (`consoleMatches` like `https://host/*`). */
export function playbookForUrl(playbooks: readonly Playbook[], url: URL): Playbook | null {
  return (
    playbooks.find((p) =>
      p.consoleMatches.some((m) => new URL(m.replace(/\*$/, '')).host === url.host),
    ) ?? null
  );
}

/**
 * Which verification page this is, or null. A URL match wins (several URL matches are told
 * apart by content); otherwise the page showing the most content signals, in playbook order
 * on a tie. Only the playbooks whose console serves the URL are considered.
 */
export function recognise(
  playbooks: readonly Playbook[],
  url: URL,
  doc: Document,
): Recognised | null {
  const playbook = playbookForUrl(playbooks, url);
  if (!playbook) return null;
  // Reading the page's texts is the costly part: only when the URL does not settle it.
  let texts: string[] | null = null;
  const score = (page: PageRule): number => {
    if (texts === null) texts = structuralTexts(doc, 'names');
    return contentScore(page, texts);
  };
  const byUrl = playbook.pages.filter((page) => pageMatchesUrl(page, url));
  if (byUrl.length > 0) return { playbook, page: best(byUrl, score), by: 'url' };
  const scored = playbook.pages.filter((page) => score(page) > 0);
  return scored.length > 0 ? { playbook, page: best(scored, score), by: 'content' } : null;
}

/**
 * The best-scoring page. On a tie the more specific page wins (serving fewer flows: a form
 * beats the type choice whose heading it repeats), unless several equally specific pages tie
 * (the type choice shows both forms' names): then the general page that serves them all.
 */
function best(pages: PageRule[], score: (page: PageRule) => number): PageRule {
  const top = Math.max(...pages.map(score));
  const tied = pages.filter((p) => score(p) === top);
  const fewest = Math.min(...tied.map((p) => p.flows.length));
  const specific = tied.filter((p) => p.flows.length === fewest);
  if (specific.length === 1) return specific[0] as PageRule;
  const general = tied.reduce((a, b) => (b.flows.length > a.flows.length ? b : a));
  return general;
}

const cache = new Map<string, RegExp | null>();
/** Playbook data is tested, but a bad pattern must never crash the overlay. */
function safeRegExp(source: string): RegExp | null {
  if (!cache.has(source)) {
    try {
      cache.set(source, new RegExp(source));
    } catch {
      cache.set(source, null);
    }
  }
  return cache.get(source) ?? null;
}
