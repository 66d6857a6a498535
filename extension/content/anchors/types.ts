import type { ProviderId } from '../../../shared/playbooks/schema';

/** Statuses a provider page can show that the overlay offers as an update. */
export type PageStatus = 'in_review' | 'verified' | 'rejected';

export interface ShownStatus {
  status: PageStatus;
  /** The page's own words, shown back to the user in the offer. */
  text: string;
}

/**
 * What the shell reads from one provider's pages besides the playbook's texts. One module per
 * provider; every alternative says which page variant it covers and which fixture proves it.
 */
export interface ProviderAnchors {
  provider: ProviderId;
  /** The account id shown on the page, or null when the page does not show it. */
  accountId(doc: Document): string | null;
  /** The verification status the page states, or null when it states none. */
  pageStatus(doc: Document): ShownStatus | null;
}

/** Maps a status text (normalised) to a status, from per-language word lists. */
export function statusFromText(
  text: string,
  words: Record<PageStatus, readonly string[]>,
): ShownStatus | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const lower = t.toLowerCase();
  for (const [status, list] of Object.entries(words) as [PageStatus, readonly string[]][]) {
    if (list.some((w) => lower === w.toLowerCase())) return { status, text: t };
  }
  return null;
}
