/**
 * The team API's request and response schemas, shared by the worker (validation, OpenAPI) and
 * the extension (typed client, parsing responses).
 */
export * from './accounts';
export * from './errors';
export * from './members';

/** The API's base path. */
export const API_BASE = '/api/v1';
/** Request/response header carrying the D1 bookmark so a client reads its own writes. */
export const BOOKMARK_HEADER = 'X-D1-Bookmark';
