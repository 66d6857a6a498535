import { ANCHORS } from '../../../extension/content/anchors';
import type { ProviderAnchors } from '../../../extension/content/anchors/types';
import { type Manager, startManager } from '../../../extension/content/manager';
import { CONTENT_PLAYBOOKS } from '../../../extension/content/providers';
import { overlayUi } from '../../../extension/content/ui';
import { readyUi } from '../../../extension/content/ui-loader';
import { createRecordStore } from '../../../extension/records/local-record-store';

/**
 * The feature manager on the current document as the content script starts it, but with no
 * features and no overlay drawn: for tests that watch what the manager reads (recognition,
 * page status, steps), in English, with a local record store.
 */
export function startBareManager(
  signal: AbortSignal,
  anchors: Partial<Record<string, ProviderAnchors>> = ANCHORS,
): Promise<Manager> {
  return startManager({
    window,
    document,
    playbooks: CONTENT_PLAYBOOKS,
    anchors,
    features: [],
    store: createRecordStore(),
    ui: readyUi(overlayUi),
    signal,
    mountOverlay: () => ({ destroy: () => undefined }),
    settings: {
      locale: { get: async () => 'en', watch: () => () => undefined },
      recordDrift: async () => undefined,
    },
    dev: false,
  });
}
