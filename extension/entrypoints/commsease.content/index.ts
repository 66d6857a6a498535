import { defineContentScript } from 'wxt/utils/define-content-script';
import { commsease } from '../../../shared/playbooks/commsease';
import { commseaseAnchors } from '../../content/anchors/commsease';
import { boot } from '../../content/boot';

/** CommsEase's console: this provider's playbook and anchors, nothing else. */
export default defineContentScript({
  matches: commsease.consoleMatches,
  runAt: 'document_idle',
  main(ctx) {
    performance.mark('veriguide:start');
    void boot(ctx, { playbook: commsease, anchors: commseaseAnchors });
  },
});
