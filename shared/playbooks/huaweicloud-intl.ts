import type { Playbook } from './schema';
import { REVIEWED_ON, t } from './text';

// Huawei Cloud International. Facts: domain-facts section 3 (one user-manual page). It names the
// individual documents and review, not the console's pages, so there are no pages or anchors.

const GUIDE = 'real-name-authentication';

export const huaweicloudIntl: Playbook = {
  id: 'huaweicloud-intl',
  name: t('Huawei Cloud International', '华为云国际站'),
  consoleMatches: [],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: GUIDE,
      url: 'https://support.huaweicloud.com/intl/en-us/usermanual-account/en-us_topic_0119621533.html',
      title: t('Huawei Cloud: Real-name authentication', '华为云：实名认证'),
      reviewedOn: REVIEWED_ON,
    },
  ],
  types: {
    individual: {
      entityType: 'individual',
      name: t('Individual real-name authentication', '个人实名认证'),
      audience: t('Accounts owned by one person.', '归个人所有的账号。'),
      documents: [
        { id: 'passport', name: t('Passport', '护照'), format: 'passport', sourceId: GUIDE },
        // Issuing country not stated, so no resident-ID format is assumed.
        { id: 'id-card', name: t('ID card', '身份证'), sourceId: GUIDE },
        {
          id: 'hk-macao-permit',
          name: t(
            'Mainland Travel Permit for Hong Kong and Macao Residents',
            '港澳居民来往内地通行证',
          ),
          format: 'hk_macao_residents_permit',
          sourceId: GUIDE,
        },
        {
          id: 'taiwan-permit',
          name: t('Mainland Travel Permit for Taiwan Residents', '台湾居民来往大陆通行证'),
          format: 'taiwan_residents_permit',
          sourceId: GUIDE,
        },
        {
          id: 'residence-permit',
          name: t('Residence Permit for Hong Kong, Macao or Taiwan Residents', '港澳台居民居住证'),
          sourceId: GUIDE,
        },
        {
          id: 'drivers-license',
          name: t("Non-Chinese driver's license", '非中国驾驶证'),
          sourceId: GUIDE,
        },
      ],
      methods: [
        {
          id: 'document-photo-review',
          name: t('Photo holding the document, manual review', '手持证件照片，人工审核'),
          detail: t(
            'Upload a photo of yourself holding the document (JPG, BMP, PNG or PDF, at most 10 MB); the review takes up to 3 working days.',
            '上传本人手持证件的照片（JPG、BMP、PNG 或 PDF，不超过 10 MB），审核最长 3 个工作日。',
          ),
          instant: false,
          sourceId: GUIDE,
        },
      ],
      can: ['mainland_purchases'],
      cannot: [],
      reviewWindow: { minBusinessDays: 0, maxBusinessDays: 3, sourceId: GUIDE },
      sourceId: GUIDE,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Enterprise real-name authentication', '企业实名认证'),
      audience: t(
        'Accounts owned by a company or other organization.',
        '归企业或其他组织所有的账号。',
      ),
      documents: [
        {
          // The manual names no enterprise document; this is the organization's own
          // registration certificate, whatever its country calls it.
          id: 'enterprise-certificate',
          name: t('Enterprise registration certificate', '企业登记证照'),
          sourceId: GUIDE,
        },
      ],
      methods: [
        {
          id: 'certificate-review',
          name: t('Certificate upload with review', '上传证照，审核'),
          detail: t(
            'Submit the organization’s certificate as the console asks; the manual gives no enterprise review time.',
            '按控制台要求提交组织证照；该手册未给出企业认证的审核时长。',
          ),
          instant: false,
          sourceId: GUIDE,
        },
      ],
      can: ['mainland_purchases'],
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
      title: t('Individual real-name authentication', '个人实名认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'individual-document',
          title: t('Choose your document', '选择证件'),
          detail: t(
            "Passport, ID card, Mainland Travel Permit or Residence Permit for Hong Kong/Macao or Taiwan residents, or a non-Chinese driver's license.",
            '护照、身份证、港澳或台湾居民来往内地通行证或居住证，或非中国驾驶证。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'individual-photo',
          title: t('Upload a photo holding the document', '上传手持证件照片'),
          detail: t(
            'A photo of you holding the document, as JPG, BMP, PNG or PDF, at most 10 MB. One document number can verify at most 3 accounts.',
            '上传本人手持证件的照片，JPG、BMP、PNG 或 PDF 格式，不超过 10 MB。同一证件号码最多认证 3 个账号。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'individual-review',
          title: t('Wait up to 3 working days', '等待最长 3 个工作日'),
          detail: t('The review takes up to 3 working days.', '审核最长需要 3 个工作日。'),
          kind: 'wait',
          sourceId: GUIDE,
        },
      ],
    },
    {
      id: 'enterprise',
      kind: 'enterprise',
      entityType: 'enterprise',
      title: t('Enterprise real-name authentication', '企业实名认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'enterprise-decide',
          title: t('Confirm the account belongs to the organization', '确认账号归组织所有'),
          detail: t(
            'Enterprise authentication is final: the account can never return to individual authentication.',
            '企业认证不可撤回：账号无法再改回个人认证。',
          ),
          kind: 'check',
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-certificate',
          title: t('Submit the organization’s certificate', '提交组织证照'),
          detail: t(
            'Submit the certificate as the console asks and wait for the review.',
            '按控制台要求提交证照并等待审核。',
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
      title: t('Change from individual to enterprise', '个人认证变更为企业认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'upgrade-decide',
          title: t('Confirm the change is for good', '确认变更不可撤回'),
          detail: t(
            'Moving from individual to enterprise is allowed; moving back never is.',
            '可以从个人认证变更为企业认证，但永远不能改回。',
          ),
          kind: 'check',
          sourceId: GUIDE,
        },
        {
          id: 'upgrade-certificate',
          title: t('Submit the organization’s certificate', '提交组织证照'),
          detail: t(
            'Complete enterprise authentication with the organization’s certificate.',
            '使用组织证照完成企业认证。',
          ),
          kind: 'action',
          sourceId: GUIDE,
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
        'A Huawei Cloud account authenticated as an enterprise can never return to individual authentication.',
        '完成企业认证的华为云账号无法再改回个人认证。',
      ),
      sourceId: GUIDE,
    },
  ],
  attemptLimits: [],
  notes: [
    {
      id: 'document-account-limit',
      text: t(
        'One document number can be used to verify at most 3 accounts.',
        '同一证件号码最多可认证 3 个账号。',
      ),
      sourceId: GUIDE,
    },
    {
      id: 'who-must-verify',
      text: t(
        'Accounts without real-name authentication cannot buy services in the Chinese mainland.',
        '未完成实名认证的账号无法购买中国内地的服务。',
      ),
      sourceId: GUIDE,
    },
  ],
};
