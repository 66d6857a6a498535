import { z } from 'zod';
import {
  AccountEntityTypeSchema,
  type AccountSchema,
  CreateAccountSchema,
  PatchAccountSchema,
  StatusSchema,
  TransitionSchema,
} from './api/accounts';
import { ErrorCodeSchema } from './api/errors';
import { MeSchema } from './api/members';
import { EntityTypeSchema, ProviderIdSchema } from './playbooks/schema';

/**
 * The messages between the extension's content script / pages and its background service
 * worker. The background parses every incoming message with these schemas before acting (a
 * content script runs next to a page we do not control), and checks the sender separately.
 *
 * The content script imports only types from here (`import type`), so zod stays out of the
 * bundle that loads on every provider page.
 */

const ExternalId = z.string().trim().min(1).max(200);
const Iso = z.string().max(40);

/** Which record: the provider account when the page shows its id, else the provider page. */
export const RecordKeySchema = z.strictObject({
  provider: ProviderIdSchema,
  externalId: ExternalId.nullable(),
});

/** The overlay's AccountRecord (extension/records/record-store.ts), as it crosses a message. */
export const AccountRecordSchema = z.strictObject({
  provider: ProviderIdSchema,
  externalId: ExternalId.nullable(),
  entityType: AccountEntityTypeSchema,
  status: StatusSchema,
  submittedAt: Iso.nullable(),
  reviewWindow: z.strictObject({ earliest: Iso, latest: Iso, estimate: z.boolean() }).nullable(),
  verifiedAt: Iso.nullable(),
  lockedUntil: Iso.nullable(),
  rejectedReason: z.string().max(2_000).nullable(),
  checklist: z.record(z.string().min(1).max(100), Iso),
  flowId: z.string().max(100).nullable(),
  decision: z
    .strictObject({ recommended: EntityTypeSchema, flowId: z.string().max(100), decidedAt: Iso })
    .nullable(),
  updatedAt: Iso,
});

// ---- content script -> background ----------------------------------------------------------

/** What a content script may ask: its own page's record, read or replaced. Nothing else. */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('record/get'), key: RecordKeySchema }),
  z.strictObject({
    type: z.literal('record/put'),
    key: RecordKeySchema,
    record: AccountRecordSchema,
  }),
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/**
 * What the member may do with the record, sent with it (never a separate round trip): a viewer
 * of the connected team may not write (local-only mode always may), and the latest change the
 * API refused for this account, so the overlay can say why its change did not stick.
 */
export interface RecordAccess {
  canWrite: boolean;
  refused: { code: string; message: string; at: string } | null;
}

/** The background's answer to `record/get` and `record/put` from a content script. */
export interface RecordAnswer {
  record: z.infer<typeof AccountRecordSchema>;
  access: RecordAccess;
}

/** What the background pushes over a `record` port: the record whenever it or access changes. */
export interface RecordPush extends RecordAnswer {
  type: 'record';
}

/** Sent once over a `record` port: push this record whenever it changes. */
export const WatchRequestSchema = z.strictObject({
  type: z.literal('record/watch'),
  key: RecordKeySchema,
});
export type WatchRequest = z.infer<typeof WatchRequestSchema>;
/** The runtime port name the content script watches its record through. */
export const RECORD_PORT = 'veriguide:record';
/** The port extension pages keep open while shown (the background syncs more often then). */
export const PAGE_PORT = 'veriguide:page';

/** Why the background did not do what was asked. */
export const MessageErrorSchema = z.strictObject({
  code: z.union([
    ErrorCodeSchema,
    z.enum(['bad_message', 'bad_sender', 'not_connected', 'unreachable', 'permission_denied']),
  ]),
  message: z.string(),
});
export type MessageError = z.infer<typeof MessageErrorSchema>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: MessageError };

// ---- outbox, conflicts, refusals (kept in storage, shown on pages) -------------------------

/** The team account a queued change is for: provider + the provider's account id. */
export const AccountKeySchema = z.strictObject({
  provider: ProviderIdSchema,
  externalId: ExternalId,
});
export type AccountKey = z.infer<typeof AccountKeySchema>;

/**
 * One change waiting for the API. `id` is also its Idempotency-Key (made when queued, so a
 * retry after a lost response replays instead of repeating). `baseVersion` is the account
 * version it was made on: its If-Match (null: the account is created by an earlier entry).
 */
export const OutboxEntrySchema = z.intersection(
  z.object({
    id: z.string(),
    key: AccountKeySchema,
    queuedAt: Iso,
    baseVersion: z.number().int().nullable(),
    attempts: z.number().int(),
    lastError: z.string().optional(),
  }),
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('create'), body: CreateAccountSchema }),
    z.object({ kind: z.literal('patch'), body: PatchAccountSchema }),
    z.object({ kind: z.literal('transition'), body: TransitionSchema }),
  ]),
);
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/**
 * Someone else changed the account before our change arrived (412), or a local record met a
 * different team record on upload. Both versions are kept until the user picks one.
 */
export interface Conflict {
  id: string;
  key: AccountKey;
  reason: 'stale' | 'upload';
  /** What this browser has (the user's intended record). */
  mine: z.infer<typeof AccountRecordSchema>;
  /** The team's record as the API has it now. */
  theirs: z.infer<typeof AccountSchema>;
  /** The changes that met the 412, kept to be sent again on "keep mine" (stale conflicts). */
  entries?: OutboxEntry[];
  at: string;
}

/** A change the API refused (e.g. a viewer's write, an invalid transition): shown with why. */
export interface RefusedChange {
  id: string;
  key: AccountKey;
  kind: OutboxEntry['kind'];
  code: string;
  message: string;
  at: string;
}

// ---- extension pages -> background ---------------------------------------------------------

export const AccountFilterSchema = z.strictObject({
  provider: ProviderIdSchema.optional(),
  status: z.optional(StatusSchema),
  q: z.string().max(200).optional(),
  overdue: z.boolean().optional(),
});

/** What the popup, dashboard and options pages may ask (only from the extension's origin). */
export const PageRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('state/get') }),
  z.strictObject({
    type: z.literal('team/connect'),
    apiUrl: z.url({ protocol: /^https?$/ }).max(500),
    token: z.string().trim().min(8).max(200),
  }),
  z.strictObject({ type: z.literal('team/disconnect') }),
  z.strictObject({ type: z.literal('sync/now') }),
  z.strictObject({ type: z.literal('accounts/list') }),
  z.strictObject({ type: z.literal('record/get'), key: RecordKeySchema }),
  z.strictObject({
    type: z.literal('record/put'),
    key: RecordKeySchema,
    record: AccountRecordSchema,
  }),
  z.strictObject({ type: z.literal('tab/record'), tabId: z.number().int() }),
  z.strictObject({ type: z.literal('account/events'), id: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('members/list') }),
  z.strictObject({
    type: z.literal('conflict/resolve'),
    id: z.string(),
    keep: z.enum(['mine', 'theirs']),
  }),
  z.strictObject({ type: z.literal('refusal/dismiss'), id: z.string() }),
  z.strictObject({ type: z.literal('accounts/export'), filter: AccountFilterSchema }),
  z.strictObject({ type: z.literal('accounts/import'), csv: z.string().max(1024 * 1024) }),
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;

/** The connection as pages see it: never the token, only its last four characters. */
export const ConnectionViewSchema = z.object({
  apiUrl: z.string(),
  tokenHint: z.string(),
  me: MeSchema,
  connectedAt: z.string(),
});
export type ConnectionView = z.infer<typeof ConnectionViewSchema>;

/** How a page shows the token: `vg_…` and its last four characters. */
export const tokenHint = (token: string): string => `vg_…${token.slice(-4)}`;

/** What an upload of local records to a team did. */
export interface UploadReport {
  created: number;
  matched: number;
  conflicts: number;
}
