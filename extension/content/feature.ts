import type { PageRule, Playbook } from '../../shared/playbooks/schema';
import type { Locale } from '../../shared/text';
import type { RecordKey, RecordStore } from '../records/record-store';
import type { UiLoader } from './ui-loader';

/**
 * The contract every overlay feature follows (refined-github style): one feature per file in
 * `extension/content/features/`, registered in one list, started by the feature manager on
 * each verification page and stopped through `signal` when the page navigates away.
 */
export interface FeatureContext {
  /** Aborted on navigation away from the page and when the content script dies. */
  signal: AbortSignal;
  window: Window;
  document: Document;
  playbook: Playbook;
  /** The verification page the manager recognised (by URL or by content). */
  page: PageRule;
  locale: Locale;
  /**
   * The account id the page shows now, or null when it shows none: read through the provider's
   * anchors, which the content script of that provider's console alone carries.
   */
  accountId(): string | null;
  /** The overlay's record store (the team's in team mode, else extension storage). */
  records: RecordStore;
  /** The record the overlay shows for this page now (the account, else the provider page). */
  recordKey(): RecordKey;
  /** The on-demand UI chunk: features render through it, loading it on first need. */
  ui: UiLoader;
  /** Records a missing anchor ("page changed" diagnostic) and shows the drift notice. */
  reportDrift(anchor: string): void;
}

export interface Feature {
  /** kebab-case, equal to the file name. */
  id: string;
  /** Pure predicate: does this feature run on this page? */
  runsOn(page: PageRule, playbook: Playbook): boolean;
  init(ctx: FeatureContext): void | Promise<void>;
}
