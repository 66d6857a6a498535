import { sql } from 'drizzle-orm';
import {
  type Account,
  type CreateAccount,
  CreateAccountSchema,
} from '../../../shared/api/accounts';
import { requireRole } from '../../auth/roles';
import { type ServiceCtx, statement } from '../../context';
import { accounts } from '../../db/schema';
import { ConflictError, ValidationError, zodIssues } from '../../errors';
import { ensureTeamMember } from './owner';
import { accountRowOf, json, nextSeq, refusePii, toAccount } from './record';

export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Error && /UNIQUE constraint failed/i.test(`${err.message} ${String(err.cause)}`);

/** POST /accounts (editor+): a new account record, unverified, version 1. */
export async function createAccount({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: CreateAccount;
}): Promise<Account> {
  const parsed = CreateAccountSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  requireRole(ctx, 'editor');
  const body = parsed.data;
  refusePii({ label: body.label, notes: body.notes });
  await ensureTeamMember(ctx, body.ownerMemberId);

  const id = crypto.randomUUID();
  const row = {
    id,
    teamId: ctx.actor.teamId,
    provider: body.provider,
    externalId: body.externalId,
    label: body.label ?? null,
    entityType: body.entityType ?? 'unknown',
    status: 'unverified' as const,
    ownerMemberId: body.ownerMemberId ?? null,
    checklist: '{}',
    notes: body.notes ?? null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const after = toAccount({ ...row, ...EMPTY, changeSeq: 0 }, ctx.now);
  try {
    // RETURNING gives the stored row (its change_seq included) without a read after the write.
    const [inserted] = await ctx.d1.batch<Record<string, unknown>>([
      statement(
        ctx.d1,
        ctx.db
          .insert(accounts)
          .values({ ...row, changeSeq: nextSeq })
          .returning(),
      ),
      statement(
        ctx.d1,
        sql`
        INSERT INTO events (id, team_id, account_id, actor_member_id, type, at, before, after)
        SELECT change_seq, team_id, id, ${ctx.actor.memberId}, 'created', ${ctx.now}, NULL,
               ${json(eventSnapshot(after))}
        FROM accounts WHERE id = ${id}`,
      ),
    ]);
    const [created] = inserted?.results ?? [];
    if (!created) throw new Error('the created account was not returned');
    return toAccount(accountRowOf(created), ctx.now);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ConflictError(
        `An account ${body.provider} / ${body.externalId} already exists in your team.`,
        { provider: body.provider, externalId: body.externalId },
      );
    }
    throw err;
  }
}

const EMPTY = {
  submittedAt: null,
  reviewEarliest: null,
  reviewLatest: null,
  reviewEstimate: null,
  verifiedAt: null,
  rejectedReason: null,
  lockedUntil: null,
  deletedAt: null,
};

/** What an event records of a whole account (computed and bookkeeping fields left out). */
export const eventSnapshot = (a: Account): Record<string, unknown> => {
  const { overdue: _o, version: _v, createdAt: _c, updatedAt: _u, ...rest } = a;
  return rest;
};
