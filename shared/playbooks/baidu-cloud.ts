import type { Playbook } from './schema';
import { REVIEWED_ON, t } from './text';

// Baidu AI Cloud. Facts: domain-facts section 3 (one user-guide page): methods, the attempt
// limit, the change lock and what personal accounts cannot do. No pages or anchors are known.

const GUIDE = 'real-name-verification';

export const baiduCloud: Playbook = {
  id: 'baidu-cloud',
  name: t('Baidu AI Cloud', '百度智能云'),
  consoleMatches: [],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: GUIDE,
      url: 'https://cloud.baidu.com/doc/UserGuide/s/8jwvy3c96-en',
      title: t('Baidu AI Cloud: Real-name verification', '百度智能云：实名认证'),
      reviewedOn: REVIEWED_ON,
    },
  ],
  types: {
    individual: {
      entityType: 'individual',
      name: t('Personal verification', '个人认证'),
      audience: t('Accounts owned by one person.', '归个人所有的账号。'),
      documents: [
        {
          id: 'personal-identity',
          name: t(
            'Your own identity, confirmed by face scan or a UnionPay bank card',
            '本人身份（通过人脸识别或银联银行卡确认）',
          ),
          sourceId: GUIDE,
        },
      ],
      methods: [
        {
          id: 'face-scan',
          name: t('Face scan', '人脸识别'),
          detail: t('Verify by scanning your face.', '通过人脸识别认证。'),
          instant: true,
          sourceId: GUIDE,
        },
        {
          id: 'unionpay-bank-card',
          name: t('UnionPay bank card', '银联银行卡'),
          detail: t(
            'Verify with a UnionPay bank card in your name; 5 attempts.',
            '使用本人名下的银联银行卡认证，共 5 次机会。',
          ),
          instant: true,
          sourceId: GUIDE,
        },
      ],
      can: [],
      cannot: ['special_vat_invoice', 'sms_trial', 'sms_packs'],
      reviewWindow: null,
      sourceId: GUIDE,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Enterprise verification', '企业认证'),
      audience: t('Accounts owned by a company.', '归企业所有的账号。'),
      documents: [
        {
          // The legal-representative and corporate-account checks identify a mainland company,
          // whose business license carries the Unified Social Credit Code.
          id: 'business-license',
          name: t('Business license (Unified Social Credit Code)', '营业执照（统一社会信用代码）'),
          format: 'uscc',
          sourceId: GUIDE,
        },
      ],
      methods: [
        {
          id: 'legal-representative-face',
          name: t('Legal representative face scan', '法定代表人人脸识别'),
          detail: t(
            'The legal representative verifies by face scan.',
            '由法定代表人进行人脸识别。',
          ),
          instant: true,
          sourceId: GUIDE,
        },
        {
          id: 'corporate-transfer',
          name: t('Corporate transfer', '对公打款'),
          detail: t(
            "The company's bank account is verified by a transfer.",
            '通过对公账户打款验证企业。',
          ),
          instant: false,
          sourceId: GUIDE,
        },
        {
          id: 'recharge',
          name: t('Recharge verification', '充值认证'),
          detail: t(
            'The company is verified by recharging the account from its bank account.',
            '通过公司账户向云账号充值进行认证。',
          ),
          instant: false,
          sourceId: GUIDE,
        },
      ],
      // What the guide denies personal accounts, enterprise accounts are there for.
      can: ['special_vat_invoice', 'sms_trial', 'sms_packs'],
      cannot: [],
      reviewWindow: null,
      sourceId: GUIDE,
    },
  },
  flows: [
    {
      id: 'individual',
      kind: 'individual',
      entityType: 'individual',
      title: t('Personal verification', '个人认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'individual-method',
          title: t('Verify by face scan or UnionPay bank card', '通过人脸识别或银联银行卡认证'),
          detail: t(
            'Bank card verification allows 5 attempts, so check the card details before each try. Personal accounts cannot get special VAT invoices or use SMS.',
            '银行卡认证共有 5 次机会，每次提交前请核对卡信息。个人账号不能开具增值税专用发票，也不能使用短信服务。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'individual-confirm',
          title: t('Check the verification status', '查看认证状态'),
          detail: t(
            'After verification the subject can change at most once per 30 days.',
            '认证后每 30 天最多可变更一次认证主体。',
          ),
          kind: 'check',
          sourceId: GUIDE,
        },
      ],
    },
    {
      id: 'enterprise',
      kind: 'enterprise',
      entityType: 'enterprise',
      title: t('Enterprise verification', '企业认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'enterprise-method',
          title: t('Choose a method', '选择认证方式'),
          detail: t(
            'Legal representative face scan, corporate transfer, or recharge verification.',
            '法定代表人人脸识别、对公打款或充值认证。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-confirm',
          title: t('Check the verification status', '查看认证状态'),
          detail: t(
            'A transfer or a recharge is confirmed once the payment is matched.',
            '打款或充值核对无误后即完成认证。',
          ),
          kind: 'check',
          sourceId: GUIDE,
        },
      ],
    },
  ],
  pages: [],
  locks: [
    {
      id: 'subject-change-30-days',
      days: 30,
      refuses: ['change', 'update', 'upgrade'],
      message: t(
        'The verified subject can change at most once per 30 days.',
        '认证主体每 30 天最多变更一次。',
      ),
      sourceId: GUIDE,
    },
  ],
  irreversible: [],
  attemptLimits: [
    {
      id: 'bank-card-5-attempts',
      max: 5,
      // The guide gives 5 attempts without a period; counting them in total is the safe reading.
      per: 'total',
      appliesTo: ['unionpay-bank-card'],
      message: t(
        'UnionPay bank card verification allows 5 attempts.',
        '银联银行卡认证共有 5 次机会。',
      ),
      sourceId: GUIDE,
    },
  ],
  notes: [],
};
