import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { call } from './support/api';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        parameters: { name: string; in: string; schema: Record<string, unknown> }[];
      }
    >
  >;
};

const get = async (): Promise<Doc> => {
  const res = await call('/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
};

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document served without a token', async () => {
    expect((await get()).openapi).toBe('3.1.0');
  });

  it("documents every route the app registers, read from the app's own routes", async () => {
    const doc = await get();
    const routes = app.routes
      .filter(
        (r) =>
          r.method !== 'ALL' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json',
      )
      .map(
        (r) =>
          `${r.method.toLowerCase()} ${r.path.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}')}`,
      );
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(new Set(documented)).toEqual(new Set(routes));
  });

  it('generates request schemas from the zod schemas (strict bodies, transition flows)', async () => {
    const doc = await get();
    const create = doc.paths['/accounts']?.post?.requestBody?.content['application/json']?.schema;
    expect(create).toMatchObject({
      additionalProperties: false,
      required: ['provider', 'externalId'],
    });
    const transition =
      doc.paths['/accounts/{id}/transitions']?.post?.requestBody?.content['application/json']
        ?.schema;
    expect(transition).toMatchObject({
      properties: { flow: { enum: ['change', 'update', 'upgrade'] } },
    });
    const list = doc.paths['/accounts']?.get?.parameters.map((p) => p.name);
    expect(list).toEqual(
      expect.arrayContaining(['provider', 'status', 'q', 'overdue', 'limit', 'cursor']),
    );
    const patchHeaders = doc.paths['/accounts/{id}']?.patch?.parameters.filter(
      (p) => p.in === 'header',
    );
    expect(patchHeaders?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['If-Match', 'X-D1-Bookmark']),
    );
  });
});
