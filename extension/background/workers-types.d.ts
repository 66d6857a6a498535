/**
 * The background types its API client with the worker's own `AppType` (Hono's typed client),
 * which makes TypeScript read worker/ from this DOM program (tsconfig.json). The Workers types
 * cannot be loaded globally here: `@cloudflare/workers-types` redeclares Request, Response,
 * crypto and more, clashing with the DOM lib. The worker's sources mention only four Workers
 * types by name, so those four are declared globally for this program alone, as aliases of the
 * package's module build (`index.ts` exports instead of declaring globals, so nothing else leaks
 * in). tsconfig.worker.json never includes this file: the worker sees the real globals.
 */
declare global {
  type D1Database = import('@cloudflare/workers-types/index.ts').D1Database;
  type D1DatabaseSession = import('@cloudflare/workers-types/index.ts').D1DatabaseSession;
  type D1PreparedStatement = import('@cloudflare/workers-types/index.ts').D1PreparedStatement;
  type RateLimit = import('@cloudflare/workers-types/index.ts').RateLimit;
}

export {};
