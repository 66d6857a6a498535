// The OpenAPI document, generated at build time from the zod schemas (worker/openapi-spec.ts,
// `node scripts/openapi.mjs`): generating it here at every request put zod's JSON Schema
// generator and the route table into the worker bundle, for a document that only changes when
// the schemas do. test/worker/openapi-document.test.ts fails when the file is stale.
import DOCUMENT from './openapi.json';

/** The OpenAPI 3.1 document, with this deployment's origin as its server. */
export const openApiDocument = (serverOrigin: string) => {
  // `servers` in the place it has always had, after `info`.
  const { openapi, info, ...rest } = DOCUMENT;
  return { openapi, info, servers: [{ url: `${serverOrigin}/api/v1` }], ...rest };
};
