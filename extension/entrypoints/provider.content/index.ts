import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://console.commsease.com/*'],
  main() {
    const host = document.createElement('veriguide-root');
    host.setAttribute('data-testid', 'vg-launcher');
    document.documentElement.append(host);
  },
});
