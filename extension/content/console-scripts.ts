import { CONTENT_PLAYBOOKS } from './providers';

/**
 * What the manifest injects into each provider's console (wxt.config.ts writes it): a loader
 * of a few hundred bytes at document_start (extension/entrypoints/<provider>-loader.ts) that
 * imports the provider's module (extension/entrypoints/<provider>-console.ts) once the page
 * has loaded (issue 6; why: extension/content/module-loader.ts). The `matches` are the
 * playbook's consoles, so a page never carries another provider's playbook.
 */
export interface ConsoleScript {
  provider: string;
  matches: string[];
  /** The injected loader, a file of the build. */
  loader: string;
  /** The module it imports: web-accessible to `matches` only. */
  module: string;
}

export const CONSOLE_SCRIPTS: readonly ConsoleScript[] = CONTENT_PLAYBOOKS.map((p) => ({
  provider: p.id,
  matches: [...p.consoleMatches],
  loader: `${p.id}-loader.js`,
  module: `${p.id}-console.js`,
}));
