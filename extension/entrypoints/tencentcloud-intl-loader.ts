import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadContentModule } from '../content/module-loader';

/**
 * The content script of Tencent Cloud International's consoles (put in the manifest by wxt.config.ts, at
 * document_start): a loader that imports ./tencentcloud-intl-console.ts once the page has loaded.
 */
export default defineUnlistedScript(() => {
  void loadContentModule('/tencentcloud-intl-console.js');
});
