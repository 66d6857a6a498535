import type { Playbook } from './schema';
import { REVIEWED_ON, t } from './text';

// Alibaba Cloud International. Facts: domain-facts section 3 (one FAQ page). The FAQ names no
// console page and no form fields, so this playbook has no pages and no field anchors.

const FAQ = 'account-verification-faqs';

export const alibabacloudIntl: Playbook = {
  id: 'alibabacloud-intl',
  name: t('Alibaba Cloud International', '阿里云国际站'),
  consoleMatches: [],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: FAQ,
      url: 'https://www.alibabacloud.com/help/en/account/account-verification-faqs',
      title: t('Alibaba Cloud: Account verification FAQs', '阿里云：账号实名认证常见问题'),
      reviewedOn: REVIEWED_ON,
    },
  ],
  types: {
    individual: {
      entityType: 'individual',
      name: t('Individual verification', '个人实名认证'),
      audience: t('Accounts owned by one person.', '归个人所有的账号。'),
      documents: [
        {
          id: 'identity-certificate',
          name: t(
            "Identity certificate issued in the account's registration country",
            '账号注册国家签发的身份证件',
          ),
          sourceId: FAQ,
        },
      ],
      methods: [
        {
          id: 'certificate-review',
          name: t('Certificate upload with manual review', '上传证件，人工审核'),
          detail: t(
            'Alibaba Cloud reviews the certificate manually, in about 3 business days.',
            '阿里云人工审核证件，约需 3 个工作日。',
          ),
          instant: false,
          sourceId: FAQ,
        },
      ],
      can: [],
      // The FAQ ties contracts, credit limits and mainland purchases to enterprise verification.
      cannot: ['contracts_in_company_name', 'credit_limit', 'mainland_purchases'],
      reviewWindow: { minBusinessDays: 3, maxBusinessDays: 3, sourceId: FAQ },
      sourceId: FAQ,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Enterprise verification', '企业实名认证'),
      audience: t(
        'Accounts of companies that sign contracts, need a credit limit or buy services in the Chinese mainland.',
        '需要签订合同、获得信用额度或购买中国内地服务的企业账号。',
      ),
      documents: [
        {
          id: 'enterprise-certificate',
          name: t(
            "Enterprise certificate issued in the account's registration country",
            '账号注册国家签发的企业证照',
          ),
          sourceId: FAQ,
        },
      ],
      methods: [
        {
          id: 'certificate-review',
          name: t('Certificate upload with manual review', '上传证照，人工审核'),
          detail: t(
            'Alibaba Cloud reviews the certificate manually, in about 3 business days.',
            '阿里云人工审核证照，约需 3 个工作日。',
          ),
          instant: false,
          sourceId: FAQ,
        },
      ],
      can: ['contracts_in_company_name', 'credit_limit', 'mainland_purchases'],
      cannot: [],
      reviewWindow: { minBusinessDays: 3, maxBusinessDays: 3, sourceId: FAQ },
      sourceId: FAQ,
    },
  },
  flows: [
    {
      id: 'individual',
      kind: 'individual',
      entityType: 'individual',
      title: t('Individual verification', '个人实名认证'),
      sourceId: FAQ,
      steps: [
        {
          id: 'individual-certificate',
          title: t('Submit your identity certificate', '提交身份证件'),
          detail: t(
            'Choose individual verification and submit a certificate issued in the country where the account is registered. Individual accounts cannot sign contracts, get credit limits or buy services in the Chinese mainland.',
            '选择个人实名认证，提交账号注册国家签发的证件。个人账号不能签订合同、获得信用额度或购买中国内地服务。',
          ),
          kind: 'action',
          sourceId: FAQ,
        },
        {
          id: 'individual-review',
          title: t('Wait for the manual review', '等待人工审核'),
          detail: t('The review takes about 3 business days.', '审核约需 3 个工作日。'),
          kind: 'wait',
          sourceId: FAQ,
        },
      ],
    },
    {
      id: 'enterprise',
      kind: 'enterprise',
      entityType: 'enterprise',
      title: t('Enterprise verification', '企业实名认证'),
      sourceId: FAQ,
      steps: [
        {
          id: 'enterprise-decide',
          title: t('Confirm the account belongs to the company', '确认账号归公司所有'),
          detail: t(
            'Enterprise verification is final: the account can never go back to individual verification.',
            '企业认证不可撤回：账号无法再改回个人认证。',
          ),
          kind: 'check',
          sourceId: FAQ,
        },
        {
          id: 'enterprise-certificate',
          title: t('Submit the enterprise certificate', '提交企业证照'),
          detail: t(
            'Submit a certificate issued in the country where the account is registered; a certificate from another country is not accepted.',
            '提交账号注册国家签发的证照；其他国家签发的证照不被接受。',
          ),
          kind: 'action',
          sourceId: FAQ,
        },
        {
          id: 'enterprise-review',
          title: t('Wait for the manual review', '等待人工审核'),
          detail: t('The review takes about 3 business days.', '审核约需 3 个工作日。'),
          kind: 'wait',
          sourceId: FAQ,
        },
      ],
    },
  ],
  pages: [],
  locks: [],
  irreversible: [
    {
      from: 'enterprise',
      to: 'individual',
      message: t(
        'An enterprise-verified Alibaba Cloud account can never go back to individual verification.',
        '完成企业认证的阿里云账号无法再改回个人认证。',
      ),
      sourceId: FAQ,
    },
  ],
  attemptLimits: [],
  notes: [
    {
      id: 'review-about-3-days',
      text: t(
        'The FAQ gives the manual review as about 3 business days, an estimate rather than a promise.',
        '常见问题中人工审核时间为约 3 个工作日，是估计值而非承诺。',
      ),
      hint: true,
      sourceId: FAQ,
    },
  ],
};
