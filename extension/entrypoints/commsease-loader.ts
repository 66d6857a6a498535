import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadContentModule } from '../content/module-loader';

/**
 * The content script of CommsEase's console (put in the manifest by wxt.config.ts, at
 * document_start): a loader that imports ./commsease-console.ts once the page has loaded.
 */
export default defineUnlistedScript(() => {
  void loadContentModule('/commsease-console.js');
});
