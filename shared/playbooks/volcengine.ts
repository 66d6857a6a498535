import type { Playbook } from './schema';
import { REVIEWED_ON, t } from './text';

// Volcengine. Facts: domain-facts section 3 (one doc page): personal face scan with a PRC
// resident ID only, enterprise by deposit or legal-person face scan, upgrade supported.

const GUIDE = 'real-name-verification';

export const volcengine: Playbook = {
  id: 'volcengine',
  name: t('Volcengine', '火山引擎'),
  consoleMatches: [],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: GUIDE,
      url: 'https://www.volcengine.com/docs/6261/131281',
      title: t('Volcengine: Real-name verification', '火山引擎：实名认证'),
      reviewedOn: REVIEWED_ON,
    },
  ],
  types: {
    individual: {
      entityType: 'individual',
      name: t('Personal verification', '个人实名认证'),
      audience: t(
        'Accounts owned by one person holding a PRC resident ID card.',
        '归持有中国居民身份证的个人所有的账号。',
      ),
      documents: [
        {
          id: 'id-card',
          name: t('PRC Resident Identity Card', '居民身份证'),
          format: 'prc_resident_id',
          sourceId: GUIDE,
        },
      ],
      methods: [
        {
          id: 'face-scan',
          name: t('Face scan', '人脸识别'),
          detail: t(
            'Verify by face scan with your resident ID card; 5 attempts.',
            '使用居民身份证进行人脸识别认证，共 5 次机会。',
          ),
          instant: true,
          sourceId: GUIDE,
        },
      ],
      can: [],
      cannot: [],
      reviewWindow: null,
      sourceId: GUIDE,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Enterprise verification', '企业实名认证'),
      audience: t('Accounts owned by a company.', '归企业所有的账号。'),
      documents: [
        {
          // Both methods identify a company registered in the Chinese mainland, which is known by
          // the Unified Social Credit Code on its business license.
          id: 'business-license',
          name: t('Business license (Unified Social Credit Code)', '营业执照（统一社会信用代码）'),
          format: 'uscc',
          sourceId: GUIDE,
        },
      ],
      methods: [
        {
          id: 'random-deposit',
          name: t('Small random deposit', '小额随机打款'),
          detail: t(
            "For mainland enterprises: a small random amount is sent to the company's bank account and confirmed back.",
            '适用于中国内地企业：向公司对公账户打一笔随机小额款项，回填金额确认。',
          ),
          instant: false,
          sourceId: GUIDE,
        },
        {
          id: 'legal-person-face',
          name: t('Legal person face scan', '法定代表人人脸识别'),
          detail: t('The legal person verifies by face scan.', '由法定代表人进行人脸识别。'),
          instant: true,
          sourceId: GUIDE,
        },
      ],
      can: [],
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
      title: t('Personal verification', '个人实名认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'individual-face-scan',
          title: t('Scan your face with your resident ID', '使用居民身份证进行人脸识别'),
          detail: t(
            'Only a PRC resident ID card is accepted, and the face scan allows 5 attempts: use good light and hold still.',
            '只接受中国居民身份证，人脸识别共有 5 次机会：请在光线充足处保持不动。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'individual-confirm',
          title: t('Check the verification status', '查看认证状态'),
          detail: t(
            'The account shows as verified once the scan passes.',
            '识别通过后账号即显示已认证。',
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
      title: t('Enterprise verification', '企业实名认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'enterprise-method',
          title: t('Choose deposit or legal person face scan', '选择打款验证或法定代表人人脸识别'),
          detail: t(
            'Mainland enterprises can verify by a small random deposit to the company account; otherwise the legal person verifies by face scan.',
            '中国内地企业可通过对公账户小额随机打款验证；也可由法定代表人进行人脸识别。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-confirm',
          title: t('Confirm the deposit or finish the scan', '回填打款金额或完成人脸识别'),
          detail: t(
            'Enter the amount received, or complete the face scan, and check the status.',
            '回填收到的金额或完成人脸识别，然后查看认证状态。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
      ],
    },
    {
      id: 'upgrade',
      kind: 'upgrade',
      entityType: 'enterprise',
      title: t('Change from personal to enterprise', '个人认证变更为企业认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'upgrade-start',
          title: t('Start the change to enterprise verification', '发起变更为企业认证'),
          detail: t(
            'A personally verified account can move to enterprise verification.',
            '已完成个人认证的账号可以变更为企业认证。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'upgrade-verify',
          title: t('Verify the enterprise', '完成企业认证'),
          detail: t(
            'Use a small random deposit (mainland enterprises) or a legal person face scan.',
            '通过小额随机打款（中国内地企业）或法定代表人人脸识别完成认证。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
      ],
    },
  ],
  pages: [],
  locks: [],
  irreversible: [],
  attemptLimits: [
    {
      id: 'face-scan-5-attempts',
      max: 5,
      // The page gives 5 attempts without a period; counting them in total is the safe reading.
      per: 'total',
      appliesTo: ['face-scan'],
      message: t('The personal face scan allows 5 attempts.', '个人人脸识别共有 5 次机会。'),
      sourceId: GUIDE,
    },
  ],
  notes: [],
};
