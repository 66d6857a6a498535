import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
    // playbooks name (one content script per provider console, extension/entrypoints/*.content):
    // no host permissions.
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
      // The overlay's on-demand chunk (extension/entrypoints/overlay-ui.ts) is imported by the
      // content scripts, so it must be web-accessible: only to the provider consoles they run
      // on (MV2 has no per-origin list).
      const consoles = [
        ...new Set((manifest.content_scripts ?? []).flatMap((s) => s.matches ?? [])),
      ];
      const chunk = 'overlay-ui.js';
      const listed: unknown[] = manifest.web_accessible_resources ?? [];
      manifest.web_accessible_resources = (
        manifest.manifest_version === 2
          ? [...listed, chunk]
          : [...listed, { resources: [chunk], matches: consoles }]
      ) as typeof manifest.web_accessible_resources;
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
