import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONSOLE_SCRIPTS } from './extension/content/console-scripts';

/** Where a team API may be: any https origin, or plain http on this machine only. */
const API_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

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
    // Page access comes from the content scripts' `matches`, which are exactly the consoles the
    // playbooks name (one content script per provider console, added by the hook below from
    // extension/content/console-scripts.ts): no host permissions.
    permissions: ['storage', 'alarms', 'notifications'],
    // Team sync (extension/background): `alarms` for the periodic outbox/sync/notification
    // tick, `notifications` for overdue reviews and ended locks. The team API's origin is asked
    // for at run time from the options page, for the URL the user enters (plain http only for a
    // server on this machine).
    optional_host_permissions: API_ORIGINS,
  },
  hooks: {
    // Manifest V2 (the Firefox build) has no optional_host_permissions, and WXT drops them:
    // there the same origins go in optional_permissions.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version === 2) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...API_ORIGINS];
      }
      // Each provider's console gets its loader at document_start (extension/content/
      // console-scripts.ts; why a loader, and why not a WXT content-script entrypoint:
      // extension/content/module-loader.ts).
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        ...CONSOLE_SCRIPTS.map((s) => ({
          matches: s.matches,
          js: [s.loader],
          run_at: 'document_start' as const,
        })),
      ];
      // What the loaders import must be web-accessible, and only to the consoles that import
      // it: each provider's module, and the overlay's on-demand UI chunk (overlay-ui.js, which
      // the module imports on first need). Chrome MV3: `use_dynamic_url`, so a page cannot
      // probe for the extension at a fixed chrome-extension://<id>/ URL (runtime.getURL
      // returns the session's dynamic URL, which redirects once to the file). Firefox MV2 has
      // neither per-origin lists nor dynamic URLs.
      const consoles = [...new Set(CONSOLE_SCRIPTS.flatMap((s) => s.matches))];
      const chunk = 'overlay-ui.js';
      const listed: unknown[] = manifest.web_accessible_resources ?? [];
      manifest.web_accessible_resources = (
        manifest.manifest_version === 2
          ? [...listed, ...CONSOLE_SCRIPTS.map((s) => s.module), chunk]
          : [
              ...listed,
              ...CONSOLE_SCRIPTS.map((s) => ({
                resources: [s.module],
                matches: s.matches,
                use_dynamic_url: true,
              })),
              { resources: [chunk], matches: consoles, use_dynamic_url: true },
            ]
      ) as typeof manifest.web_accessible_resources;
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
