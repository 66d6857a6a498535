// A namespace import lets the bundler drop what is unused (`import { z }` keeps all of zod,
// locales included, in the worker bundle).
import * as z from 'zod';
// The zod-free constants, not the playbook schema: the worker bundle stays small.
import { type FlowKind, PROVIDER_IDS } from '../playbooks/constants';
import { STATUSES } from '../rules/status-machine';

const ProviderIdSchema = z.enum(PROVIDER_IDS);

/** Flows a verified account can start again (verified -> in_progress). */
const FOLLOW_UP_FLOWS = ['change', 'update', 'upgrade'] as const satisfies readonly FlowKind[];

export const StatusSchema = z.enum(STATUSES);
export const AccountEntityTypeSchema = z.enum(['individual', 'enterprise', 'unknown']);

const IsoInstant = z.iso.datetime({ offset: true });
const FreeText = (max: number) => z.string().max(max);
const Id = z.string().min(1).max(100);

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
  label: z.string().nullable(),
  entityType: AccountEntityTypeSchema,
  status: StatusSchema,
  ownerMemberId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewWindow: ReviewWindowSchema.nullable(),
  overdue: z.boolean(),
  verifiedAt: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  checklist: z.record(z.string(), z.string()),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

/** POST /accounts */
export const CreateAccountSchema = z.strictObject({
  provider: ProviderIdSchema,
  externalId: z.string().trim().min(1).max(200),
  label: FreeText(200).optional(),
  entityType: AccountEntityTypeSchema.optional(),
  ownerMemberId: Id.optional(),
  notes: FreeText(10_000).optional(),
});
export type CreateAccount = z.infer<typeof CreateAccountSchema>;

/**
 * PATCH /accounts/:id (with `If-Match: "<version>"`). `checklist` is merged into the stored
 * progress: a step id with an ISO time marks it done, with null clears it.
 */
export const PatchAccountSchema = z
  .strictObject({
    label: FreeText(200).nullable().optional(),
    notes: FreeText(10_000).nullable().optional(),
    ownerMemberId: Id.nullable().optional(),
    entityType: AccountEntityTypeSchema.optional(),
    checklist: z.record(z.string().min(1).max(100), IsoInstant.nullable()).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type PatchAccount = z.infer<typeof PatchAccountSchema>;

/**
 * POST /accounts/:id/transitions (with If-Match). `flow` says which flow a verified account
 * starts when it goes back to in_progress: change (default), update or upgrade.
 */
export const TransitionSchema = z.strictObject({
  to: StatusSchema,
  at: IsoInstant.optional(),
  reason: FreeText(2_000).optional(),
  flow: z.enum(FOLLOW_UP_FLOWS).optional(),
});
export type Transition = z.infer<typeof TransitionSchema>;

// Query parameters arrive as strings; their input type stays string so Hono's typed client
// sends them as such.
const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
const LimitParam = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

/** Filters shared by GET /accounts and GET /accounts/export. */
export const AccountFilterSchema = z.object({
  provider: ProviderIdSchema.optional(),
  status: StatusSchema.optional(),
  q: z.string().max(200).optional(),
  overdue: BoolParam.optional(),
});

/** GET /accounts */
export const ListAccountsQuerySchema = AccountFilterSchema.extend({
  limit: LimitParam(200).optional(),
  cursor: z.string().max(500).optional(),
});
export type ListAccountsQuery = z.infer<typeof ListAccountsQuerySchema>;

export const AccountPageSchema = z.object({
  items: z.array(AccountSchema),
  nextCursor: z.string().nullable(),
});

/** GET /accounts/lookup */
export const LookupQuerySchema = z.object({
  provider: ProviderIdSchema,
  externalId: z.string().min(1).max(200),
});

export const EventSchema = z.object({
  id: z.number().int(),
  type: z.enum(['created', 'updated', 'transitioned', 'deleted', 'imported']),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AccountEvent = z.infer<typeof EventSchema>;

/** GET /accounts/:id/events */
export const EventsQuerySchema = z.object({
  limit: LimitParam(200).optional(),
  cursor: z.string().max(100).optional(),
});
export const EventPageSchema = z.object({
  items: z.array(EventSchema),
  nextCursor: z.string().nullable(),
});

/** POST /accounts/import as JSON (CSV uses the same columns as header names). */
export const MAX_IMPORT_ROWS = 1_000;
export const ImportJsonSchema = z.strictObject({
  rows: z.array(z.unknown()).max(MAX_IMPORT_ROWS),
});
export const ImportResultSchema = z.object({
  created: z.number().int(),
  items: z.array(AccountSchema),
  errors: z.array(
    z.object({
      /** CSV: the line in the file (the header is row 1). JSON: index in `rows` + 1. */
      row: z.number().int(),
      code: z.enum(['validation_failed', 'conflict', 'pii_detected']),
      message: z.string(),
      path: z.string().optional(),
    }),
  ),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** GET /changes */
export const ChangesQuerySchema = z.object({
  since: z.string().max(100).optional(),
  limit: LimitParam(500).optional(),
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
