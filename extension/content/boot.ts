import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createRecordStore } from '../records/local-record-store';
import { driftDiagnostics, localeSetting } from '../storage';
import { ANCHORS } from './anchors';
import { FEATURES } from './features';
import { appendDiagnostic, type Manager, startManager } from './manager';
import { mountOverlay } from './overlay/mount';
import { CONTENT_PLAYBOOKS } from './providers';

/** Wires the real storage, playbooks, anchors, features and overlay to the feature manager. */
export async function boot(ctx: ContentScriptContext): Promise<Manager> {
  const store = createRecordStore();
  const now = () => new Date();
  const manager = await startManager({
    window,
    document,
    playbooks: CONTENT_PLAYBOOKS,
    anchors: ANCHORS,
    features: FEATURES,
    store,
    signal: ctx.signal,
    mountOverlay: (state) =>
      mountOverlay(document, state, {
        store,
        now,
        setLocale: (value) => localeSetting.setValue(value),
      }),
    settings: {
      locale: {
        get: () => localeSetting.getValue(),
        watch: (cb) => localeSetting.watch(cb),
      },
      async recordDrift(diagnostic) {
        await driftDiagnostics.setValue(
          appendDiagnostic(await driftDiagnostics.getValue(), diagnostic),
        );
      },
    },
    dev: import.meta.env.DEV,
    now,
  });
  // WXT's own location watcher covers history.pushState, which an isolated world cannot hook.
  ctx.addEventListener(window, 'wxt:locationchange', () => manager.refresh());
  return manager;
}
