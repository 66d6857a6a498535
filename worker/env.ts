// Imported rather than global so that the app's type (AppType) also type-checks in the DOM
// projects (the extension's typed Hono client), which do not load the Workers globals.
import type { D1Database, RateLimit } from '@cloudflare/workers-types/index.ts';

/** The worker's bindings (wrangler.toml). */
export interface Env {
  DB: D1Database;
  ENVIRONMENT?: string;
  /** Workers Rate Limiting binding for failed authentication; absent locally -> D1 fallback. */
  AUTH_RATE_LIMITER?: RateLimit;
}
