import type {
  Capability,
  DocumentRef,
  EntityType,
  Playbook,
  ProviderId,
} from '../playbooks/schema';
import type { LocalizedText } from '../text';

/**
 * The questions the decision helper asks; every answer beyond the first five is optional.
 * A plain type so the content script carries no validator: input from outside the code
 * (API, forms) goes through `DecisionInputSchema` and `decide` in decide-input.ts, which a
 * test keeps equal to this type.
 */
export interface DecisionInput {
  provider: ProviderId;
  /** Who owns the account's resources. */
  owner: 'individual' | 'organization';
  needsSpecialVatInvoice: boolean;
  needsSmsPacks: boolean;
  buysInMainland: boolean;
  /** A document id from the provider's playbook; absent = not known yet. */
  document?: string | undefined;
  hasMainlandBankCard?: boolean | undefined;
  accountRegion?: 'mainland' | 'hk_macao_taiwan' | 'international' | undefined;
}

export interface Reason {
  id: string;
  text: LocalizedText;
  source: { url: string; title: LocalizedText };
}

export interface Decision {
  /** The verification type that fits. */
  recommended: EntityType;
  /** The playbook flow to follow. */
  flowId: string;
  eligibleMethods: { id: string; name: LocalizedText }[];
  /** The document held when it is accepted; otherwise the accepted documents (any one of them). */
  requiredDocuments: { id: string; name: LocalizedText }[];
  /** Cannot proceed online as things stand; the text says the way out. */
  blockers: Reason[];
  /** Risks to know before going on (ownership, irreversibility, locks, attempt limits). */
  warnings: Reason[];
  /** Why this type. */
  reasons: Reason[];
}

/**
 * Playbook notes that the decision helper shows in given situations. A playbook opts in by
 * carrying a note with this id, so no provider is named in the rules below.
 */
export const DECISION_NOTES = {
  /** Verification decides who owns the account (both seeds). */
  ownership: 'ownership',
  /** Who to contact when the online check cannot be done (CommsEase: the Business Manager). */
  onlineAuthHelp: 'online-auth-help',
  /** A completed verification can never be revoked. */
  noRevocation: 'no-revocation',
  /** Shown to users in the Chinese mainland: another site of the provider is theirs. */
  mainlandUsersElsewhere: 'site-for-mainland-users',
  /** Shown to users outside the Chinese mainland: another site of the provider is theirs. */
  nonMainlandUsersElsewhere: 'site-for-non-mainland-users',
} as const;

/** The capability behind each yes/no question. */
const NEEDS = [
  { input: 'needsSpecialVatInvoice', capability: 'special_vat_invoice' },
  { input: 'needsSmsPacks', capability: 'sms_packs' },
  { input: 'buysInMainland', capability: 'mainland_purchases' },
] as const satisfies readonly { input: keyof DecisionInput; capability: Capability }[];

/** What an account "can ..." (verb phrase), for the sentences below. */
const CAN: Record<Capability, LocalizedText> = {
  personal_projects: { en: 'run personal projects', zh: '用于个人项目' },
  enterprise_operations: { en: 'run business operations', zh: '用于企业经营' },
  special_vat_invoice: { en: 'get special VAT invoices', zh: '开具增值税专用发票' },
  vat_electronic_invoice: { en: 'get VAT electronic invoices', zh: '开具增值税电子发票' },
  paper_special_invoice: { en: 'get paper special invoices', zh: '开具纸质专用发票' },
  contracts_in_company_name: { en: 'sign contracts in the company name', zh: '以公司名义签订合同' },
  sms_trial: { en: 'use the SMS free trial', zh: '试用短信服务' },
  sms_packs: { en: 'buy SMS packs', zh: '购买短信套餐包' },
  mainland_purchases: { en: 'buy resources in the Chinese mainland', zh: '购买中国内地资源' },
  credit_limit: { en: 'get a credit limit', zh: '获得信用额度' },
};

const kebab = (s: string) => s.replaceAll('_', '-');

function list(items: LocalizedText[], conj: LocalizedText): LocalizedText {
  const en = items.map((i) => i.en);
  const zh = items.map((i) => i.zh);
  return {
    en: en.length < 2 ? (en[0] ?? '') : `${en.slice(0, -1).join(', ')} ${conj.en} ${en.at(-1)}`,
    zh: zh.join('、'),
  };
}
const AND = { en: 'and', zh: '和' };
const OR = { en: 'or', zh: '或' };

/** Joins sentences in both languages. */
function sentences(...parts: LocalizedText[]): LocalizedText {
  return {
    en: parts
      .map((p) => p.en)
      .filter(Boolean)
      .join(' '),
    zh: parts.map((p) => p.zh).join(''),
  };
}

/**
 * Recommends the verification type, flow, methods and documents for one account, with the
 * blockers, warnings and reasons behind it, each linked to the provider page it comes from.
 * Everything is read from the provider's playbook (capabilities, documents, methods, locks,
 * irreversible changes, attempt limits and the notes in `DECISION_NOTES`). The input is trusted
 * to match its type: callers holding unchecked input use `decide` (decide-input.ts), which
 * validates it and picks the playbook. Only the playbook given is bundled, so the content
 * script carries just its provider's.
 */
export function decideWith(playbook: Playbook, input: DecisionInput): Decision {
  if (input.provider !== playbook.id) {
    throw new Error(`decision for ${input.provider} asked of the ${playbook.id} playbook`);
  }
  const reason = reasonFactory(playbook);
  const note = (id: string) => playbook.notes.find((n) => n.id === id);
  const { individual, enterprise } = playbook.types;

  const reasons: Reason[] = [];
  const warnings: Reason[] = [];
  const blockers: Reason[] = [];

  // 1. The type. An organization's resources always go with enterprise verification; a person's
  // go with individual unless something they need is denied to individual accounts.
  const needed = NEEDS.filter((n) => input[n.input]).map((n) => n.capability);
  const beyondIndividual = needed.filter(
    (c) => individual.cannot.includes(c) && !enterprise.cannot.includes(c),
  );
  let recommended: EntityType;
  if (input.owner === 'organization') {
    recommended = 'enterprise';
    reasons.push(
      reason(
        'owner-organization',
        {
          en: `The resources belong to an organization, so the account should have ${enterprise.name.en}: it is for ${lower(enterprise.audience.en)}`,
          zh: `资源归组织所有，账号应进行${enterprise.name.zh}，它适用于：${enterprise.audience.zh}`,
        },
        enterprise.sourceId,
      ),
    );
    const own = note(DECISION_NOTES.ownership);
    if (own) warnings.push(reason('ownership', own.text, own.sourceId));
  } else if (beyondIndividual.length > 0) {
    recommended = 'enterprise';
    const needs = list(
      beyondIndividual.map((c) => CAN[c]),
      AND,
    );
    const own = note(DECISION_NOTES.ownership);
    warnings.push(
      reason(
        'owner-mismatch',
        {
          en: `You own the resources personally, but only ${enterprise.name.en} lets the account ${needs.en}. Enterprise verification needs an organization's documents and makes that organization the owner of the account and its resources.`,
          zh: `资源归你个人所有，但只有${enterprise.name.zh}才能${needs.zh}。企业认证需要组织的证件，并使该组织成为账号及其资源的所有者。`,
        },
        own?.sourceId ?? enterprise.sourceId,
      ),
    );
  } else {
    recommended = 'individual';
    reasons.push(
      reason(
        'owner-individual',
        {
          en: `The resources belong to you personally, and nothing you need is denied to ${individual.name.en} accounts.`,
          zh: `资源归你个人所有，你需要的功能${individual.name.zh}账号都可以使用。`,
        },
        individual.sourceId,
      ),
    );
  }
  const type = playbook.types[recommended];

  // 2. What each need says about the recommended type.
  for (const capability of needed) {
    const id = `needs-${kebab(capability)}`;
    const can = CAN[capability];
    if (type.cannot.includes(capability)) {
      blockers.push(
        reason(
          id,
          {
            en: `${type.name.en} accounts cannot ${can.en}, and no other type fits the rest of your answers.`,
            zh: `${type.name.zh}账号不能${can.zh}，而其他类型与你的其他回答不符。`,
          },
          type.sourceId,
        ),
      );
    } else if (individual.can.includes(capability) && enterprise.can.includes(capability)) {
      // Both types allow it once verified: the need asks for verification, not for a type.
      reasons.push(
        reason(
          id,
          {
            en: `To ${can.en} the account must complete verification; either type allows it, ${type.name.en} included.`,
            zh: `要${can.zh}，账号必须完成实名认证；两种认证类型都可以，包括${type.name.zh}。`,
          },
          type.sourceId,
        ),
      );
    } else if (individual.cannot.includes(capability)) {
      reasons.push(
        reason(
          id,
          {
            en: `${individual.name.en} accounts cannot ${can.en}; ${enterprise.name.en} accounts can.`,
            zh: `${individual.name.zh}账号不能${can.zh}，${enterprise.name.zh}账号可以。`,
          },
          individual.sourceId,
        ),
      );
    } else if (type.can.includes(capability)) {
      reasons.push(
        reason(
          id,
          {
            en: `${type.name.en} accounts can ${can.en}.`,
            zh: `${type.name.zh}账号可以${can.zh}。`,
          },
          type.sourceId,
        ),
      );
    }
  }
  if (type.can.length > 0) {
    const can = list(
      type.can.map((c) => CAN[c]),
      AND,
    );
    const cannot = list(
      type.cannot.map((c) => CAN[c]),
      OR,
    );
    reasons.push(
      reason(
        'type-capabilities',
        sentences(
          {
            en: `${type.name.en} accounts can ${can.en}.`,
            zh: `${type.name.zh}账号可以${can.zh}。`,
          },
          type.cannot.length > 0
            ? { en: `They cannot ${cannot.en}.`, zh: `不能${cannot.zh}。` }
            : { en: '', zh: '' },
        ),
        type.sourceId,
      ),
    );
  }

  // An individual account is not a dead end where the provider offers a way to enterprise.
  const later = playbook.flows.find(
    (f) => (f.kind === 'upgrade' || f.kind === 'change') && f.entityType === 'enterprise',
  );
  if (recommended === 'individual' && later) {
    reasons.push(
      reason(
        'upgrade-later',
        {
          en: `If the resources later belong to an organization, the account can move to ${enterprise.name.en} (${later.title.en}).`,
          zh: `如果以后资源改归组织所有，账号可以转为${enterprise.name.zh}（${later.title.zh}）。`,
        },
        later.sourceId,
      ),
    );
  }

  // 3. Documents and the mainland bank card some of them need.
  const helpNote = note(DECISION_NOTES.onlineAuthHelp);
  const wayOut = helpNote?.text ?? { en: '', zh: '' };
  let documents: DocumentRef[] = type.documents;
  let held: DocumentRef | undefined;
  if (input.document !== undefined) {
    held = type.documents.find((d) => d.id === input.document);
    if (!held) {
      const named = Object.values(playbook.types)
        .flatMap((t) => t.documents)
        .find((d) => d.id === input.document)?.name ?? { en: 'This document', zh: '该证件' };
      const accepted = list(
        type.documents.map((d) => d.name),
        OR,
      );
      blockers.push(
        reason(
          'document-not-accepted',
          {
            en: `${named.en} is not accepted for ${type.name.en}. Use ${accepted.en}.`,
            zh: `${type.name.zh}不接受${named.zh}，请使用${accepted.zh}。`,
          },
          type.sourceId,
        ),
      );
    } else {
      documents = [held];
      if (held.requiresMainlandBankCard && input.hasMainlandBankCard !== true) {
        const text = {
          en: `With a ${lower(held.name.en)} the only way to verify is a bank card issued by a bank in the Chinese mainland in your name.`,
          zh: `使用${held.name.zh}时，只能用本人名下、由中国内地银行发行的银行卡完成认证。`,
        };
        if (input.hasMainlandBankCard === false) {
          blockers.push(
            reason('mainland-bank-card-required', sentences(text, wayOut), held.sourceId),
          );
        } else {
          warnings.push(reason('mainland-bank-card-needed', text, held.sourceId));
        }
      }
    }
  } else {
    const needCard = type.documents.filter((d) => d.requiresMainlandBankCard);
    if (needCard.length > 0 && input.hasMainlandBankCard !== true) {
      const withCard = list(
        needCard.map((d) => d.name),
        OR,
      );
      const usable = type.documents.filter((d) => !d.requiresMainlandBankCard);
      const text = {
        en: `A ${lower(withCard.en)} can only be verified with a bank card issued by a bank in the Chinese mainland.`,
        zh: `${withCard.zh}只能用中国内地银行发行的银行卡完成认证。`,
      };
      if (input.hasMainlandBankCard === false && usable.length === 0) {
        blockers.push(
          reason(
            'mainland-bank-card-required',
            sentences(text, wayOut),
            needCard[0]?.sourceId ?? type.sourceId,
          ),
        );
      } else if (input.hasMainlandBankCard === false) {
        documents = usable;
        warnings.push(
          reason('mainland-bank-card-needed', text, needCard[0]?.sourceId ?? type.sourceId),
        );
      } else {
        warnings.push(
          reason('mainland-bank-card-needed', text, needCard[0]?.sourceId ?? type.sourceId),
        );
      }
    }
  }

  // A document with its own method list narrows the type's methods (CommsEase permits and
  // passports: bank card only); any document without one keeps them all.
  const methods = documents.some((d) => !d.methods)
    ? type.methods
    : type.methods.filter((m) => documents.some((d) => d.methods?.includes(m.id)));

  // 4. What cannot be undone or repeated.
  const final = playbook.irreversible.find((i) => i.from === recommended && i.to !== recommended);
  if (final) warnings.push(reason(`irreversible-${final.from}`, final.message, final.sourceId));
  const noRevocation = note(DECISION_NOTES.noRevocation);
  if (noRevocation)
    warnings.push(reason('no-revocation', noRevocation.text, noRevocation.sourceId));
  for (const lock of playbook.locks) {
    if (lock.entityType === undefined || lock.entityType === recommended) {
      warnings.push(reason(`lock-${lock.id}`, lock.message, lock.sourceId));
    }
  }
  for (const limit of playbook.attemptLimits) {
    if (methods.some((m) => limit.appliesTo.includes(m.id))) {
      warnings.push(reason(`attempt-limit-${limit.id}`, limit.message, limit.sourceId));
    }
  }

  // 5. The provider's other site may be the right one for this user.
  const regionNote =
    input.accountRegion === 'mainland'
      ? note(DECISION_NOTES.mainlandUsersElsewhere)
      : input.accountRegion !== undefined
        ? note(DECISION_NOTES.nonMainlandUsersElsewhere)
        : undefined;
  if (regionNote) warnings.push(reason(regionNote.id, regionNote.text, regionNote.sourceId));

  const flow = playbook.flows.find((f) => f.kind === recommended && f.entityType === recommended);
  if (!flow) throw new Error(`playbook ${playbook.id} has no ${recommended} flow`);

  return {
    recommended,
    flowId: flow.id,
    eligibleMethods: methods.map((m) => ({ id: m.id, name: m.name })),
    requiredDocuments: documents.map((d) => ({ id: d.id, name: d.name })),
    blockers,
    warnings,
    reasons,
  };
}

/** Builds reasons whose source is resolved from the playbook's own source list. */
function reasonFactory(playbook: Playbook) {
  return (id: string, text: LocalizedText, sourceId: string): Reason => {
    const source = playbook.sources.find((s) => s.id === sourceId);
    // The schema refuses a playbook whose sourceIds do not resolve, so this is a data bug.
    if (!source) throw new Error(`playbook ${playbook.id}: unknown source ${sourceId}`);
    return { id, text, source: { url: source.url, title: source.title } };
  };
}

/** Lower-cases the first letter, for names used inside an English sentence ("a passport"). */
function lower(s: string): string {
  // Keep acronyms and proper names ("ID card", "Mainland Travel Permit") as they are.
  return /^[A-Z][a-z]/.test(s) && !/^(?:Mainland|Residence|Non-Chinese|PRC)/.test(s)
    ? s.charAt(0).toLowerCase() + s.slice(1)
    : s;
}
