import type { Playbook } from './schema';
import { REVIEWED_ON, t } from './text';

// Tencent Cloud International. Facts: domain-facts section 1 and seed 000. The identity
// verification page's address comes from the seed; the other paths are our reading of the
// console and are backed up by the pages' headings (content signals).

/** Seed 000: the identity verification guide and its FAQ. */
const GUIDE = 'identity-verification';
/** The 2026 version of the same page: ID card, limits, mainland users, overdue reviews. */
const FAQ_2026 = 'identity-verification-2026';
/** Changing (modifying) a verification. */
const CHANGE = 'changing-verification';

const CONSOLE = String.raw`console\.(?:cloud\.tencent|tencentcloud)\.com`;

const enterpriseNameField = {
  id: 'enterprise-name',
  labels: { en: ['Enterprise Name', 'Organization Name'], zh: ['企业名称', '组织名称'] },
  tip: t(
    "The organization's name exactly as on its registration document, including punctuation and legal form (Ltd., Limited, ...).",
    '与登记证件完全一致的企业名称，包括标点和公司类型（有限公司等）。',
  ),
};
const registrationNumberField = {
  id: 'registration-number',
  labels: {
    en: ['Business Registration Number', 'Business License Number'],
    zh: ['营业执照注册号', '企业注册号', '商业登记号码'],
  },
  // No on-device format check: licences come from the registration country, which for this
  // site is usually outside the Chinese mainland (mainland users belong on Tencent Cloud China).
  tip: t(
    'The registration number exactly as printed on the business license, with the same letters, digits and separators.',
    '按营业执照上印刷的注册号原样填写，字母、数字和分隔符都要一致。',
  ),
};

export const tencentcloudIntl: Playbook = {
  id: 'tencentcloud-intl',
  name: t('Tencent Cloud International', '腾讯云国际站'),
  consoleMatches: ['https://console.cloud.tencent.com/*', 'https://console.tencentcloud.com/*'],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: GUIDE,
      url: 'https://www.tencentcloud.com/document/product/378/3629',
      title: t('Tencent Cloud: Identity verification', '腾讯云：身份认证'),
      reviewedOn: REVIEWED_ON,
    },
    {
      id: FAQ_2026,
      url: 'https://proxy-hk.tencentcloud.com/ko/document/product/378/3629',
      title: t(
        'Tencent Cloud: Identity verification (2026 version)',
        '腾讯云：身份认证（2026 版）',
      ),
      reviewedOn: REVIEWED_ON,
    },
    {
      id: CHANGE,
      url: 'https://proxy-hk.tencentcloud.com/jp/document/product/378/80680',
      title: t('Tencent Cloud: Changing identity verification', '腾讯云：变更身份认证'),
      reviewedOn: REVIEWED_ON,
    },
  ],
  types: {
    individual: {
      entityType: 'individual',
      name: t('Individual Verification', '个人认证'),
      audience: t(
        'Accounts used for one person’s own projects and operations, not for business operations.',
        '用于个人项目和个人操作的账号，不能用于企业经营。',
      ),
      // Issued by a government agency of the region where the account is registered, so only
      // the passport has a format we can check on the device.
      documents: [
        { id: 'passport', name: t('Passport', '护照'), format: 'passport', sourceId: GUIDE },
        { id: 'drivers-license', name: t("Driver's License", '驾驶证'), sourceId: GUIDE },
        { id: 'work-permit', name: t('Work Permit', '工作许可证'), sourceId: GUIDE },
        { id: 'id-card', name: t('ID Card', '身份证'), sourceId: FAQ_2026 },
      ],
      methods: [
        {
          id: 'document-review',
          name: t('Document upload with manual review', '上传证件，人工审核'),
          detail: t(
            'You enter the document details and upload a clear photo of it; Tencent Cloud reviews them within 2 to 4 business days.',
            '填写证件信息并上传清晰的证件照片，腾讯云在 2 至 4 个工作日内完成审核。',
          ),
          instant: false,
          sourceId: GUIDE,
        },
      ],
      can: ['personal_projects', 'mainland_purchases'],
      cannot: ['enterprise_operations', 'special_vat_invoice'],
      reviewWindow: { minBusinessDays: 2, maxBusinessDays: 4, sourceId: GUIDE },
      sourceId: GUIDE,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Organization Verification', '企业认证'),
      audience: t(
        'Accounts of enterprises, individually owned businesses, government or public agencies, schools, groups and other organizations.',
        '企业、个体工商户、政府或事业单位、学校、团体及其他组织的账号。',
      ),
      documents: [
        {
          id: 'business-license',
          name: t('Business license', '营业执照'),
          sourceId: GUIDE,
        },
      ],
      methods: [
        {
          id: 'license-review',
          name: t('Business license upload with manual review', '上传营业执照，人工审核'),
          detail: t(
            'You enter the organization details and upload its business license; Tencent Cloud reviews them within 2 to 4 business days.',
            '填写企业信息并上传营业执照，腾讯云在 2 至 4 个工作日内完成审核。',
          ),
          instant: false,
          sourceId: GUIDE,
        },
      ],
      can: ['enterprise_operations', 'special_vat_invoice', 'mainland_purchases'],
      cannot: ['personal_projects'],
      reviewWindow: { minBusinessDays: 2, maxBusinessDays: 4, sourceId: GUIDE },
      sourceId: GUIDE,
    },
  },
  flows: [
    {
      id: 'individual',
      kind: 'individual',
      entityType: 'individual',
      title: t('Individual Verification', '个人认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'individual-open',
          title: t('Open Identity Verification', '打开身份认证页面'),
          detail: t(
            'In the console, open the Identity Verification page (console.cloud.tencent.com/developer/auth).',
            '在控制台打开“身份认证”页面（console.cloud.tencent.com/developer/auth）。',
          ),
          kind: 'action',
          signal: { en: ['Identity Verification'], zh: ['身份认证'] },
          sourceId: GUIDE,
        },
        {
          id: 'individual-choose',
          title: t('Select Individual Verification', '选择“个人认证”'),
          detail: t(
            'Choose it only for an account used for your own projects: individual accounts cannot be used for business operations or to apply for special VAT invoices.',
            '仅在账号用于个人项目时选择：个人账号不能用于企业经营，也不能申请增值税专用发票。',
          ),
          kind: 'action',
          signal: { en: ['Individual Verification'], zh: ['个人认证'] },
          sourceId: GUIDE,
        },
        {
          id: 'individual-document-type',
          title: t('Choose your document', '选择证件类型'),
          detail: t(
            "Choose a passport, driver's license, work permit or ID card issued by a government agency of the country or region where the account is registered.",
            '选择护照、驾驶证、工作许可证或身份证，证件须由账号注册地所在国家或地区的政府机构签发。',
          ),
          kind: 'action',
          fields: [
            {
              id: 'document-type',
              labels: { en: ['Document Type'], zh: ['证件类型'] },
              tip: t(
                "Passport, driver's license, work permit or ID card, issued by a government agency of the account's registration country or region. A document from anywhere else does not qualify.",
                '护照、驾驶证、工作许可证或身份证，须由账号注册地的政府机构签发，其他国家或地区的证件不符合要求。',
              ),
            },
          ],
          sourceId: FAQ_2026,
        },
        {
          id: 'individual-details',
          title: t('Enter the document details', '填写证件信息'),
          detail: t(
            'Enter your name, the document number and the address exactly as they appear on the document.',
            '按证件上的内容准确填写姓名、证件号码和地址。',
          ),
          kind: 'action',
          fields: [
            {
              id: 'name',
              labels: { en: ['Name', 'Full Name'], zh: ['姓名'] },
              tip: t(
                'Exactly as printed on the document: same spelling, same order of given and family names.',
                '与证件上印刷的完全一致：拼写相同，姓和名的顺序相同。',
              ),
            },
            {
              id: 'document-number',
              labels: { en: ['Document Number'], zh: ['证件号码'] },
              tip: t(
                'Copy the number character by character from the document chosen above. The letter O and the digit 0, and I and 1, are easy to mix up.',
                '按上面所选证件逐字填写号码。字母 O 与数字 0、字母 I 与数字 1 容易混淆。',
              ),
              validate: { documentTypeField: 'document-type' },
            },
            {
              id: 'address',
              labels: { en: ['Address'], zh: ['地址'] },
              tip: t(
                'The address as printed on the document, even if you live somewhere else now.',
                '填写证件上印刷的地址，即使你现在住在别处。',
              ),
            },
          ],
          sourceId: FAQ_2026,
        },
        {
          id: 'individual-photo',
          title: t('Upload a clear photo of the document', '上传清晰的证件照片'),
          detail: t(
            'Upload a sharp photo of the whole document: all corners visible, no glare over the text, nothing covered.',
            '上传完整、清晰的证件照片：四角完整，文字无反光，无遮挡。',
          ),
          kind: 'action',
          fields: [
            {
              id: 'document-photo',
              labels: { en: ['Document Photo'], zh: ['证件照片'] },
              tip: t(
                'A clear photo of the same document whose details you entered; a blurry or cropped photo gets the review rejected.',
                '上传与所填信息对应的同一证件的清晰照片；模糊或裁切的照片会导致审核被拒。',
              ),
            },
          ],
          sourceId: FAQ_2026,
        },
        {
          id: 'individual-submit',
          title: t('Submit for review', '提交审核'),
          detail: t(
            'Check every field against the document once more, then click Submit.',
            '再次对照证件检查每一项，然后点击“提交”。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'individual-review',
          title: t('Allow 2 to 4 business days for the review', '等待 2 至 4 个工作日的审核'),
          detail: t(
            'The review takes 2 to 4 business days. If it takes longer, contact Online Customer Service.',
            '审核需要 2 至 4 个工作日。超过时间仍未完成，请联系在线客服。',
          ),
          kind: 'wait',
          signal: { en: ['Under review'], zh: ['审核中'] },
          sourceId: GUIDE,
        },
      ],
    },
    {
      id: 'enterprise',
      kind: 'enterprise',
      entityType: 'enterprise',
      title: t('Organization Verification', '企业认证'),
      sourceId: GUIDE,
      steps: [
        {
          id: 'enterprise-open',
          title: t('Open Identity Verification', '打开身份认证页面'),
          detail: t(
            'In the console, open the Identity Verification page (console.cloud.tencent.com/developer/auth).',
            '在控制台打开“身份认证”页面（console.cloud.tencent.com/developer/auth）。',
          ),
          kind: 'action',
          signal: { en: ['Identity Verification'], zh: ['身份认证'] },
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-choose',
          title: t('Select Organization Verification', '选择“企业认证”'),
          detail: t(
            'For accounts of enterprises, individually owned businesses, public agencies, schools and other organizations. An organization account cannot be used for personal projects.',
            '适用于企业、个体工商户、事业单位、学校等组织的账号。企业账号不能用于个人项目。',
          ),
          kind: 'action',
          signal: { en: ['Organization Verification'], zh: ['企业认证'] },
          guard: {
            triggers: { en: ['Organization Verification'], zh: ['企业认证'] },
            message: t(
              'Verification decides who owns this account and its resources, and it can never be revoked (only modified, at most once per 30 days). Choose Organization Verification only if the account belongs to an organization: an organization account cannot be used for personal projects.',
              '身份认证决定账号及其资源的归属，且无法撤销（只能变更，每 30 天最多一次）。只有账号归组织所有时才选择企业认证：企业账号不能用于个人项目。',
            ),
            sourceId: GUIDE,
          },
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-details',
          title: t('Enter the business license details', '填写营业执照信息'),
          detail: t(
            'Enter the organization name and the registration number exactly as on the business license. Only a business license is accepted, issued by the government department or tax bureau where the organization is registered.',
            '按营业执照准确填写企业名称和注册号。只接受营业执照，且须由企业注册地的政府部门或税务机关签发。',
          ),
          kind: 'action',
          fields: [enterpriseNameField, registrationNumberField],
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-license',
          title: t('Upload the business license', '上传营业执照'),
          detail: t(
            'Upload a clear image of the whole business license.',
            '上传完整、清晰的营业执照图片。',
          ),
          kind: 'action',
          fields: [
            {
              id: 'business-license',
              labels: { en: ['Business License'], zh: ['营业执照'] },
              tip: t(
                'The license issued by the government department or tax bureau where the organization is registered; the whole page, legible.',
                '由企业注册地政府部门或税务机关签发的营业执照，整页完整、字迹清晰。',
              ),
            },
          ],
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-submit',
          title: t('Submit for review', '提交审核'),
          detail: t(
            'Check the name and number against the license once more, then click Submit.',
            '再次对照营业执照核对名称和注册号，然后点击“提交”。',
          ),
          kind: 'action',
          sourceId: GUIDE,
        },
        {
          id: 'enterprise-review',
          title: t('Allow 2 to 4 business days for the review', '等待 2 至 4 个工作日的审核'),
          detail: t(
            'The review takes 2 to 4 business days. If it takes longer, contact Online Customer Service.',
            '审核需要 2 至 4 个工作日。超过时间仍未完成，请联系在线客服。',
          ),
          kind: 'wait',
          signal: { en: ['Under review'], zh: ['审核中'] },
          sourceId: GUIDE,
        },
      ],
    },
    {
      id: 'change',
      kind: 'change',
      entityType: 'enterprise',
      title: t('Modify verification', '变更认证'),
      sourceId: CHANGE,
      steps: [
        {
          id: 'change-check-lock',
          title: t('Check that a change is allowed now', '确认现在可以变更'),
          detail: t(
            'Verification can be modified at most once per 30 days: a change can start only 30 days after the last verification completed.',
            '认证信息每 30 天最多变更一次：上次认证完成满 30 天后才能发起变更。',
          ),
          kind: 'check',
          sourceId: CHANGE,
        },
        {
          id: 'change-open',
          title: t('Open View/Change Verification', '打开“查看/变更认证”'),
          detail: t(
            'Go to Account Information > Basic Information > Verification Status and click View/Change Verification.',
            '进入“账号信息 > 基本信息 > 认证状态”，点击“查看/变更认证”。',
          ),
          kind: 'action',
          signal: { en: ['View/Change Verification'], zh: ['查看/变更认证'] },
          sourceId: CHANGE,
        },
        {
          id: 'change-modify',
          title: t('Click Modify verification', '点击“修改认证”'),
          detail: t(
            'Click Modify verification to open the change form.',
            '点击“修改认证”打开变更表单。',
          ),
          kind: 'action',
          signal: { en: ['Modify Verification'], zh: ['修改认证', '变更认证'] },
          sourceId: CHANGE,
        },
        {
          id: 'change-details',
          title: t('Enter the organization details', '填写企业信息'),
          detail: t(
            'Enter the enterprise name and the business registration number exactly as on the registration document.',
            '按登记证件准确填写企业名称和商业登记号码。',
          ),
          kind: 'action',
          fields: [enterpriseNameField, registrationNumberField],
          sourceId: CHANGE,
        },
        {
          id: 'change-document',
          title: t('Upload the registration document', '上传登记证件'),
          detail: t(
            "Upload the business registration document of the account's country as JPG, JPEG, PNG or PDF, at most 10 MB.",
            '上传账号所属国家的商业登记证件，格式为 JPG、JPEG、PNG 或 PDF，不超过 10 MB。',
          ),
          kind: 'action',
          fields: [
            {
              id: 'registration-document',
              labels: {
                en: ['Business Registration Document'],
                zh: ['商业登记证件', '商业登记文件'],
              },
              tip: t(
                "A JPG, JPEG, PNG or PDF file of at most 10 MB, issued in the account's country. Larger files or other formats are refused.",
                '由账号所属国家签发的证件，JPG、JPEG、PNG 或 PDF 格式，不超过 10 MB。过大或其他格式的文件会被拒绝。',
              ),
            },
          ],
          sourceId: CHANGE,
        },
        {
          id: 'change-submit',
          title: t('Submit the change', '提交变更'),
          detail: t(
            'Submit only when every detail matches the document: the next change can start only 30 days after this one completes.',
            '所有信息都与证件一致后再提交：本次变更完成满 30 天后才能再次变更。',
          ),
          kind: 'action',
          guard: {
            triggers: { en: ['Submit'], zh: ['提交'] },
            message: t(
              'After this change completes, the next one can start only 30 days later, and a verification can never be revoked. Until the change is approved or rejected you can withdraw it only by submitting a ticket.',
              '本次变更完成后，需满 30 天才能再次变更，且认证无法撤销。在审核通过或被拒之前，只能通过提交工单撤回变更。',
            ),
            sourceId: CHANGE,
          },
          sourceId: CHANGE,
        },
        {
          id: 'change-review',
          title: t('Wait for the review', '等待审核'),
          detail: t(
            'While the change is pending you can still withdraw it by submitting a ticket; once it is approved or rejected it can no longer be withdrawn.',
            '变更审核期间仍可通过提交工单撤回；审核通过或被拒后无法撤回。',
          ),
          kind: 'wait',
          signal: { en: ['Under review'], zh: ['审核中'] },
          sourceId: CHANGE,
        },
      ],
    },
  ],
  pages: [
    {
      // The type choice (Individual / Organization Verification).
      id: 'identity-verification',
      flows: ['individual', 'enterprise'],
      urlPatterns: [`^${CONSOLE}/developer/auth/?(?:#/?)?$`],
      contentSignals: {
        en: ['Identity Verification', 'Individual Verification', 'Organization Verification'],
        zh: ['身份认证', '个人认证', '企业认证'],
      },
      examples: [
        'https://console.cloud.tencent.com/developer/auth',
        'https://console.tencentcloud.com/developer/auth',
        'https://console.tencentcloud.com/developer/auth/',
      ],
    },
    {
      id: 'individual-form',
      flows: ['individual'],
      urlPatterns: [`^${CONSOLE}/developer/auth/(?:individual|personal)(?:[/#].*)?$`],
      contentSignals: { en: ['Individual Verification'], zh: ['个人认证'] },
      examples: [
        'https://console.cloud.tencent.com/developer/auth/individual',
        'https://console.tencentcloud.com/developer/auth/personal#step2',
      ],
    },
    {
      id: 'organization-form',
      flows: ['enterprise'],
      urlPatterns: [`^${CONSOLE}/developer/auth/(?:organization|enterprise|company)(?:[/#].*)?$`],
      contentSignals: { en: ['Organization Verification'], zh: ['企业认证'] },
      examples: [
        'https://console.cloud.tencent.com/developer/auth/organization',
        'https://console.tencentcloud.com/developer/auth/enterprise',
      ],
    },
    {
      // Account Information > Basic Information, where Verification Status and the
      // View/Change Verification link live.
      id: 'account-information',
      flows: ['change'],
      urlPatterns: [`^${CONSOLE}/developer/?(?:#/?)?$`],
      contentSignals: {
        en: ['Verification Status', 'Basic Information'],
        zh: ['认证状态', '基本信息'],
      },
      examples: [
        'https://console.cloud.tencent.com/developer',
        'https://console.tencentcloud.com/developer',
      ],
    },
    {
      id: 'modify-verification',
      flows: ['change'],
      urlPatterns: [
        `^${CONSOLE}/developer(?:/auth)?/?#/(?:modify|change)(?:[/?].*)?$`,
        `^${CONSOLE}/developer/auth/(?:modify|change)(?:[/#].*)?$`,
      ],
      contentSignals: { en: ['Modify Verification'], zh: ['修改认证', '变更认证'] },
      examples: [
        'https://console.tencentcloud.com/developer#/modify',
        'https://console.cloud.tencent.com/developer/auth#/modify',
        'https://console.tencentcloud.com/developer/auth/change',
      ],
    },
  ],
  locks: [
    {
      id: 'modify-once-per-30-days',
      days: 30,
      refuses: ['change', 'update', 'upgrade'],
      message: t(
        'Verification can be modified at most once per 30 days: a change can start only 30 days after the last verification completed.',
        '认证每 30 天最多变更一次：上次认证完成满 30 天后才能发起变更。',
      ),
      sourceId: CHANGE,
    },
  ],
  // The provider never says enterprise cannot go back to individual (modifying is allowed), so
  // no type change is irreversible here; "cannot be revoked" is the `no-revocation` note.
  irreversible: [],
  attemptLimits: [],
  notes: [
    {
      id: 'ownership',
      text: t(
        'Verification decides who owns the account and its resources. An organization’s account verified with a person’s identity can hurt the business when staff change, and may cause financial loss. Decide first whether the resources serve personal or organization use.',
        '身份认证决定账号及其资源的归属。组织的账号若用个人身份认证，人员变动时可能影响业务，甚至造成经济损失。认证前请先确认资源用于个人还是组织。',
      ),
      sourceId: GUIDE,
    },
    {
      id: 'no-revocation',
      text: t(
        'A completed verification can never be revoked, only modified (at most once per 30 days).',
        '认证完成后无法撤销，只能变更（每 30 天最多一次）。',
      ),
      sourceId: CHANGE,
    },
    {
      id: 'who-must-verify',
      text: t(
        'Verification is required when you select the Chinese mainland as service region (Hong Kong, Macao and Taiwan are not part of it). Without it, resources in the Chinese mainland cannot be bought.',
        '选择中国内地作为服务地域时必须完成身份认证（中国内地不含香港、澳门和台湾）。未认证无法购买中国内地的资源。',
      ),
      sourceId: GUIDE,
    },
    {
      id: 'site-for-mainland-users',
      text: t(
        'Users located in the Chinese mainland should use Tencent Cloud China (cloud.tencent.com) instead of the international site.',
        '位于中国内地的用户应使用腾讯云中国站（cloud.tencent.com），而不是国际站。',
      ),
      sourceId: FAQ_2026,
    },
    {
      id: 'identity-account-limits',
      text: t(
        'One personal identity can verify up to 3 accounts and one enterprise identity up to 10 by default, per the 2026 FAQ; an older FAQ said 1 and 5, so check before relying on it.',
        '根据 2026 年 FAQ，一个个人身份默认最多认证 3 个账号，一个企业身份最多 10 个；旧版 FAQ 写的是 1 个和 5 个，使用前请再确认。',
      ),
      hint: true,
      sourceId: FAQ_2026,
    },
    {
      id: 'withdraw-change',
      text: t(
        'A pending change can be withdrawn by submitting a ticket, until it is approved or rejected.',
        '变更在审核通过或被拒之前，可以通过提交工单撤回。',
      ),
      sourceId: CHANGE,
    },
    {
      id: 'review-overdue',
      text: t(
        'If the review takes longer than 4 business days, contact Online Customer Service.',
        '审核超过 4 个工作日仍未完成，请联系在线客服。',
      ),
      sourceId: FAQ_2026,
    },
  ],
};
