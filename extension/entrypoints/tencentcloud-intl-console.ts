import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { tencentcloudIntl } from '../../shared/playbooks/tencentcloud-intl';
import { tencentcloudIntlAnchors } from '../content/anchors/tencentcloud-intl';
import { startOnConsole } from '../content/boot';

/**
 * What runs on Tencent Cloud International's consoles: this provider's playbook and anchors,
 * nothing else. Imported by its loader (./tencentcloud-intl-loader.ts) once the page has loaded.
 */
export default defineUnlistedScript(() => {
  startOnConsole('tencentcloud-intl', {
    playbook: tencentcloudIntl,
    anchors: tencentcloudIntlAnchors,
  });
});
