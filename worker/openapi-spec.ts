// The OpenAPI document's source: every route, generated from the zod schemas the routes
// validate with. Not part of the worker: `node scripts/openapi.mjs` writes worker/openapi.json
// from this, the worker serves that file (worker/openapi.ts), and
// test/worker/openapi-document.test.ts fails when the file is stale. Generating at build time keeps zod's JSON Schema generator
// and this table out of the worker bundle (issue 6 budget).

import * as z from 'zod/mini';
import {
  AccountFilterSchema,
  AccountPageSchema,
  AccountSchema,
  ChangesQuerySchema,
  ChangesSchema,
  CreateAccountSchema,
  EventPageSchema,
  EventsQuerySchema,
  ImportJsonSchema,
  ImportResultSchema,
  ListAccountsQuerySchema,
  LookupQuerySchema,
  PatchAccountSchema,
  TransitionSchema,
} from '../shared/api/accounts';
import { ErrorBodySchema } from '../shared/api/errors';
import { BOOKMARK_HEADER } from '../shared/api/index';
import {
  CreateMemberSchema,
  CreateTokenSchema,
  IssuedTokenSchema,
  MemberListSchema,
  MemberSchema,
  MeSchema,
  PatchMemberSchema,
  TokenListSchema,
} from '../shared/api/members';

type Schema = z.ZodMiniType;

const schema = (s: Schema, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });

type Role = 'anyone' | 'viewer' | 'editor' | 'admin' | 'admin or self';

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  role: Role;
  query?: Schema;
  body?: Schema;
  /** Extra request media types (import also takes CSV). */
  csvBody?: boolean;
  ifMatch?: 'required' | 'optional';
  idempotent?: boolean;
  response: { status: number; schema?: Schema; csv?: boolean };
  description?: string;
}

/** Every route of the API; a test checks this list against the app's own routes. */
export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/me',
    summary: 'The calling member and their team',
    role: 'viewer',
    response: { status: 200, schema: MeSchema },
  },
  {
    method: 'get',
    path: '/accounts',
    summary:
      "List accounts (most recently updated first; with overdue=true, most overdue first: by the review window's last day, then id), cursor-paginated",
    role: 'viewer',
    query: ListAccountsQuerySchema,
    response: { status: 200, schema: AccountPageSchema },
  },
  {
    method: 'post',
    path: '/accounts',
    summary: 'Create an account record',
    role: 'editor',
    body: CreateAccountSchema,
    idempotent: true,
    response: { status: 201, schema: AccountSchema },
    description: '409 conflict when the team already has this provider + externalId.',
  },
  {
    method: 'get',
    path: '/accounts/lookup',
    summary: 'Find an account by provider and externalId',
    role: 'viewer',
    query: LookupQuerySchema,
    response: { status: 200, schema: AccountSchema },
  },
  {
    method: 'get',
    path: '/accounts/export',
    summary: 'The filtered list as CSV (formula-like cells neutralised)',
    role: 'viewer',
    query: AccountFilterSchema,
    response: { status: 200, csv: true },
  },
  {
    method: 'post',
    path: '/accounts/import',
    summary: 'Import up to 1,000 accounts from CSV (header row) or JSON {rows}',
    role: 'editor',
    body: ImportJsonSchema,
    csvBody: true,
    idempotent: true,
    response: { status: 200, schema: ImportResultSchema },
    description:
      'Columns: provider, externalId, label, entityType, ownerMemberId, notes (an export imports as is). Refused rows are listed with their row number (the header is row 1); the others are created in one batch. Body up to 1 MB.',
  },
  {
    method: 'get',
    path: '/accounts/{id}',
    summary: 'One account (ETag carries its version)',
    role: 'viewer',
    response: { status: 200, schema: AccountSchema },
  },
  {
    method: 'patch',
    path: '/accounts/{id}',
    summary: 'Change label, notes, owner, entity type or checklist progress',
    role: 'editor',
    body: PatchAccountSchema,
    ifMatch: 'required',
    response: { status: 200, schema: AccountSchema },
    description:
      'checklist: {stepId: ISO time | null} is merged into the stored progress; step ids must belong to the provider playbook. entityType changes follow the provider rules (409 invalid_transition).',
  },
  {
    method: 'post',
    path: '/accounts/{id}/transitions',
    summary: 'Move the account through the status machine',
    role: 'editor',
    body: TransitionSchema,
    ifMatch: 'required',
    idempotent: true,
    response: { status: 200, schema: AccountSchema },
    description:
      'to: the next status. at: when it happened (default now, never in the future). reason: why (kept on rejection). flow: when a verified account goes back to in_progress, which flow starts: change (default), update or upgrade; locks after verification refuse some flows. Refusals answer 409 invalid_transition with details.code (not_allowed, locked, irreversible, already_enterprise, reason_required), details.until for locks and details.sourceUrl, the message in the Accept-Language language (zh or en).',
  },
  {
    method: 'get',
    path: '/accounts/{id}/events',
    summary: 'Audit trail of the account, oldest first',
    role: 'viewer',
    query: EventsQuerySchema,
    response: { status: 200, schema: EventPageSchema },
  },
  {
    method: 'delete',
    path: '/accounts/{id}',
    summary: 'Soft-delete an account (a tombstone appears in /changes)',
    role: 'admin',
    ifMatch: 'optional',
    response: { status: 204 },
  },
  {
    method: 'get',
    path: '/changes',
    summary: 'Accounts changed since a cursor, tombstones for deletions (for sync)',
    role: 'viewer',
    query: ChangesQuerySchema,
    response: { status: 200, schema: ChangesSchema },
    description: 'Send the returned nextCursor as `since` next time; it never skips or repeats.',
  },
  {
    method: 'get',
    path: '/members',
    summary: 'Members of the team',
    role: 'viewer',
    response: { status: 200, schema: MemberListSchema },
  },
  {
    method: 'post',
    path: '/members',
    summary: 'Add a member',
    role: 'admin',
    body: CreateMemberSchema,
    idempotent: true,
    response: { status: 201, schema: MemberSchema },
  },
  {
    method: 'patch',
    path: '/members/{id}',
    summary: 'Rename a member or change their role',
    role: 'admin',
    body: PatchMemberSchema,
    response: { status: 200, schema: MemberSchema },
  },
  {
    method: 'get',
    path: '/members/{id}/tokens',
    summary: "A member's tokens (never the secret), to find one to revoke",
    role: 'admin or self',
    response: { status: 200, schema: TokenListSchema },
  },
  {
    method: 'post',
    path: '/members/{id}/tokens',
    summary: 'Issue an API token (shown once)',
    role: 'admin or self',
    body: CreateTokenSchema,
    idempotent: true,
    response: { status: 201, schema: IssuedTokenSchema },
  },
  {
    method: 'delete',
    path: '/tokens/{id}',
    summary: 'Revoke a token',
    role: 'admin or self',
    response: { status: 204 },
  },
];

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const queryParameters = (s: Schema) => {
  const json = schema(s, 'input') as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: prop,
  }));
};

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with,
 * without `servers` (the worker adds its own origin when it answers).
 */
export const buildOpenApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters: unknown[] = [];
    if (op.path.includes('{id}')) {
      parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
    }
    if (op.query) parameters.push(...queryParameters(op.query));
    if (op.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: op.ifMatch === 'required',
        description: 'The version you last read, quoted: "3". 428 without it, 412 when stale.',
        schema: { type: 'string' },
      });
    }
    if (op.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Same key and body replays the first response; same key with another body answers 422.',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    parameters.push({
      name: BOOKMARK_HEADER,
      in: 'header',
      required: false,
      description:
        'The X-D1-Bookmark of your last response: the read then sees your own writes even on a D1 read replica.',
      schema: { type: 'string' },
    });
    const content: Record<string, unknown> = {};
    if (op.body) content['application/json'] = { schema: schema(op.body, 'input') };
    if (op.csvBody) content['text/csv'] = { schema: { type: 'string' } };
    const ok = op.response.schema
      ? { 'application/json': { schema: schema(op.response.schema, 'output') } }
      : op.response.csv
        ? { 'text/csv': { schema: { type: 'string' } } }
        : undefined;
    const byPath = paths[op.path] ?? {};
    byPath[op.method] = {
      summary: op.summary,
      description: [`Role: ${op.role}.`, op.description].filter(Boolean).join(' '),
      parameters,
      ...(op.body
        ? {
            requestBody: { required: op.method !== 'post' || !op.path.endsWith('tokens'), content },
          }
        : {}),
      responses: {
        [String(op.response.status)]: {
          description: 'Success',
          headers: {
            [BOOKMARK_HEADER]: {
              description: 'The D1 session bookmark after this request; send it with the next one.',
              schema: { type: 'string' },
            },
          },
          ...(ok ? { content: ok } : {}),
        },
        '4XX': errorResponse('Refused; error.code says why'),
        '500': errorResponse('internal'),
      },
    };
    paths[op.path] = byPath;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Veriguide team API',
      version: '1.0.0',
      description: `Bearer tokens (Authorization: Bearer vg_...). Errors: {"error": {"code", "message", "details?"}}. Request bodies are strict (unknown fields refused) and at most 64 KB (import 1 MB). Free-text fields holding a document or bank card number are refused (422 pii_detected). Every response carries ${BOOKMARK_HEADER}; send the last one back in the ${BOOKMARK_HEADER} request header to read your own writes from D1 read replicas. Failed authentication is rate limited per client (429 with Retry-After).`,
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: schema(ErrorBodySchema, 'output') },
    },
    paths,
  };
};
