import { exports } from 'cloudflare:workers';
import { hc } from 'hono/client';
import type { AppType } from '../../../worker/index';

/** Hono's typed client over the app, as the extension uses it, wired to the test runtime. */
export const typedClient = (token: string) =>
  hc<AppType>('http://api.test', {
    headers: { Authorization: `Bearer ${token}` },
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      exports.default.fetch(new Request(input, init)),
  });
