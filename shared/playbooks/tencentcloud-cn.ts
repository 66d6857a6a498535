import type { Playbook } from './schema';
import { REVIEWED_ON, t } from './text';

// Tencent Cloud China site. Facts: domain-facts section 3 (one FAQ page), which describes the
// methods and their timing but neither the console pages nor the documents. Every method it
// names checks the person or the company directly, so the "documents" below name what is
// checked rather than a paper the user uploads.

const FAQ = 'verification-faq';

export const tencentcloudCn: Playbook = {
  id: 'tencentcloud-cn',
  name: t('Tencent Cloud China', '腾讯云中国站'),
  consoleMatches: [],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: FAQ,
      url: 'https://cloud.tencent.com/document/faq/378/55619',
      title: t('Tencent Cloud China: Identity verification FAQ', '腾讯云：实名认证常见问题'),
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
          id: 'personal-identity',
          name: t(
            'Your own identity, confirmed through WeChat, QQ or face recognition',
            '本人身份（通过微信、QQ 或人脸识别确认）',
          ),
          sourceId: FAQ,
        },
      ],
      methods: [
        {
          id: 'wechat-qr',
          name: t('WeChat QR code', '微信扫码'),
          detail: t('Scan a QR code with WeChat; completes at once.', '用微信扫码，即时完成。'),
          instant: true,
          sourceId: FAQ,
        },
        {
          id: 'face-recognition',
          name: t('Face recognition', '人脸识别'),
          detail: t(
            'Verify by face recognition; completes at once.',
            '通过人脸识别认证，即时完成。',
          ),
          instant: true,
          sourceId: FAQ,
        },
        {
          id: 'qq-qr',
          name: t('QQ QR code', 'QQ 扫码'),
          detail: t('Scan a QR code with QQ; completes at once.', '用 QQ 扫码，即时完成。'),
          instant: true,
          sourceId: FAQ,
        },
      ],
      can: [],
      cannot: [],
      reviewWindow: null,
      sourceId: FAQ,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Enterprise verification', '企业实名认证'),
      audience: t(
        'Accounts owned by an enterprise registered in the Chinese mainland.',
        '归中国内地注册企业所有的账号。',
      ),
      documents: [
        {
          // Each method checks a company registered in the Chinese mainland, which is
          // identified by the Unified Social Credit Code on its business license.
          id: 'business-license',
          name: t('Business license (Unified Social Credit Code)', '营业执照（统一社会信用代码）'),
          format: 'uscc',
          sourceId: FAQ,
        },
      ],
      methods: [
        {
          id: 'wechat-public-platform',
          name: t('WeChat Public Platform', '微信公众平台'),
          detail: t(
            "Verify through the company's verified WeChat Public Platform account; completes at once.",
            '通过企业已认证的微信公众平台账号认证，即时完成。',
          ),
          instant: true,
          sourceId: FAQ,
        },
        {
          id: 'legal-person-wechat',
          name: t('Legal person scans with WeChat', '法定代表人微信扫码'),
          detail: t(
            'The legal person scans a QR code with WeChat; completes at once.',
            '由法定代表人用微信扫码，即时完成。',
          ),
          instant: true,
          sourceId: FAQ,
        },
        {
          id: 'legal-person-face',
          name: t('Legal person face recognition', '法定代表人人脸识别'),
          detail: t(
            'The legal person verifies by face recognition; completes at once.',
            '由法定代表人进行人脸识别，即时完成。',
          ),
          instant: true,
          sourceId: FAQ,
        },
        {
          id: 'recharge',
          name: t('Tencent Cloud recharge', '腾讯云充值认证'),
          detail: t(
            'The company recharges the account from its bank account; takes 1 working day.',
            '公司从对公账户向腾讯云账号充值，需要 1 个工作日。',
          ),
          instant: false,
          sourceId: FAQ,
        },
        {
          id: 'corporate-remittance',
          name: t('Corporate remittance', '对公打款'),
          detail: t(
            'The company sends a remittance from its bank account; takes 1 to 5 working days.',
            '公司从对公账户打款验证，需要 1 至 5 个工作日。',
          ),
          instant: false,
          sourceId: FAQ,
        },
      ],
      can: [],
      cannot: [],
      // The instant methods need no review; recharge (1) and remittance (1-5) are the slow ones.
      reviewWindow: { minBusinessDays: 1, maxBusinessDays: 5, sourceId: FAQ },
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
          id: 'individual-method',
          title: t('Choose WeChat, face recognition or QQ', '选择微信、人脸识别或 QQ'),
          detail: t(
            'Pick one of the three online methods; each completes at once.',
            '三种在线方式任选其一，均即时完成。',
          ),
          kind: 'action',
          sourceId: FAQ,
        },
        {
          id: 'individual-confirm',
          title: t('Check the verification status', '查看认证状态'),
          detail: t(
            'The account shows as verified as soon as the check passes.',
            '核验通过后账号即显示已认证。',
          ),
          kind: 'check',
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
          id: 'enterprise-method',
          title: t('Choose a method', '选择认证方式'),
          detail: t(
            'WeChat Public Platform, the legal person scanning with WeChat, or face recognition complete at once; a recharge takes 1 working day and a corporate remittance 1 to 5 working days.',
            '微信公众平台、法定代表人微信扫码或人脸识别即时完成；充值认证需 1 个工作日，对公打款需 1 至 5 个工作日。',
          ),
          kind: 'action',
          sourceId: FAQ,
        },
        {
          id: 'enterprise-wait',
          title: t('Wait for the payment check if you paid', '如选择打款或充值，等待核验'),
          detail: t(
            'A recharge is checked within 1 working day, a corporate remittance within 1 to 5 working days.',
            '充值认证 1 个工作日内完成核验，对公打款 1 至 5 个工作日内完成。',
          ),
          kind: 'wait',
          sourceId: FAQ,
        },
      ],
    },
  ],
  pages: [],
  locks: [
    {
      id: 'modify-once-a-month',
      // The FAQ says "once a month"; 30 days is the conservative reading of a month.
      days: 30,
      refuses: ['change', 'update', 'upgrade'],
      message: t(
        'Verification can be modified at most once a month.',
        '实名认证信息每月最多修改一次。',
      ),
      sourceId: FAQ,
    },
  ],
  irreversible: [],
  attemptLimits: [],
  notes: [
    {
      id: 'site-for-non-mainland-users',
      text: t(
        'Enterprises from Hong Kong, Macao or Taiwan and international users should verify on Tencent Cloud International instead.',
        '港澳台企业和国际用户应在腾讯云国际站进行认证。',
      ),
      sourceId: FAQ,
    },
  ],
};
