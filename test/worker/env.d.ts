import type { D1Migration } from '@cloudflare/vitest-pool-workers';
import type { Env } from '../../worker/index';

declare global {
  namespace Cloudflare {
    interface Env extends import('../../worker/index').Env {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}

export type { D1Migration, Env };
