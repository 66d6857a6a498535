import {
  localDateTime,
  lockEnd,
  PROVIDER_TIME_ZONE,
  parseInstant,
  type ReviewWindow,
  reviewWindow,
} from '../dates';
import type { FlowKind, Lock, Playbook } from '../playbooks/schema';
import type { Locale, LocalizedText } from '../text';

/**
 * The verification status of one account and the rules for moving it, checked against the
 * provider's playbook (locks, irreversible type changes, review windows).
 *
 *   unverified -> in_progress -> in_review -> verified | rejected
 *   rejected -> in_progress            (try again)
 *   verified -> in_progress            (a change, update or upgrade starts)
 *   in_progress -> unverified          (abandon; only while the account was never verified)
 *
 * Abandoning is allowed only for a first verification: the provider then holds no verification,
 * so "unverified" is the truth. Once an account has been verified, the providers do not revoke
 * it (Tencent Cloud: "cannot be revoked"), so going back to unverified would record something
 * false; such an account stays in progress until the change is submitted.
 *
 * Nothing here throws: unknown statuses, unreadable times or a malformed playbook give a
 * refusal that says so.
 */

export const STATUSES = ['unverified', 'in_progress', 'in_review', 'verified', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

export interface AccountState {
  status: Status;
  entityType: 'individual' | 'enterprise' | 'unknown';
  submittedAt: string | null;
  reviewWindow: ReviewWindow | null;
  verifiedAt: string | null;
  lockedUntil: string | null;
  rejectedReason: string | null;
}

export interface TransitionRequest {
  to: Status;
  /** When it happened, ISO 8601. */
  at: string;
  /** Which flow a verified account starts (verified -> in_progress); default 'change'. */
  flow?: FlowKind;
  /** Why a review was rejected (required for -> rejected). */
  reason?: string;
}

export type Refusal = {
  code: 'not_allowed' | 'locked' | 'irreversible' | 'already_enterprise' | 'reason_required';
  message: LocalizedText;
  /** When a lock ends (ISO instant), for code 'locked'. */
  until?: string;
  /** The provider page the rule comes from. */
  sourceUrl?: string;
};

export type TransitionResult = { ok: true; state: AccountState } | { ok: false; refusal: Refusal };

const NEXT: Record<Status, readonly Status[]> = {
  unverified: ['in_progress'],
  in_progress: ['in_review', 'unverified'],
  in_review: ['verified', 'rejected'],
  verified: ['in_progress'],
  rejected: ['in_progress'],
};

const STATUS_LABEL: Record<Status, LocalizedText> = {
  unverified: { en: 'not verified', zh: '未认证' },
  in_progress: { en: 'in progress', zh: '认证中' },
  in_review: { en: 'in review', zh: '审核中' },
  verified: { en: 'verified', zh: '已认证' },
  rejected: { en: 'rejected', zh: '已驳回' },
};

/** Any value as short text for a message, without calling a hostile `toString`. */
const show = (value: unknown): string =>
  typeof value === 'string' ? value.slice(0, 100) : `(${typeof value})`;

const FLOW_LABEL: Record<FlowKind, LocalizedText> = {
  individual: { en: 'individual verification', zh: '个人认证' },
  enterprise: { en: 'enterprise verification', zh: '企业认证' },
  change: { en: 'change', zh: '变更' },
  update: { en: 'update', zh: '信息更新' },
  upgrade: { en: 'upgrade to enterprise', zh: '升级为企业认证' },
};

/** English needs the article: "An update can start from ...". */
const FLOW_SUBJECT: Record<FollowUpFlow, string> = {
  change: 'A change',
  update: 'An update',
  upgrade: 'An upgrade to enterprise',
};

const ENTITY_LABEL: Record<AccountState['entityType'], LocalizedText> = {
  individual: { en: 'individual', zh: '个人' },
  enterprise: { en: 'enterprise', zh: '企业' },
  unknown: { en: 'unknown', zh: '未知' },
};

/** Flows a verified account can start. */
const FOLLOW_UP_FLOWS = ['change', 'update', 'upgrade'] as const satisfies readonly FlowKind[];
type FollowUpFlow = (typeof FOLLOW_UP_FLOWS)[number];

const isStatus = (value: unknown): value is Status =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value);

const isFollowUp = (value: unknown): value is FollowUpFlow =>
  typeof value === 'string' && (FOLLOW_UP_FLOWS as readonly string[]).includes(value);

const ENTITY_TYPES = ['individual', 'enterprise', 'unknown'] as const;
const isEntityType = (value: unknown): value is AccountState['entityType'] =>
  typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);

const sourceUrl = (playbook: Playbook, sourceId?: string): string | undefined => {
  const sources = Array.isArray(playbook?.sources) ? playbook.sources : [];
  return (sources.find((s) => s?.id === sourceId) ?? sources[0])?.url;
};

const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => {
  const { sourceUrl: url, ...rest } = refusal;
  return { ok: false, refusal: url === undefined ? rest : refusal };
};

const VERIFICATION_ORDER: LocalizedText = {
  en: 'Verification goes: not verified → in progress → in review → verified or rejected; a rejected or verified account starts again with in progress.',
  zh: '认证的顺序是：未认证 → 认证中 → 审核中 → 已认证或已驳回；被驳回或已认证的账号从“认证中”重新开始。',
};

const notAllowed = (playbook: Playbook, from: unknown, to: unknown): Refusal => {
  const fromLabel = isStatus(from) ? STATUS_LABEL[from] : { en: show(from), zh: show(from) };
  const toLabel = isStatus(to) ? STATUS_LABEL[to] : { en: show(to), zh: show(to) };
  return {
    code: 'not_allowed',
    message: {
      en: `An account that is ${fromLabel.en} cannot become ${toLabel.en}. ${VERIFICATION_ORDER.en}`,
      zh: `“${fromLabel.zh}”的账号不能直接变为“${toLabel.zh}”。${VERIFICATION_ORDER.zh}`,
    },
    sourceUrl: sourceUrl(playbook),
  };
};

const unreadable = (playbook: Playbook, what: LocalizedText): Refusal => ({
  code: 'not_allowed',
  message: {
    en: `This cannot be checked: ${what.en}.`,
    zh: `无法检查：${what.zh}。`,
  },
  sourceUrl: sourceUrl(playbook),
});

/** Whether a lock started by the account's verification applies to it. */
const lockApplies = (lock: Lock, entityType: AccountState['entityType']): boolean =>
  // With the type unknown we cannot rule a typed lock out, so it counts: better a refusal that
  // names its rule than a change the provider will refuse.
  lock.entityType === undefined || entityType === 'unknown' || lock.entityType === entityType;

const locksOf = (playbook: Playbook): Lock[] =>
  Array.isArray(playbook?.locks) ? playbook.locks.filter((l) => l && typeof l === 'object') : [];

const flowKinds = (playbook: Playbook): Set<FlowKind> =>
  new Set((Array.isArray(playbook?.flows) ? playbook.flows : []).map((f) => f?.kind));

/**
 * The flow a follow-up request means on this provider. Providers name "modify the verified
 * details" either a change (Tencent Cloud) or an update (CommsEase's Edit); a request for one
 * on a provider that only has the other means that one, so its locks cannot be dodged by
 * picking the other word.
 */
const resolveFlow = (playbook: Playbook, flow: FollowUpFlow): FollowUpFlow => {
  if (flow === 'upgrade') return flow;
  const kinds = flowKinds(playbook);
  const other = flow === 'change' ? 'update' : 'change';
  return !kinds.has(flow) && kinds.has(other) ? other : flow;
};

/** Why a verified account cannot start `flow` at `atMs`, if it cannot. */
const followUpRefusal = (
  playbook: Playbook,
  current: AccountState,
  requested: FollowUpFlow,
  atMs: number,
): Refusal | null => {
  const flow = resolveFlow(playbook, requested);
  if (flow === 'upgrade') {
    const upgrade = (Array.isArray(playbook?.flows) ? playbook.flows : []).find(
      (f) => f?.kind === 'upgrade',
    );
    if (current.entityType === 'enterprise') {
      return {
        code: 'already_enterprise',
        message: {
          en: 'This account is already verified as an enterprise, so there is nothing to upgrade. To correct the company details, start a change instead.',
          zh: '该账号已是企业认证，无需升级。如需修改企业信息，请发起变更。',
        },
        sourceUrl: sourceUrl(playbook, upgrade?.sourceId),
      };
    }
    if (!upgrade) {
      return {
        code: 'not_allowed',
        message: {
          en: `${playbook?.name?.en ?? 'This provider'} has no separate upgrade to enterprise verification: start a change of the verification instead.`,
          zh: `${playbook?.name?.zh ?? '该服务商'}没有单独的“升级为企业认证”流程，请发起认证变更。`,
        },
        sourceUrl: sourceUrl(playbook),
      };
    }
  }

  // The lock that ends last decides; each lock counts from the verification that started it.
  let blocking: { lock: Lock; end: string; endMs: number } | null = null;
  for (const lock of locksOf(playbook)) {
    if (!Array.isArray(lock.refuses) || !lock.refuses.includes(flow)) continue;
    if (!lockApplies(lock, current.entityType)) continue;
    const end = current.verifiedAt ? lockEnd(current.verifiedAt, lock.days) : current.lockedUntil;
    const endMs = end ? parseInstant(end) : null;
    if (!end || endMs === null || atMs >= endMs) continue;
    if (!blocking || endMs > blocking.endMs) blocking = { lock, end, endMs };
  }
  if (!blocking) return null;
  const when = localDateTime(blocking.end, playbook?.timeZone ?? PROVIDER_TIME_ZONE);
  const label = FLOW_LABEL[flow];
  return {
    code: 'locked',
    message: {
      en: `${blocking.lock.message?.en ?? ''} ${FLOW_SUBJECT[flow]} can start from ${when} (China Standard Time, UTC+8).`.trim(),
      zh: `${blocking.lock.message?.zh ?? ''}可在 ${when}（北京时间）之后发起${label.zh}。`,
    },
    until: blocking.end,
    sourceUrl: sourceUrl(playbook, blocking.lock.sourceId),
  };
};

/** The latest end of the locks that a verification completing at `at` starts. */
const lockedUntilAfter = (
  playbook: Playbook,
  entityType: AccountState['entityType'],
  at: string,
): string | null => {
  let latest: { end: string; ms: number } | null = null;
  for (const lock of locksOf(playbook)) {
    if (!lockApplies(lock, entityType)) continue;
    const end = lockEnd(at, lock.days);
    const ms = parseInstant(end);
    if (ms !== null && (!latest || ms > latest.ms)) latest = { end, ms };
  }
  return latest?.end ?? null;
};

const reviewRuleFor = (playbook: Playbook, entityType: AccountState['entityType']) =>
  entityType === 'unknown' ? null : (playbook?.types?.[entityType]?.reviewWindow ?? null);

const transition = (
  playbook: Playbook,
  current: AccountState,
  req: TransitionRequest,
): TransitionResult => {
  const from = current?.status;
  const to = req?.to;
  if (!isStatus(from) || !isStatus(to) || !NEXT[from].includes(to)) {
    return refuse(notAllowed(playbook, from, to));
  }
  const atMs = parseInstant(req.at);
  if (atMs === null) {
    return refuse(
      unreadable(playbook, {
        en: `the time ${JSON.stringify(show(req.at))} is not an ISO 8601 date and time`,
        zh: `时间 ${JSON.stringify(show(req.at))} 不是 ISO 8601 日期时间`,
      }),
    );
  }
  const at = new Date(atMs).toISOString();

  switch (to) {
    case 'in_progress': {
      if (from === 'verified') {
        const requested = req.flow ?? 'change';
        if (!isFollowUp(requested)) {
          return refuse({
            code: 'not_allowed',
            message: {
              en: `A verified account starts a change, an update or an upgrade, not a new ${FLOW_LABEL[requested as FlowKind]?.en ?? show(requested)}.`,
              zh: `已认证的账号只能发起变更、信息更新或升级，不能重新进行${FLOW_LABEL[requested as FlowKind]?.zh ?? show(requested)}。`,
            },
            sourceUrl: sourceUrl(playbook),
          });
        }
        const refusal = followUpRefusal(playbook, current, requested, atMs);
        if (refusal) return refuse(refusal);
      }
      return { ok: true, state: { ...current, status: 'in_progress' } };
    }
    case 'unverified': {
      if (current.verifiedAt !== null && current.verifiedAt !== undefined) {
        return refuse({
          code: 'not_allowed',
          message: {
            en: 'This account has been verified before, and a verification is not revoked by stopping a change: it cannot go back to not verified. Submit the change, or leave it in progress.',
            zh: '该账号此前已完成认证，放弃变更并不会撤销已有认证，因此不能改回“未认证”。请提交变更，或保持“认证中”。',
          },
          sourceUrl: sourceUrl(playbook),
        });
      }
      return {
        ok: true,
        state: {
          ...current,
          status: 'unverified',
          submittedAt: null,
          reviewWindow: null,
          rejectedReason: null,
        },
      };
    }
    case 'in_review':
      return {
        ok: true,
        state: {
          ...current,
          status: 'in_review',
          submittedAt: at,
          reviewWindow: reviewWindow(
            at,
            reviewRuleFor(playbook, current.entityType),
            playbook?.timeZone ?? PROVIDER_TIME_ZONE,
          ),
        },
      };
    case 'verified':
      return {
        ok: true,
        state: {
          ...current,
          status: 'verified',
          verifiedAt: at,
          lockedUntil: lockedUntilAfter(playbook, current.entityType, at),
          rejectedReason: null,
        },
      };
    case 'rejected': {
      const reason = typeof req.reason === 'string' ? req.reason.trim() : '';
      if (reason === '') {
        return refuse({
          code: 'reason_required',
          message: {
            en: 'Say why the review was rejected (the provider’s message), so the next attempt can fix it.',
            zh: '请填写驳回原因（服务商给出的说明），以便下次修正。',
          },
          sourceUrl: sourceUrl(playbook),
        });
      }
      return { ok: true, state: { ...current, status: 'rejected', rejectedReason: reason } };
    }
  }
};

/**
 * Moves an account to `req.to` if the playbook allows it at `req.at`, returning the new state
 * (review window set on submission, verification time and lock end set on approval) or a
 * refusal that explains the rule in English and Chinese with its source.
 */
export function applyTransition(
  playbook: Playbook,
  current: AccountState,
  req: TransitionRequest,
): TransitionResult {
  try {
    return transition(playbook, current, req);
  } catch {
    // Only a malformed playbook or state gets here; refuse rather than break the caller.
    return refuse(
      unreadable(playbook, {
        en: 'the account or playbook is malformed',
        zh: '账号或规则数据有误',
      }),
    );
  }
}

const entityChange = (
  playbook: Playbook,
  current: AccountState,
  to: AccountState['entityType'],
): { ok: true } | { ok: false; refusal: Refusal } => {
  if (!isEntityType(to) || !isEntityType(current?.entityType) || !isStatus(current?.status)) {
    return refuse(
      unreadable(playbook, {
        en: `the verification type ${JSON.stringify(show(to))} or the account is not understood`,
        zh: `认证类型 ${JSON.stringify(show(to))} 或账号数据无法识别`,
      }),
    );
  }
  const from = current.entityType;
  if (from === to) return { ok: true };
  const everVerified = current.verifiedAt !== null && current.verifiedAt !== undefined;
  if (everVerified && from !== 'unknown' && to !== 'unknown') {
    const rule = (Array.isArray(playbook?.irreversible) ? playbook.irreversible : []).find(
      (r) => r?.from === from && r?.to === to,
    );
    if (rule) {
      return refuse({
        code: 'irreversible',
        message: {
          en: `${rule.message?.en ?? ''} ${playbook?.name?.en ?? 'The provider'} never changes a verified ${ENTITY_LABEL[from].en} account back to ${ENTITY_LABEL[to].en}.`.trim(),
          zh: `${rule.message?.zh ?? ''}${playbook?.name?.zh ?? '服务商'}不允许已认证的${ENTITY_LABEL[from].zh}账号改回${ENTITY_LABEL[to].zh}认证。`,
        },
        sourceUrl: sourceUrl(playbook, rule.sourceId),
      });
    }
  }
  // Filling in a type that was never recorded is not a change of the verification.
  if (current.status === 'verified' && from !== 'unknown') {
    return refuse({
      code: 'not_allowed',
      message: {
        en: `A verified account changes its verification type only through the provider’s change or upgrade flow: start it (verified → in progress), then record the new type.`,
        zh: '已认证账号只能通过服务商的变更或升级流程更改认证类型：请先发起流程（已认证 → 认证中），再记录新的类型。',
      },
      sourceUrl: sourceUrl(playbook),
    });
  }
  return { ok: true };
};

/**
 * Whether the account's verification type may be recorded as `to`. Refused when the playbook
 * marks the change irreversible for an account that has been verified (CommsEase: enterprise
 * never back to individual), and for a verified account outside a flow: the type of a verified
 * account changes through a change or upgrade, never silently. Recording the type of an account
 * whose type was unknown is always allowed.
 */
export function changeEntityType(
  playbook: Playbook,
  current: AccountState,
  to: AccountState['entityType'],
): { ok: true } | { ok: false; refusal: Refusal } {
  try {
    return entityChange(playbook, current, to);
  } catch {
    return refuse(
      unreadable(playbook, {
        en: 'the account or playbook is malformed',
        zh: '账号或规则数据有误',
      }),
    );
  }
}

/**
 * The statuses the account can move to at `at`, for buttons and menus. A rejection is listed
 * although it needs a reason; a verified account can move to in progress when any of change,
 * update or upgrade is allowed.
 */
export function allowedTransitions(
  playbook: Playbook,
  current: AccountState,
  at: string,
): Status[] {
  return STATUSES.filter((to) => {
    const requests: TransitionRequest[] =
      current?.status === 'verified' && to === 'in_progress'
        ? FOLLOW_UP_FLOWS.map((flow) => ({ to, at, flow }))
        : [{ to, at, reason: 'reason' }];
    return requests.some((req) => applyTransition(playbook, current, req).ok);
  });
}

/** A refusal as one sentence in the user's language, with the source link when there is one. */
export function explainRefusal(refusal: Refusal, locale: Locale): string {
  const lang: Locale = locale === 'zh' ? 'zh' : 'en';
  const text = refusal?.message?.[lang] ?? '';
  if (!refusal?.sourceUrl) return text;
  return lang === 'zh'
    ? `${text}（来源：${refusal.sourceUrl}）`
    : `${text} (Source: ${refusal.sourceUrl})`;
}
