import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension lives in extension/; the build goes to .output/<browser>-mv<n>.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  modules: ['@wxt-dev/i18n/module'],
  // Explicit imports keep every dependency visible in the source.
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Storage only. Page access comes from the content script's `matches`, which are exactly
    // the consoles the playbooks name (extension/content/providers.ts): no host permissions.
    permissions: ['storage'],
  },
  vite: () => ({ plugins: [preact()] }),
});
