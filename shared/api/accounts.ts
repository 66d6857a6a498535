import * as z from 'zod/mini';
// The zod-free constants, not the playbook schema: the worker bundle stays small.
import { type FlowKind, PROVIDER_IDS } from '../playbooks/constants';
import { STATUSES } from '../rules/status-machine';
import './locale';

const ProviderIdSchema = z.enum(PROVIDER_IDS);

/** Flows a verified account can start again (verified -> in_progress). */
const FOLLOW_UP_FLOWS = ['change', 'update', 'upgrade'] as const satisfies readonly FlowKind[];

export const StatusSchema = z.enum(STATUSES);
export const AccountEntityTypeSchema = z.enum(['individual', 'enterprise', 'unknown']);

const IsoInstant = z.iso.datetime({ offset: true });
const FreeText = (max: number) => z.string().check(z.maxLength(max));
const Id = z.string().check(z.minLength(1), z.maxLength(100));

export const ReviewWindowSchema = z.object({
  earliest: z.string(),
  latest: z.string(),
  estimate: z.boolean(),
});

/** An account record as the API returns it. `overdue` is computed when read. */
export const AccountSchema = z.object({
  id: z.string(),
  provider: ProviderIdSchema,
  externalId: z.string(),
  label: z.nullable(z.string()),
  entityType: AccountEntityTypeSchema,
  status: StatusSchema,
  ownerMemberId: z.nullable(z.string()),
  submittedAt: z.nullable(z.string()),
  reviewWindow: z.nullable(ReviewWindowSchema),
  overdue: z.boolean(),
  verifiedAt: z.nullable(z.string()),
  rejectedReason: z.nullable(z.string()),
  lockedUntil: z.nullable(z.string()),
  checklist: z.record(z.string(), z.string()),
  notes: z.nullable(z.string()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

/** POST /accounts */
export const CreateAccountSchema = z.strictObject({
  provider: ProviderIdSchema,
  externalId: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  label: z.optional(FreeText(200)),
  entityType: z.optional(AccountEntityTypeSchema),
  ownerMemberId: z.optional(Id),
  notes: z.optional(FreeText(10_000)),
});
export type CreateAccount = z.infer<typeof CreateAccountSchema>;

/**
 * PATCH /accounts/:id (with `If-Match: "<version>"`). `checklist` is merged into the stored
 * progress: a step id with an ISO time marks it done, with null clears it.
 */
export const PatchAccountSchema = z
  .strictObject({
    label: z.optional(z.nullable(FreeText(200))),
    notes: z.optional(z.nullable(FreeText(10_000))),
    ownerMemberId: z.optional(z.nullable(Id)),
    entityType: z.optional(AccountEntityTypeSchema),
    checklist: z.optional(
      z.record(z.string().check(z.minLength(1), z.maxLength(100)), z.nullable(IsoInstant)),
    ),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, 'nothing to change'));
export type PatchAccount = z.infer<typeof PatchAccountSchema>;

/**
 * POST /accounts/:id/transitions (with If-Match). `flow` says which flow a verified account
 * starts when it goes back to in_progress: change (default), update or upgrade.
 */
export const TransitionSchema = z.strictObject({
  to: StatusSchema,
  at: z.optional(IsoInstant),
  reason: z.optional(FreeText(2_000)),
  flow: z.optional(z.enum(FOLLOW_UP_FLOWS)),
});
export type Transition = z.infer<typeof TransitionSchema>;

// Query parameters arrive as strings; their input type stays string so Hono's typed client
// sends them as such.
const BoolParam = z.pipe(
  z.enum(['true', 'false']),
  z.transform((v: 'true' | 'false') => v === 'true'),
);
const LimitParam = (max: number) =>
  z.pipe(
    z.pipe(
      z.string().check(z.regex(/^\d{1,4}$/, 'a whole number')),
      z.transform((v: string) => Number(v)),
    ),
    z.int().check(z.gte(1), z.lte(max)),
  );

/** Filters shared by GET /accounts and GET /accounts/export. */
export const AccountFilterSchema = z.object({
  provider: z.optional(ProviderIdSchema),
  status: z.optional(StatusSchema),
  q: z.optional(z.string().check(z.maxLength(200))),
  overdue: z.optional(BoolParam),
});

/** GET /accounts */
export const ListAccountsQuerySchema = z.extend(AccountFilterSchema, {
  limit: z.optional(LimitParam(200)),
  cursor: z.optional(z.string().check(z.maxLength(500))),
});
export type ListAccountsQuery = z.infer<typeof ListAccountsQuerySchema>;

export const AccountPageSchema = z.object({
  items: z.array(AccountSchema),
  nextCursor: z.nullable(z.string()),
});

/** GET /accounts/lookup */
export const LookupQuerySchema = z.object({
  provider: ProviderIdSchema,
  externalId: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const EventSchema = z.object({
  id: z.int(),
  type: z.enum(['created', 'updated', 'transitioned', 'deleted', 'imported']),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.nullable(z.string()) }),
  before: z.nullable(z.record(z.string(), z.unknown())),
  after: z.nullable(z.record(z.string(), z.unknown())),
});
export type AccountEvent = z.infer<typeof EventSchema>;

/** GET /accounts/:id/events */
export const EventsQuerySchema = z.object({
  limit: z.optional(LimitParam(200)),
  cursor: z.optional(z.string().check(z.maxLength(100))),
});
export const EventPageSchema = z.object({
  items: z.array(EventSchema),
  nextCursor: z.nullable(z.string()),
});

/** POST /accounts/import as JSON (CSV uses the same columns as header names). */
export const MAX_IMPORT_ROWS = 1_000;
export const ImportJsonSchema = z.strictObject({
  rows: z.array(z.unknown()).check(z.maxLength(MAX_IMPORT_ROWS)),
});
export const ImportResultSchema = z.object({
  created: z.int(),
  items: z.array(AccountSchema),
  errors: z.array(
    z.object({
      /** CSV: the line in the file (the header is row 1). JSON: index in `rows` + 1. */
      row: z.int(),
      code: z.enum(['validation_failed', 'conflict', 'pii_detected']),
      message: z.string(),
      path: z.optional(z.string()),
    }),
  ),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** GET /changes */
export const ChangesQuerySchema = z.object({
  since: z.optional(z.string().check(z.maxLength(100))),
  limit: z.optional(LimitParam(500)),
});
export const TombstoneSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  provider: ProviderIdSchema,
  externalId: z.string(),
});
export const ChangesSchema = z.object({
  items: z.array(z.union([AccountSchema, TombstoneSchema])),
  /** Pass as `since` next time; present even when nothing changed. */
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type Changes = z.infer<typeof ChangesSchema>;
