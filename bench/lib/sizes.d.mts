// Types for sizes.mjs (plain ESM so node runs it without a TypeScript step).
export const ROOT: string;
export const CONTENT_SCRIPT_BUDGET_GZIP: number;
export function gzipSize(data: string | Uint8Array): number;
export function stripSourceMapComment(text: string): string;
export function matchesPattern(pattern: string, url: string): boolean;
export interface InjectedPage {
  pattern: string;
  /** Every script that runs on each page load: the injected loader, then what it imports. */
  js: string[];
  /** The content script the browser injects (the loader). */
  injected: string[];
  /** Web-accessible scripts the loader imports on every page load (the provider's module). */
  importedAtLoad: string[];
  css: string[];
  /** Minified bytes and gzipped bytes (each file on its own) of `js`. */
  jsBytes: number;
  jsGzip: number;
  injectedBytes: number;
  injectedGzip: number;
  cssBytes: number;
  cssGzip: number;
  /** Web-accessible scripts the page may load later (not injected at load). */
  loadableLater: string[];
  loadableLaterGzip: number;
}
export function injectedPerProviderPage(extensionDir: string): InjectedPage[];
export function ownerOf(source: string): string;
export interface SizeGroup {
  name: string;
  bytes: number;
  gzipAlone: number;
}
export function breakdown(jsFile: string): {
  totalBytes: number;
  totalGzip: number;
  byFile: SizeGroup[];
  byOwner: SizeGroup[];
};
export function sourceLocator(jsFile: string): (line: number, column: number) => string | null;
