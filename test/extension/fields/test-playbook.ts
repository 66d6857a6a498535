import type { PageRule, Playbook } from '../../../shared/playbooks/schema';

/**
 * A small CommsEase-shaped playbook for the field features' unit tests: their behaviour is
 * checked against anchors we control here; the real playbooks are checked against the saved
 * provider pages in anchors.test.ts.
 */
const t = (en: string, zh: string) => ({ en, zh });
const SOURCE = 'seed';

export const testPlaybook: Playbook = {
  id: 'commsease',
  name: t('CommsEase', '云信'),
  consoleMatches: ['https://console.commsease.com/*'],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: SOURCE,
      url: 'https://doc.commsease.com/en/console/concept/TA1MjY1Nzk',
      title: t('Individual authentication', '个人认证'),
      reviewedOn: '2026-11-21',
    },
  ],
  types: {
    individual: {
      entityType: 'individual',
      name: t('Individual', '个人'),
      audience: t('People', '个人'),
      documents: [
        {
          id: 'id-card',
          name: t('ID card', '身份证'),
          format: 'prc_resident_id',
          sourceId: SOURCE,
        },
        {
          id: 'hk-macao-permit',
          name: t(
            'Mainland Travel Permit for Hong Kong and Macao Residents',
            '港澳居民来往内地通行证',
          ),
          format: 'hk_macao_residents_permit',
          sourceId: SOURCE,
        },
        { id: 'passport', name: t('Passport', '护照'), format: 'passport', sourceId: SOURCE },
        { id: 'work-permit', name: t('Work permit', '工作许可'), sourceId: SOURCE },
      ],
      methods: [
        {
          id: 'bank-card',
          name: t('Bank card', '银行卡'),
          detail: t('d', 'd'),
          instant: true,
          sourceId: SOURCE,
        },
      ],
      can: [],
      cannot: [],
      reviewWindow: null,
      sourceId: SOURCE,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Enterprise', '企业'),
      audience: t('Companies', '企业'),
      documents: [
        {
          id: 'business-license',
          name: t('Business license', '营业执照'),
          format: 'uscc',
          sourceId: SOURCE,
        },
      ],
      methods: [
        {
          id: 'deposit',
          name: t('Deposit', '打款'),
          detail: t('d', 'd'),
          instant: false,
          sourceId: SOURCE,
        },
      ],
      can: [],
      cannot: [],
      reviewWindow: null,
      sourceId: SOURCE,
    },
  },
  flows: [
    {
      id: 'individual',
      kind: 'individual',
      entityType: 'individual',
      title: t('Individual authentication', '个人认证'),
      sourceId: SOURCE,
      steps: [
        {
          id: 'fill-in',
          title: t('Enter your details', '填写信息'),
          detail: t('d', 'd'),
          kind: 'action',
          sourceId: SOURCE,
          signal: { en: ['Individual Authentication'], zh: ['个人认证'] },
          fields: [
            {
              id: 'id-type',
              labels: { en: ['ID Type'], zh: ['证件类型'] },
              tip: t('Pick the document you hold.', '选择您持有的证件。'),
            },
            {
              id: 'name',
              labels: { en: ['Name'], zh: ['姓名'] },
              tip: t('Exactly as on the document.', '与证件上完全一致。'),
            },
            {
              id: 'id-number',
              labels: { en: ['ID Number'], zh: ['证件号码'] },
              tip: t('Check the last character.', '核对最后一位。'),
              validate: { documentTypeField: 'id-type' },
            },
          ],
        },
        {
          id: 'bank-card',
          title: t('Bank card', '银行卡'),
          detail: t('d', 'd'),
          kind: 'action',
          sourceId: SOURCE,
          fields: [
            {
              id: 'bank-card-number',
              labels: { en: ['Bank Card Number'], zh: ['银行卡号'] },
              tip: t('A mainland card.', '大陆银行卡。'),
              validate: { format: 'bank_card' },
            },
          ],
        },
      ],
    },
    {
      id: 'enterprise',
      kind: 'enterprise',
      entityType: 'enterprise',
      title: t('Enterprise authentication', '企业认证'),
      sourceId: SOURCE,
      steps: [
        {
          id: 'company',
          title: t('Company details', '企业信息'),
          detail: t('d', 'd'),
          kind: 'action',
          sourceId: SOURCE,
          fields: [
            {
              id: 'company-name',
              labels: { en: ['Enterprise Name'], zh: ['企业名称'] },
              tip: t('As on the licence.', '与营业执照一致。'),
            },
            {
              id: 'credit-code',
              labels: { en: ['Unified Social Credit Code'], zh: ['统一社会信用代码'] },
              tip: t('18 characters.', '18 位。'),
              validate: { format: 'uscc' },
            },
          ],
        },
      ],
    },
    {
      id: 'upgrade',
      kind: 'upgrade',
      entityType: 'enterprise',
      title: t('Upgrade', '升级'),
      sourceId: SOURCE,
      steps: [
        {
          id: 'upgrade-start',
          title: t('Upgrade', '升级'),
          detail: t('d', 'd'),
          kind: 'action',
          sourceId: SOURCE,
          guard: {
            triggers: { en: ['Upgrade'], zh: ['升级'] },
            message: t(
              'An enterprise account can never go back to individual.',
              '企业认证后不能再改回个人认证。',
            ),
            sourceId: SOURCE,
          },
        },
      ],
    },
  ],
  pages: [
    {
      id: 'individual-form',
      flows: ['individual'],
      urlPatterns: ['console\\.commsease\\.com/#/auth/individual'],
      contentSignals: { en: ['Individual Authentication'], zh: ['个人认证'] },
      examples: ['https://console.commsease.com/#/auth/individual'],
    },
    {
      id: 'enterprise-form',
      flows: ['enterprise'],
      urlPatterns: ['console\\.commsease\\.com/#/auth/enterprise'],
      contentSignals: { en: ['Enterprise Authentication'], zh: ['企业认证'] },
      examples: ['https://console.commsease.com/#/auth/enterprise'],
    },
    {
      id: 'status',
      flows: ['update', 'upgrade'],
      urlPatterns: ['console\\.commsease\\.com/#/auth$'],
      contentSignals: { en: ['Real-Name Authentication'], zh: ['实名认证'] },
      examples: ['https://console.commsease.com/#/auth'],
    },
  ],
  locks: [],
  irreversible: [],
  attemptLimits: [],
  notes: [],
};

export const page = (id: string): PageRule => {
  const found = testPlaybook.pages.find((p) => p.id === id);
  if (!found) throw new Error(`no test page ${id}`);
  return found;
};
