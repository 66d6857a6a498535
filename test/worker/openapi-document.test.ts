import { describe, expect, it } from 'vitest';
import committed from '../../worker/openapi.json';
import { buildOpenApiDocument } from '../../worker/openapi-spec';
import { call } from './support/api';

// The worker serves a document generated at build time (worker/openapi.json) instead of building
// it from the zod schemas at every request. These keep that file honest.
describe('the committed OpenAPI document', () => {
  it('is what the current zod schemas and route table generate (run `node scripts/openapi.mjs` when this fails)', () => {
    // Compared as text so key order counts too, whatever the file's whitespace.
    expect(JSON.stringify(committed, null, 2)).toBe(
      JSON.stringify(buildOpenApiDocument(), null, 2),
    );
  });

  it('is what GET /api/v1/openapi.json answers, with the origin the request came to', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    const served = (await res.json()) as Record<string, unknown>;
    expect(served.servers).toEqual([{ url: 'http://api.test/api/v1' }]);
    const { openapi, info, ...rest } = buildOpenApiDocument();
    expect(JSON.stringify(served, null, 2)).toBe(
      JSON.stringify({ openapi, info, servers: served.servers, ...rest }, null, 2),
    );
  });
});
