// Types for build-extension.mjs.
export function buildExtension(opts: { outBase: string; sourcemap?: boolean }): Promise<string>;
export function importChain(
  chunkModules: Record<string, { importers: string[]; isEntry: boolean }>,
  owner: string,
): string[];
