/** The worker's bindings (wrangler.toml). */
export interface Env {
  DB: D1Database;
  ENVIRONMENT?: string;
  /** Workers Rate Limiting binding for failed authentication; absent locally -> D1 fallback. */
  AUTH_RATE_LIMITER?: RateLimit;
}
