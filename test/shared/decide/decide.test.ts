import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFlow, getPlaybook } from '../../../shared/playbooks/index';
import { PROVIDER_IDS } from '../../../shared/playbooks/schema';
import { type Decision, type DecisionInput, decideWith } from '../../../shared/rules/decide';
import { decide } from '../../../shared/rules/decide-input';

const no = { needsSpecialVatInvoice: false, needsSmsPacks: false, buysInMainland: false } as const;

const CE_INDIVIDUAL = 'https://doc.commsease.com/en/console/concept/TA1MjY1Nzk';
const CE_ENTERPRISE = 'https://doc.commsease.com/en/console/docs/DgxMzUyNjg';
const TC_GUIDE = 'https://www.tencentcloud.com/document/product/378/3629';
const TC_2026 = 'https://proxy-hk.tencentcloud.com/ko/document/product/378/3629';
const TC_CHANGE = 'https://proxy-hk.tencentcloud.com/jp/document/product/378/80680';

interface Row {
  rule: string;
  input: DecisionInput;
  recommended: Decision['recommended'];
  flowId: string;
  blockers: string[];
  warnings: string[];
  reasons: string[];
  documents?: string[];
  methods?: string[];
  /** Where selected reasons, warnings or blockers must link. */
  sources?: Record<string, string>;
  /** Text a selected item must say (English), e.g. the way out of a blocker. */
  says?: Record<string, RegExp>;
}

// One row per rule the seeds (and the facts for the other providers) state.
const ROWS: Row[] = [
  {
    rule: 'CommsEase: a passport without a mainland bank card cannot verify online; the Business Manager is the way out',
    input: {
      ...no,
      provider: 'commsease',
      owner: 'individual',
      document: 'passport',
      hasMainlandBankCard: false,
    },
    recommended: 'individual',
    flowId: 'individual',
    blockers: ['mainland-bank-card-required'],
    warnings: ['lock-individual-subject-30-days'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
    documents: ['passport'],
    methods: ['bank-card'],
    sources: { 'mainland-bank-card-required': CE_INDIVIDUAL, 'upgrade-later': CE_INDIVIDUAL },
    says: {
      'mainland-bank-card-required': /bank in the Chinese mainland.*Business Manager/,
      'upgrade-later': /move to Enterprise Authentication \(Upgrade/,
      'lock-individual-subject-30-days': /Upgrading to enterprise authentication is still allowed/,
    },
  },
  {
    rule: 'CommsEase: a Hong Kong/Macao permit with a mainland bank card goes ahead by bank card',
    input: {
      ...no,
      provider: 'commsease',
      owner: 'individual',
      document: 'hk-macao-permit',
      hasMainlandBankCard: true,
    },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['lock-individual-subject-30-days'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
    documents: ['hk-macao-permit'],
    methods: ['bank-card'],
  },
  {
    rule: 'CommsEase: a Taiwan permit with the bank card not yet known warns that one is needed',
    input: { ...no, provider: 'commsease', owner: 'individual', document: 'taiwan-permit' },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['mainland-bank-card-needed', 'lock-individual-subject-30-days'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
    methods: ['bank-card'],
    sources: { 'mainland-bank-card-needed': CE_INDIVIDUAL },
  },
  {
    rule: 'CommsEase: an ID card needs no mainland bank card',
    input: {
      ...no,
      provider: 'commsease',
      owner: 'individual',
      document: 'id-card',
      hasMainlandBankCard: false,
    },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['lock-individual-subject-30-days'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
    documents: ['id-card'],
    methods: ['bank-card', 'online-prompts'],
  },
  {
    rule: 'CommsEase: without a mainland bank card and no document chosen, only the ID card is left',
    input: { ...no, provider: 'commsease', owner: 'individual', hasMainlandBankCard: false },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['mainland-bank-card-needed', 'lock-individual-subject-30-days'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
    documents: ['id-card'],
  },
  {
    rule: 'CommsEase: SMS packs need enterprise authentication (individual accounts get the free trial only)',
    input: { ...no, provider: 'commsease', owner: 'individual', needsSmsPacks: true },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: [
      'owner-mismatch',
      'irreversible-enterprise',
      'attempt-limit-deposit-amount-3-per-day',
    ],
    reasons: ['needs-sms-packs', 'type-capabilities'],
    documents: ['business-license'],
    methods: ['esignature-deposit'],
    sources: {
      'needs-sms-packs': CE_INDIVIDUAL,
      'irreversible-enterprise': CE_INDIVIDUAL,
      'attempt-limit-deposit-amount-3-per-day': CE_ENTERPRISE,
    },
    says: { 'needs-sms-packs': /cannot buy SMS packs/, 'irreversible-enterprise': /never/ },
  },
  {
    rule: 'CommsEase: company-owned resources get enterprise authentication, with the ownership warning',
    input: { ...no, provider: 'commsease', owner: 'organization' },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: ['ownership', 'irreversible-enterprise', 'attempt-limit-deposit-amount-3-per-day'],
    reasons: ['owner-organization', 'type-capabilities'],
    sources: { ownership: CE_INDIVIDUAL, 'owner-organization': CE_ENTERPRISE },
    says: { ownership: /ownership|owns/ },
  },
  {
    rule: 'CommsEase: a person needing special invoices is steered to enterprise and warned about ownership',
    input: { ...no, provider: 'commsease', owner: 'individual', needsSpecialVatInvoice: true },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: [
      'owner-mismatch',
      'irreversible-enterprise',
      'attempt-limit-deposit-amount-3-per-day',
    ],
    reasons: ['needs-special-vat-invoice', 'type-capabilities'],
  },
  {
    rule: 'Tencent: an organization gets Organization Verification with a business license, and special VAT invoices',
    input: {
      ...no,
      provider: 'tencentcloud-intl',
      owner: 'organization',
      needsSpecialVatInvoice: true,
    },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: ['ownership', 'no-revocation', 'lock-modify-once-per-30-days'],
    reasons: ['owner-organization', 'needs-special-vat-invoice', 'type-capabilities'],
    documents: ['business-license'],
    methods: ['license-review'],
    sources: {
      ownership: TC_GUIDE,
      'needs-special-vat-invoice': TC_GUIDE,
      'no-revocation': TC_CHANGE,
      'lock-modify-once-per-30-days': TC_CHANGE,
    },
    says: { 'type-capabilities': /can .*special VAT invoices/ },
  },
  {
    rule: 'Tencent: an individual who needs special VAT invoices is told to verify as an organization, with the reason',
    input: {
      ...no,
      provider: 'tencentcloud-intl',
      owner: 'individual',
      needsSpecialVatInvoice: true,
    },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: ['owner-mismatch', 'no-revocation', 'lock-modify-once-per-30-days'],
    reasons: ['needs-special-vat-invoice', 'type-capabilities'],
    sources: { 'needs-special-vat-invoice': TC_GUIDE, 'owner-mismatch': TC_GUIDE },
    says: {
      'needs-special-vat-invoice': /Individual Verification accounts cannot get special VAT/,
    },
  },
  {
    rule: 'Tencent: personal resources get Individual Verification with any of the four documents',
    input: { ...no, provider: 'tencentcloud-intl', owner: 'individual' },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['no-revocation', 'lock-modify-once-per-30-days'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
    documents: ['passport', 'drivers-license', 'work-permit', 'id-card'],
    methods: ['document-review'],
    sources: { 'upgrade-later': TC_CHANGE },
    says: { 'upgrade-later': /Organization Verification \(Modify verification\)/ },
  },
  {
    rule: 'Tencent: a user in the Chinese mainland is pointed to Tencent Cloud China',
    input: { ...no, provider: 'tencentcloud-intl', owner: 'individual', accountRegion: 'mainland' },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['no-revocation', 'lock-modify-once-per-30-days', 'site-for-mainland-users'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
    sources: { 'site-for-mainland-users': TC_2026 },
    says: { 'site-for-mainland-users': /Tencent Cloud China/ },
  },
  {
    rule: 'Tencent: a user outside the mainland is not sent elsewhere',
    input: {
      ...no,
      provider: 'tencentcloud-intl',
      owner: 'individual',
      accountRegion: 'international',
    },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['no-revocation', 'lock-modify-once-per-30-days'],
    reasons: ['owner-individual', 'type-capabilities', 'upgrade-later'],
  },
  {
    rule: 'Tencent: buying in the Chinese mainland requires verification (either type)',
    input: { ...no, provider: 'tencentcloud-intl', owner: 'individual', buysInMainland: true },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['no-revocation', 'lock-modify-once-per-30-days'],
    reasons: ['owner-individual', 'needs-mainland-purchases', 'type-capabilities', 'upgrade-later'],
    sources: { 'needs-mainland-purchases': TC_GUIDE },
    says: { 'needs-mainland-purchases': /must complete verification/ },
  },
  {
    rule: 'Tencent: only a business license is accepted for Organization Verification',
    input: { ...no, provider: 'tencentcloud-intl', owner: 'organization', document: 'passport' },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: ['document-not-accepted'],
    warnings: ['ownership', 'no-revocation', 'lock-modify-once-per-30-days'],
    reasons: ['owner-organization', 'type-capabilities'],
    documents: ['business-license'],
    says: { 'document-not-accepted': /Passport is not accepted.*Business license/ },
  },
  {
    rule: 'Alibaba Cloud: buying in the Chinese mainland needs enterprise verification, which is final',
    input: { ...no, provider: 'alibabacloud-intl', owner: 'individual', buysInMainland: true },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: ['owner-mismatch', 'irreversible-enterprise'],
    reasons: ['needs-mainland-purchases', 'type-capabilities'],
  },
  {
    rule: 'Huawei Cloud: buying in the Chinese mainland needs verification of either type',
    input: { ...no, provider: 'huaweicloud-intl', owner: 'individual', buysInMainland: true },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: [],
    reasons: ['owner-individual', 'needs-mainland-purchases', 'type-capabilities', 'upgrade-later'],
  },
  {
    rule: 'Tencent Cloud China: Hong Kong, Macao, Taiwan and international users go to the international site',
    input: {
      ...no,
      provider: 'tencentcloud-cn',
      owner: 'organization',
      accountRegion: 'hk_macao_taiwan',
    },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: ['lock-modify-once-a-month', 'site-for-non-mainland-users'],
    reasons: ['owner-organization'],
  },
  {
    rule: 'Baidu AI Cloud: SMS needs enterprise verification; the subject can change once per 30 days',
    input: { ...no, provider: 'baidu-cloud', owner: 'individual', needsSmsPacks: true },
    recommended: 'enterprise',
    flowId: 'enterprise',
    blockers: [],
    warnings: ['owner-mismatch', 'lock-subject-change-30-days'],
    reasons: ['needs-sms-packs', 'type-capabilities'],
  },
  {
    rule: 'Baidu AI Cloud: personal verification warns about the 5 bank-card attempts',
    input: { ...no, provider: 'baidu-cloud', owner: 'individual' },
    recommended: 'individual',
    flowId: 'individual',
    blockers: [],
    warnings: ['lock-subject-change-30-days', 'attempt-limit-bank-card-5-attempts'],
    reasons: ['owner-individual'],
  },
  {
    rule: 'Volcengine: personal verification takes a PRC resident ID only',
    input: { ...no, provider: 'volcengine', owner: 'individual', document: 'passport' },
    recommended: 'individual',
    flowId: 'individual',
    blockers: ['document-not-accepted'],
    warnings: ['attempt-limit-face-scan-5-attempts'],
    reasons: ['owner-individual', 'upgrade-later'],
    documents: ['id-card'],
  },
];

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('decide()', () => {
  it.each(ROWS.map((r) => [r.rule, r] as const))('%s', (_rule, row) => {
    const decision = decide(row.input);
    expect({
      recommended: decision.recommended,
      flowId: decision.flowId,
      blockers: ids(decision.blockers),
      warnings: ids(decision.warnings),
      reasons: ids(decision.reasons),
    }).toEqual({
      recommended: row.recommended,
      flowId: row.flowId,
      blockers: row.blockers,
      warnings: row.warnings,
      reasons: row.reasons,
    });
    if (row.documents) expect(ids(decision.requiredDocuments)).toEqual(row.documents);
    if (row.methods) expect(ids(decision.eligibleMethods)).toEqual(row.methods);

    const items = [...decision.blockers, ...decision.warnings, ...decision.reasons];
    for (const [id, url] of Object.entries(row.sources ?? {})) {
      expect(items.find((i) => i.id === id)?.source.url, id).toBe(url);
    }
    for (const [id, re] of Object.entries(row.says ?? {})) {
      expect(items.find((i) => i.id === id)?.text.en, id).toMatch(re);
    }
  });

  it.each(ROWS.map((r) => [r.rule, r] as const))(
    'links every reason to its playbook source: %s',
    (_rule, row) => {
      const playbook = getPlaybook(row.input.provider);
      const decision = decide(row.input);
      for (const item of [...decision.blockers, ...decision.warnings, ...decision.reasons]) {
        const source = playbook.sources.find((s) => s.url === item.source.url);
        expect(source, item.id).toBeDefined();
        expect(item.source.title, item.id).toEqual(source?.title);
        expect(item.text.en.trim(), item.id).not.toBe('');
        expect(item.text.zh, item.id).toMatch(/\p{Script=Han}/u);
      }
    },
  );

  it('refuses input outside the schema instead of guessing', () => {
    expect(() => decide({ ...no, provider: 'aws' as 'commsease', owner: 'individual' })).toThrow();
    expect(() =>
      decide({ ...no, provider: 'commsease', owner: 'individual', extra: 1 } as DecisionInput),
    ).toThrow();
  });

  it('always answers with a real flow of the recommended type, and documents to bring', () => {
    const input = fc.record(
      {
        provider: fc.constantFrom(...PROVIDER_IDS),
        owner: fc.constantFrom('individual', 'organization'),
        needsSpecialVatInvoice: fc.boolean(),
        needsSmsPacks: fc.boolean(),
        buysInMainland: fc.boolean(),
        document: fc.constantFrom(
          'passport',
          'id-card',
          'hk-macao-permit',
          'business-license',
          'drivers-license',
          'unknown-paper',
        ),
        hasMainlandBankCard: fc.boolean(),
        accountRegion: fc.constantFrom('mainland', 'hk_macao_taiwan', 'international'),
      },
      {
        requiredKeys: [
          'provider',
          'owner',
          'needsSpecialVatInvoice',
          'needsSmsPacks',
          'buysInMainland',
        ],
      },
    );
    fc.assert(
      fc.property(input, (i) => {
        const d = decide(i);
        const flow = findFlow(getPlaybook(i.provider), d.flowId);
        expect(flow?.entityType).toBe(d.recommended);
        expect(d.requiredDocuments.length).toBeGreaterThan(0);
        expect(d.eligibleMethods.length).toBeGreaterThan(0);
        if (i.owner === 'organization') expect(d.recommended).toBe('enterprise');
        // A held document the type accepts is the only one asked for; any other is a blocker.
        const accepted = getPlaybook(i.provider).types[d.recommended].documents.map((x) => x.id);
        if (i.document !== undefined && !accepted.includes(i.document)) {
          expect(ids(d.blockers)).toContain('document-not-accepted');
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('reads its rules from the playbook, not from provider names', () => {
    const copy = (id: 'commsease' | 'tencentcloud-intl') => structuredClone(getPlaybook(id));

    it('keeps a person on individual verification once the playbook lets individuals buy SMS packs', () => {
      const playbook = copy('commsease');
      playbook.types.individual.cannot = playbook.types.individual.cannot.filter(
        (c) => c !== 'sms_packs',
      );
      const input = {
        ...no,
        provider: 'commsease',
        owner: 'individual',
        needsSmsPacks: true,
      } as const;
      expect(decide(input).recommended).toBe('enterprise');
      expect(decideWith(playbook, input).recommended).toBe('individual');
    });

    it('drops the bank-card blocker when the document no longer needs a mainland card', () => {
      const playbook = copy('commsease');
      for (const d of playbook.types.individual.documents) delete d.requiresMainlandBankCard;
      const input = {
        ...no,
        provider: 'commsease',
        owner: 'individual',
        document: 'passport',
        hasMainlandBankCard: false,
      } as const;
      expect(ids(decideWith(playbook, input).blockers)).toEqual([]);
    });

    it('warns about irreversibility as soon as the playbook states it', () => {
      const playbook = copy('tencentcloud-intl');
      playbook.irreversible = [
        {
          from: 'enterprise',
          to: 'individual',
          message: { en: 'Never back.', zh: '不可改回。' },
          sourceId: 'identity-verification',
        },
      ];
      const input = { ...no, provider: 'tencentcloud-intl', owner: 'organization' } as const;
      expect(ids(decide(input).warnings)).not.toContain('irreversible-enterprise');
      expect(ids(decideWith(playbook, input).warnings)).toContain('irreversible-enterprise');
    });

    it("refuses to answer for one provider from another's playbook", () => {
      expect(() =>
        decideWith(getPlaybook('commsease'), {
          ...no,
          provider: 'volcengine',
          owner: 'individual',
        }),
      ).toThrow(/volcengine/);
    });
  });
});
