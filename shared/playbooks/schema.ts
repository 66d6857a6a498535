import { z } from 'zod';
import { LocalizedTextSchema } from '../text-schema';
import {
  CAPABILITIES,
  DOCUMENT_FORMATS,
  ENTITY_TYPES,
  FLOW_KINDS,
  PROVIDER_IDS,
} from './constants';

/**
 * A playbook is data describing one provider's verification: its pages, sources, types,
 * documents, methods, flows (ordered steps), review window, locks, irreversible changes and
 * attempt limits. Every user-facing rule carries the id of the source it comes from, so the
 * overlay and the API can link a rule to the provider's own page.
 */

// The closed lists live in constants.ts (no zod), for bundles that need only the values.
export { CAPABILITIES, DOCUMENT_FORMATS, ENTITY_TYPES, FLOW_KINDS, PROVIDER_IDS };

export const ProviderIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderIdSchema>;

export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

export const CapabilitySchema = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof CapabilitySchema>;

const Id = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'kebab-case or snake_case id');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A provider document the rules come from; `reviewedOn` is when we last checked it. */
export const SourceSchema = z.strictObject({
  id: Id,
  url: z.url(),
  title: LocalizedTextSchema,
  reviewedOn: IsoDate,
});

/** Label texts that identify something on the provider's page, per language. */
export const PageTextsSchema = z.strictObject({
  en: z.array(z.string().min(1)).min(1),
  zh: z.array(z.string().min(1)).min(1),
});
export type PageTexts = z.infer<typeof PageTextsSchema>;

/** A form field a step asks for, found on the page by its label text. */
export const FieldAnchorSchema = z.strictObject({
  id: Id,
  labels: PageTextsSchema,
  tip: LocalizedTextSchema,
  /** Set on document-number fields: the value is checked on the device against this format. */
  validate: z
    .strictObject({
      /** The format when the field's document type is fixed (e.g. a business license). */
      format: DocumentFormatSchema.optional(),
      /** Otherwise the format follows the document type chosen in this other field. */
      documentTypeField: Id.optional(),
    })
    .optional(),
});
export type FieldAnchor = z.infer<typeof FieldAnchorSchema>;

export const StepSchema = z.strictObject({
  /** Stable across releases: saved checklist progress is keyed by it. Never reuse or rename. */
  id: Id,
  title: LocalizedTextSchema,
  detail: LocalizedTextSchema,
  kind: z.enum(['action', 'check', 'wait']),
  fields: z.array(FieldAnchorSchema).optional(),
  /** Page texts showing the user is on (or past) this step, for highlighting it. */
  signal: PageTextsSchema.optional(),
  /** Buttons or choices on the page that make this step irreversible, for the guard. */
  guard: z
    .strictObject({
      triggers: PageTextsSchema,
      message: LocalizedTextSchema,
      sourceId: Id,
    })
    .optional(),
  sourceId: Id,
});
export type Step = z.infer<typeof StepSchema>;

export const FlowKindSchema = z.enum(FLOW_KINDS);
export type FlowKind = z.infer<typeof FlowKindSchema>;

export const FlowSchema = z.strictObject({
  id: Id,
  kind: FlowKindSchema,
  /** The verification type the flow ends in. */
  entityType: EntityTypeSchema,
  title: LocalizedTextSchema,
  steps: z.array(StepSchema).min(1),
  sourceId: Id,
});
export type Flow = z.infer<typeof FlowSchema>;

export const DocumentSchema = z.strictObject({
  id: Id,
  name: LocalizedTextSchema,
  format: DocumentFormatSchema.optional(),
  /** Methods allowed with this document, when fewer than the type's full list. */
  methods: z.array(Id).optional(),
  /** Needs a bank card issued by a bank in the Chinese mainland (CommsEase non-ID-card types). */
  requiresMainlandBankCard: z.boolean().optional(),
  sourceId: Id,
});
export type DocumentRef = z.infer<typeof DocumentSchema>;

export const MethodSchema = z.strictObject({
  id: Id,
  name: LocalizedTextSchema,
  detail: LocalizedTextSchema,
  /** Completes without a manual review (face scan, QR, bank card online). */
  instant: z.boolean(),
  sourceId: Id,
});

export const ReviewWindowSchema = z
  .strictObject({
    minBusinessDays: z.number().int().min(0),
    maxBusinessDays: z.number().int().min(1),
    sourceId: Id,
  })
  .refine((w) => w.minBusinessDays <= w.maxBusinessDays, 'min must not exceed max');
export type ReviewWindowRule = z.infer<typeof ReviewWindowSchema>;

export const VerificationTypeSchema = z.strictObject({
  entityType: EntityTypeSchema,
  name: LocalizedTextSchema,
  /** Who this type is for, in a sentence. */
  audience: LocalizedTextSchema,
  documents: z.array(DocumentSchema).min(1),
  methods: z.array(MethodSchema).min(1),
  can: z.array(CapabilitySchema),
  cannot: z.array(CapabilitySchema),
  /** null when the provider publishes no review time (e.g. instant online checks). */
  reviewWindow: ReviewWindowSchema.nullable(),
  sourceId: Id,
});
export type VerificationType = z.infer<typeof VerificationTypeSchema>;

/**
 * A period after a verification completes during which some changes are refused, e.g.
 * CommsEase: the individual subject cannot change for 30 days (upgrading stays allowed).
 */
export const LockSchema = z.strictObject({
  id: Id,
  /** The type whose completion starts the lock; absent = either type. */
  entityType: EntityTypeSchema.optional(),
  days: z.number().int().min(1),
  /** Flows the lock refuses while it runs. */
  refuses: z.array(FlowKindSchema).min(1),
  message: LocalizedTextSchema,
  sourceId: Id,
});
export type Lock = z.infer<typeof LockSchema>;

export const IrreversibleSchema = z.strictObject({
  from: EntityTypeSchema,
  to: EntityTypeSchema,
  message: LocalizedTextSchema,
  sourceId: Id,
});
export type Irreversible = z.infer<typeof IrreversibleSchema>;

export const AttemptLimitSchema = z.strictObject({
  id: Id,
  max: z.number().int().min(1),
  per: z.enum(['day', 'total']),
  appliesTo: z.array(Id).min(1),
  message: LocalizedTextSchema,
  sourceId: Id,
});

/** A fact worth showing that is not a hard rule (ownership warnings, per-identity limits). */
export const NoteSchema = z.strictObject({
  id: Id,
  text: LocalizedTextSchema,
  /** Facts the sources disagree on or that are marked unconfirmed ship as hints only. */
  hint: z.boolean().optional(),
  sourceId: Id,
});

/** How the overlay recognises a verification page: by URL or by content. */
export const PageSchema = z.strictObject({
  id: Id,
  /** Flow kinds this page serves (type choice pages serve several). */
  flows: z.array(FlowKindSchema).min(1),
  /** Regular-expression sources matched against `host + pathname + hash`. */
  urlPatterns: z.array(z.string().min(1)),
  /** Headings, labels or buttons whose presence marks the page, per language. */
  contentSignals: PageTextsSchema,
  /** Example URLs that must match (tested), as refined-github keeps beside predicates. */
  examples: z.array(z.url()).min(1),
});
export type PageRule = z.infer<typeof PageSchema>;

export const PlaybookSchema = z
  .strictObject({
    id: ProviderIdSchema,
    name: LocalizedTextSchema,
    /** Match patterns of the consoles (host permissions and content-script matches). */
    consoleMatches: z.array(z.string().regex(/^https:\/\/[^/]+\/\*$/)),
    timeZone: z.literal('Asia/Shanghai'),
    /** Business-day calendar the review window counts in. */
    calendar: z.literal('cn'),
    sources: z.array(SourceSchema).min(1),
    types: z.strictObject({
      individual: VerificationTypeSchema,
      enterprise: VerificationTypeSchema,
    }),
    flows: z.array(FlowSchema).min(1),
    pages: z.array(PageSchema),
    locks: z.array(LockSchema),
    irreversible: z.array(IrreversibleSchema),
    attemptLimits: z.array(AttemptLimitSchema),
    notes: z.array(NoteSchema),
  })
  .superRefine((p, ctx) => {
    const sourceIds = new Set(p.sources.map((s) => s.id));
    const walk = (value: unknown, path: (string | number)[]): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, [...path, i]);
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === 'sourceId' && typeof v === 'string' && !sourceIds.has(v)) {
            ctx.addIssue({ code: 'custom', path: [...path, k], message: `unknown source ${v}` });
          }
          walk(v, [...path, k]);
        }
      }
    };
    walk(p, []);
    // Checklist progress is stored as {stepId: doneAt} per account, so a step id names one
    // step in the whole playbook.
    const stepIds = p.flows.flatMap((f) => f.steps.map((s) => s.id));
    const seen = new Set<string>();
    for (const id of stepIds) {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: ['flows'], message: `step id ${id} repeats` });
      seen.add(id);
    }
  });
export type Playbook = z.infer<typeof PlaybookSchema>;
