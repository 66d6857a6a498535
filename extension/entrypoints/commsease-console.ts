import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { commsease } from '../../shared/playbooks/commsease';
import { commseaseAnchors } from '../content/anchors/commsease';
import { startOnConsole } from '../content/boot';

/**
 * What runs on CommsEase's console: this provider's playbook and anchors, nothing else.
 * Imported by its loader (./commsease-loader.ts) once the page has loaded.
 */
export default defineUnlistedScript(() => {
  startOnConsole('commsease', { playbook: commsease, anchors: commseaseAnchors });
});
