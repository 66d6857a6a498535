import { defineContentScript } from 'wxt/utils/define-content-script';
import { tencentcloudIntl } from '../../../shared/playbooks/tencentcloud-intl';
import { tencentcloudIntlAnchors } from '../../content/anchors/tencentcloud-intl';
import { boot } from '../../content/boot';

/** Tencent Cloud International's consoles: this provider's playbook and anchors, nothing else. */
export default defineContentScript({
  matches: tencentcloudIntl.consoleMatches,
  runAt: 'document_idle',
  main(ctx) {
    performance.mark('veriguide:start');
    void boot(ctx, { playbook: tencentcloudIntl, anchors: tencentcloudIntlAnchors });
  },
});
