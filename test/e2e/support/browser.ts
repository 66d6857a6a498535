import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { inject } from 'vitest';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts a real headless Chromium with the built extension loaded, in a fresh profile.
 * The flags keep Chromium off the network this machine does not have.
 */
export async function launchWithExtension(
  opts: { userDataDir?: string; locale?: string } = {},
): Promise<ExtensionBrowser> {
  const executablePath = inject('chromiumPath');
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'vg-chromium-'));
  // Each profile loads its own copy of the build: another run rebuilding .output meanwhile
  // cannot pull the extension from under a running browser. The copy's path is stable per
  // profile, so the extension id (and its storage) survives a browser restart.
  const extensionDir = path.join(userDataDir, 'veriguide-extension');
  if (!existsSync(extensionDir)) cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    // The browser's language (navigator.language), e.g. 'zh-CN' for the Chinese UI.
    ...(opts.locale ? { locale: opts.locale } : {}),
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-gpu',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** True when the run was told to skip the browser tests (the setup already said so loudly). */
export const browserSkipped = (): boolean => inject('chromiumPath') === '';
