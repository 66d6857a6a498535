import { defineContentScript } from 'wxt/utils/define-content-script';
import { boot } from '../../content/boot';
import { CONSOLE_MATCHES } from '../../content/providers';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    performance.mark('veriguide:start');
    void boot(ctx);
  },
});
