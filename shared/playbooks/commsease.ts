import type { Playbook } from './schema';
import { REVIEWED_ON, t } from './text';

// CommsEase (NetEase's international IM / SMS cloud). Facts: domain-facts section 2 and seed 002.
// The console's routes are not documented, so the page patterns below are our best reading of
// its hash router; the content signals (page headings) recognise the pages when a path differs.

const IND = 'individual-authentication';
const ENT = 'enterprise-authentication';

// Field anchors shared by the individual form and the update flow (same form, same labels).
const idTypeField = {
  id: 'id-type',
  labels: { en: ['ID Type'], zh: ['证件类型'] },
  tip: t(
    'Pick the document you hold. Only the ID card works without a bank card from the Chinese mainland; a Hong Kong/Macao permit, a Taiwan permit or a passport must be verified with a bank card issued by a mainland bank in your name.',
    '选择你持有的证件。只有身份证无需中国内地银行卡；选择港澳通行证、台湾通行证或护照时，必须用本人名下、由中国内地银行发行的银行卡完成认证。',
  ),
};
const nameField = {
  id: 'name',
  labels: { en: ['Name'], zh: ['姓名'] },
  tip: t(
    'Your full name exactly as printed on the selected document: same characters, same order, no nickname and no extra spaces.',
    '填写与所选证件上完全一致的姓名：字符和顺序相同，不用昵称，不加多余空格。',
  ),
};
const idNumberField = {
  id: 'id-number',
  labels: { en: ['ID Number'], zh: ['证件号码'] },
  tip: t(
    'The number of the document chosen under ID Type, copied character by character. A resident ID card number has 18 characters and may end in X. A common mistake is entering the number of a different document than the one selected.',
    '填写“证件类型”中所选证件的号码，逐字核对。身份证号码为 18 位，最后一位可能是 X。常见错误是填了另一种证件的号码。',
  ),
  validate: { documentTypeField: 'id-type' },
};
const bankCardField = {
  id: 'bank-card-number',
  labels: { en: ['Bank Card Number', 'Bank Card No.'], zh: ['银行卡号'] },
  tip: t(
    'A card issued by a bank in the Chinese mainland, in the same name as your document: 16 to 19 digits. Cards from banks outside the mainland are not accepted.',
    '填写本人名下、由中国内地银行发行的银行卡号，16 至 19 位数字。境外银行发行的卡不被接受。',
  ),
  validate: { format: 'bank_card' as const },
};
const enterpriseNameField = {
  id: 'enterprise-name',
  labels: { en: ['Enterprise Name', 'Company Name'], zh: ['企业名称'] },
  tip: t(
    "The company's registered name exactly as on its business license, including brackets and punctuation.",
    '与营业执照完全一致的企业注册名称，括号和标点也要一致。',
  ),
};
const usccField = {
  id: 'uscc',
  labels: { en: ['Unified Social Credit Code'], zh: ['统一社会信用代码'] },
  tip: t(
    'The 18-character code printed on the business license. It never contains the letters I, O, S, V or Z, so an O typed for a 0 is the usual slip.',
    '营业执照上的 18 位代码。代码中不会出现字母 I、O、S、V、Z，把数字 0 误输为字母 O 是最常见的错误。',
  ),
  validate: { format: 'uscc' as const },
};
const legalRepresentativeField = {
  id: 'legal-representative',
  labels: { en: ['Legal Representative'], zh: ['法定代表人'] },
  tip: t(
    'The legal representative exactly as named on the business license.',
    '与营业执照上登记的法定代表人姓名完全一致。',
  ),
};
const bankNameField = {
  id: 'bank-name',
  labels: { en: ['Bank Name'], zh: ['开户银行', '银行名称'] },
  tip: t(
    "The bank that holds the company's own account (the account the verification deposit will be sent to).",
    '公司对公账户的开户银行，验证打款将汇入该账户。',
  ),
};
const bankAccountField = {
  id: 'bank-account',
  labels: { en: ['Bank Account Number', 'Bank Account'], zh: ['银行账号', '对公账户'] },
  tip: t(
    "The company's own bank account, held in the company's name: a personal card will not receive the eSignature deposit. Check the number with finance before you submit.",
    '填写以公司名义开立的对公账户；个人银行卡收不到电子签约的验证打款。提交前请与财务核对账号。',
  ),
};

const irreversibleMessage = t(
  'Enterprise authentication is final: this account can never be changed back to individual authentication. Continue only if the account and its resources belong to the company.',
  '企业认证不可撤回：账号以后无法再改回个人认证。只有在账号及其资源归公司所有时才继续。',
);

export const commsease: Playbook = {
  id: 'commsease',
  name: t('CommsEase', '网易云信 CommsEase'),
  consoleMatches: ['https://console.commsease.com/*'],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    {
      id: IND,
      url: 'https://doc.commsease.com/en/console/concept/TA1MjY1Nzk',
      title: t('CommsEase: Individual authentication', 'CommsEase：个人实名认证'),
      reviewedOn: REVIEWED_ON,
    },
    {
      id: ENT,
      url: 'https://doc.commsease.com/en/console/docs/DgxMzUyNjg',
      title: t('CommsEase: Enterprise real-name authentication', 'CommsEase：企业实名认证'),
      reviewedOn: REVIEWED_ON,
    },
  ],
  types: {
    individual: {
      entityType: 'individual',
      name: t('Individual Authentication', '个人认证'),
      audience: t(
        'Accounts whose resources belong to one person: contracts and invoices are issued in that person’s name.',
        '账号及其资源归个人所有：合同和发票以个人名义开具。',
      ),
      documents: [
        {
          id: 'id-card',
          name: t('ID card', '身份证'),
          format: 'prc_resident_id',
          sourceId: IND,
        },
        {
          id: 'hk-macao-permit',
          name: t(
            'Mainland Travel Permit for Hong Kong and Macao Residents',
            '港澳居民来往内地通行证',
          ),
          format: 'hk_macao_residents_permit',
          methods: ['bank-card'],
          requiresMainlandBankCard: true,
          sourceId: IND,
        },
        {
          id: 'taiwan-permit',
          name: t('Mainland Travel Permit for Taiwan Residents', '台湾居民来往大陆通行证'),
          format: 'taiwan_residents_permit',
          methods: ['bank-card'],
          requiresMainlandBankCard: true,
          sourceId: IND,
        },
        {
          id: 'passport',
          name: t('Passport', '护照'),
          format: 'passport',
          methods: ['bank-card'],
          requiresMainlandBankCard: true,
          sourceId: IND,
        },
      ],
      methods: [
        {
          id: 'bank-card',
          name: t('Bank Card Authentication', '银行卡认证'),
          detail: t(
            'Confirms your identity with a bank card issued by a bank in the Chinese mainland and held in your name. The only method for the two permits and the passport.',
            '用本人名下、由中国内地银行发行的银行卡核验身份。港澳通行证、台湾通行证和护照只能用这种方式。',
          ),
          instant: true,
          sourceId: IND,
        },
        {
          id: 'online-prompts',
          name: t('Online check as prompted', '按页面提示在线核验'),
          detail: t(
            'With an ID card, the page leads you through its own online check after the eSignature agreement. The guide names no other method, so follow the prompts on the page.',
            '使用身份证时，签署电子签约协议后按页面提示完成在线核验。官方指南未列出其他方式，请以页面提示为准。',
          ),
          instant: true,
          sourceId: IND,
        },
      ],
      can: ['vat_electronic_invoice', 'sms_trial'],
      // The guide issues individuals "VAT electronic standard invoices" only; special invoices
      // are listed for enterprise accounts.
      cannot: [
        'sms_packs',
        'special_vat_invoice',
        'paper_special_invoice',
        'contracts_in_company_name',
      ],
      reviewWindow: null,
      sourceId: IND,
    },
    enterprise: {
      entityType: 'enterprise',
      name: t('Enterprise Authentication', '企业认证'),
      audience: t(
        'Accounts whose resources belong to a company: contracts are signed and invoices issued in the company’s name.',
        '账号及其资源归公司所有：以公司名义签订合同、开具发票。',
      ),
      documents: [
        {
          id: 'business-license',
          name: t('Business license (Unified Social Credit Code)', '营业执照（统一社会信用代码）'),
          format: 'uscc',
          sourceId: ENT,
        },
      ],
      methods: [
        {
          id: 'esignature-deposit',
          name: t('eSignature bank deposit', '电子签约对公打款验证'),
          detail: t(
            "eSignature sends a deposit of a specific amount to the company's bank account; you then enter the amount received. Three wrong amounts in one day block submissions until the next day.",
            '电子签约向公司对公账户汇入一笔特定金额，收到后回填该金额。同一天内填错三次，当天不能再提交，需等到次日。',
          ),
          instant: false,
          sourceId: ENT,
        },
      ],
      // Paper special invoices are special VAT invoices; SMS packs are what individual accounts
      // are denied.
      can: [
        'contracts_in_company_name',
        'vat_electronic_invoice',
        'paper_special_invoice',
        'special_vat_invoice',
        'sms_packs',
      ],
      cannot: [],
      reviewWindow: null,
      sourceId: ENT,
    },
  },
  flows: [
    {
      id: 'individual',
      kind: 'individual',
      entityType: 'individual',
      title: t('Individual Authentication', '个人实名认证'),
      sourceId: IND,
      steps: [
        {
          id: 'individual-open',
          title: t('Open Real-Name Authentication', '打开实名认证页面'),
          detail: t(
            'Sign in to the CommsEase console. Follow the dialog shown after login, or open Real-Name Authentication from the account drop-down at the upper right.',
            '登录 CommsEase 控制台。按登录后弹出的对话框操作，或从右上角账号下拉菜单中打开“实名认证”。',
          ),
          kind: 'action',
          signal: { en: ['Real-Name Authentication'], zh: ['实名认证'] },
          sourceId: IND,
        },
        {
          id: 'individual-start',
          title: t('Choose Individual Authentication, then Start', '选择“个人认证”，点击“开始”'),
          detail: t(
            'Choose Individual Authentication only if the account and everything bought on it belong to you personally. Company-owned resources need Enterprise Authentication.',
            '只有账号及其购买的资源归你个人所有时，才选择个人认证。公司所有的资源应进行企业认证。',
          ),
          kind: 'action',
          signal: { en: ['Individual Authentication'], zh: ['个人认证'] },
          sourceId: IND,
        },
        {
          id: 'individual-id-type',
          title: t('Select the ID type', '选择证件类型'),
          detail: t(
            'Choose ID card, Mainland Travel Permit for Hong Kong and Macao Residents, Mainland Travel Permit for Taiwan Residents, or passport. Every type except the ID card must be verified with a bank card issued by a bank in the Chinese mainland.',
            '可选身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证或护照。除身份证外，其他证件都必须用中国内地银行发行的银行卡完成认证。',
          ),
          kind: 'action',
          fields: [idTypeField],
          sourceId: IND,
        },
        {
          id: 'individual-name-number',
          title: t('Enter your name and ID number', '填写姓名和证件号码'),
          detail: t(
            'Type your name and the document number exactly as printed on the document you selected.',
            '按所选证件上的内容准确填写姓名和证件号码。',
          ),
          kind: 'action',
          fields: [nameField, idNumberField],
          sourceId: IND,
        },
        {
          id: 'individual-tips-next',
          title: t('Confirm the authentication tips, then Next', '勾选认证须知，点击“下一步”'),
          detail: t(
            'Read the tips, select "Agree and confirm the above authentication tips", then click Next.',
            '阅读认证须知，勾选“同意并确认以上认证须知”，然后点击“下一步”。',
          ),
          kind: 'check',
          signal: {
            en: ['Agree and confirm the above authentication tips'],
            zh: ['同意并确认以上认证须知'],
          },
          sourceId: IND,
        },
        {
          id: 'individual-esignature',
          title: t('Agree to the eSignature terms', '同意电子签约条款'),
          detail: t(
            'Select that you have read and agree to the eSignature Service Agreement and the Privacy Policy, then click Agree and Continue.',
            '勾选已阅读并同意《电子签约服务协议》和《隐私政策》，点击“同意并继续”。',
          ),
          kind: 'action',
          signal: { en: ['Agree and Continue', 'eSignature'], zh: ['同意并继续', '电子签约'] },
          sourceId: IND,
        },
        {
          id: 'individual-bank-card',
          title: t('Verify with a bank card (permits and passport)', '银行卡认证（通行证和护照）'),
          detail: t(
            'With a Hong Kong/Macao permit, a Taiwan permit or a passport, choose Bank Card Authentication and use a card issued by a bank in the Chinese mainland in your name. With an ID card, follow the prompts on the page instead. No mainland bank card? Contact your CommsEase Business Manager.',
            '使用港澳通行证、台湾通行证或护照时，选择“银行卡认证”，使用本人名下、由中国内地银行发行的银行卡。使用身份证时按页面提示操作即可。没有内地银行卡？请联系你的 CommsEase 商务经理。',
          ),
          kind: 'action',
          fields: [bankCardField],
          signal: { en: ['Bank Card Authentication'], zh: ['银行卡认证'] },
          sourceId: IND,
        },
        {
          id: 'individual-done',
          title: t('Receive the confirmation', '收到认证完成提示'),
          detail: t(
            'The console confirms when individual authentication is done. From then on the subject cannot be changed for 30 days; upgrading to enterprise stays possible at any time.',
            '认证成功后控制台会提示个人实名认证已完成。此后 30 天内不能变更认证主体，但随时可以升级为企业认证。',
          ),
          kind: 'check',
          signal: { en: ['Authenticated'], zh: ['已认证'] },
          sourceId: IND,
        },
      ],
    },
    {
      id: 'enterprise',
      kind: 'enterprise',
      entityType: 'enterprise',
      title: t('Enterprise Authentication', '企业实名认证'),
      sourceId: ENT,
      steps: [
        {
          id: 'enterprise-open',
          title: t('Open Real-Name Authentication', '打开实名认证页面'),
          detail: t(
            'Sign in to the CommsEase console and open Real-Name Authentication from the dialog after login or from the account drop-down at the upper right.',
            '登录 CommsEase 控制台，从登录后的对话框或右上角账号下拉菜单中打开“实名认证”。',
          ),
          kind: 'action',
          signal: { en: ['Real-Name Authentication'], zh: ['实名认证'] },
          sourceId: IND,
        },
        {
          id: 'enterprise-start',
          title: t('Choose Enterprise Authentication, then Start', '选择“企业认证”，点击“开始”'),
          detail: t(
            'Enterprise authentication is for accounts whose resources belong to the company. It is final: the account can never return to individual authentication.',
            '企业认证适用于资源归公司所有的账号。认证后不可撤回，账号无法再改回个人认证。',
          ),
          kind: 'action',
          signal: { en: ['Enterprise Authentication'], zh: ['企业认证'] },
          guard: {
            triggers: { en: ['Enterprise Authentication'], zh: ['企业认证'] },
            message: irreversibleMessage,
            sourceId: IND,
          },
          sourceId: ENT,
        },
        {
          id: 'enterprise-company',
          title: t('Enter the company details', '填写企业信息'),
          detail: t(
            'Enter the enterprise name, the Unified Social Credit Code and the legal representative exactly as on the business license.',
            '按营业执照准确填写企业名称、统一社会信用代码和法定代表人。',
          ),
          kind: 'action',
          fields: [enterpriseNameField, usccField, legalRepresentativeField],
          sourceId: ENT,
        },
        {
          id: 'enterprise-bank-account',
          title: t('Enter the company bank account', '填写对公银行账户'),
          detail: t(
            "Enter the bank and the number of the company's own account. eSignature verifies the company by sending a deposit of a specific amount to this account.",
            '填写公司对公账户的开户银行和账号。电子签约会向该账户汇入一笔特定金额来核验企业。',
          ),
          kind: 'action',
          fields: [bankNameField, bankAccountField],
          sourceId: ENT,
        },
        {
          id: 'enterprise-deposit-wait',
          title: t('Wait for the verification deposit', '等待验证打款到账'),
          detail: t(
            'Ask whoever reads the company account to look for the small deposit on the statement and to note the exact amount.',
            '请负责对公账户的同事在流水中查找这笔小额打款，并记下准确金额。',
          ),
          kind: 'wait',
          sourceId: ENT,
        },
        {
          id: 'enterprise-deposit-amount',
          title: t('Enter the amount received', '回填收到的金额'),
          detail: t(
            'Enter the exact amount of the deposit. Three wrong submissions within one day block further submissions until the next day, so check the figure before you submit.',
            '准确填写打款金额。同一天内提交错误三次，当天将无法再提交，需等到次日，提交前请再次核对。',
          ),
          kind: 'action',
          sourceId: ENT,
        },
        {
          id: 'enterprise-done',
          title: t('Receive the confirmation', '收到认证完成提示'),
          detail: t(
            'The console confirms when enterprise authentication is done. Contracts and invoices can now be issued in the company name, and SMS packs can be bought.',
            '控制台提示企业认证完成后，即可以公司名义签订合同、开具发票，并可购买短信套餐包。',
          ),
          kind: 'check',
          signal: { en: ['Authenticated'], zh: ['已认证'] },
          sourceId: ENT,
        },
      ],
    },
    {
      id: 'update',
      kind: 'update',
      entityType: 'individual',
      title: t('Update authenticated information', '更新实名认证信息'),
      sourceId: IND,
      steps: [
        {
          id: 'update-check-lock',
          title: t('Check that 30 days have passed', '确认已满 30 天'),
          detail: t(
            'The subject of an individual authentication cannot be changed within 30 days after it completed. Update only when the account owner or the basic details have changed.',
            '个人实名认证完成后 30 天内不能变更认证主体。仅在账号所有人或基本信息发生变化时才需要更新。',
          ),
          kind: 'check',
          sourceId: IND,
        },
        {
          id: 'update-open',
          title: t('Open Real-Name Authentication', '打开实名认证页面'),
          detail: t(
            'Sign in and choose Real-Name Authentication in the drop-down at the upper right of the console.',
            '登录后，在控制台右上角下拉菜单中选择“实名认证”。',
          ),
          kind: 'action',
          signal: { en: ['Real-Name Authentication'], zh: ['实名认证'] },
          sourceId: IND,
        },
        {
          id: 'update-edit',
          title: t('Click Edit, then Continue', '点击“编辑”，再点击“继续”'),
          detail: t(
            'Click Edit, then confirm with Continue in the dialog that opens.',
            '点击“编辑”，在弹出的对话框中点击“继续”。',
          ),
          kind: 'action',
          signal: { en: ['Update authentication information'], zh: ['更新认证信息'] },
          sourceId: IND,
        },
        {
          id: 'update-details',
          title: t('Enter your personal information again', '重新填写个人信息'),
          detail: t(
            'Select the ID type and enter the name and ID number as in individual authentication; the same bank card rule applies to permits and passports.',
            '与个人认证相同：选择证件类型，填写姓名和证件号码；通行证和护照同样需要中国内地银行卡。',
          ),
          kind: 'action',
          fields: [idTypeField, nameField, idNumberField],
          sourceId: IND,
        },
        {
          id: 'update-esignature',
          title: t('Agree to the eSignature terms and finish', '同意电子签约条款并完成'),
          detail: t(
            'Agree to the eSignature Service Agreement and Privacy Policy, click Agree and Continue, and follow the prompts until the confirmation.',
            '同意《电子签约服务协议》和《隐私政策》，点击“同意并继续”，按提示操作直至收到完成提示。',
          ),
          kind: 'action',
          signal: { en: ['Agree and Continue'], zh: ['同意并继续'] },
          sourceId: IND,
        },
      ],
    },
    {
      id: 'upgrade',
      kind: 'upgrade',
      entityType: 'enterprise',
      title: t('Upgrade to Enterprise Authentication', '升级为企业认证'),
      sourceId: IND,
      steps: [
        {
          id: 'upgrade-open',
          title: t('Open Real-Name Authentication', '打开实名认证页面'),
          detail: t(
            'Upgrade when the account now belongs to a company. It is allowed at any time, even within 30 days of individual authentication.',
            '账号改归公司所有时进行升级。升级随时可以进行，即使个人认证完成未满 30 天。',
          ),
          kind: 'action',
          signal: { en: ['Real-Name Authentication'], zh: ['实名认证'] },
          sourceId: IND,
        },
        {
          id: 'upgrade-click',
          title: t('Click Upgrade, then Continue', '点击“升级”，再点击“继续”'),
          detail: t(
            'Click Upgrade and confirm with Continue in the dialog. Once the account is enterprise-authenticated it can never return to individual authentication.',
            '点击“升级”，在对话框中点击“继续”确认。完成企业认证后，账号无法再改回个人认证。',
          ),
          kind: 'action',
          signal: { en: ['Upgrade to Enterprise Authentication'], zh: ['升级为企业认证'] },
          guard: {
            triggers: { en: ['Upgrade'], zh: ['升级'] },
            message: irreversibleMessage,
            sourceId: IND,
          },
          sourceId: IND,
        },
        {
          id: 'upgrade-company',
          title: t('Enter the company details', '填写企业信息'),
          detail: t(
            'Enter the enterprise name, the Unified Social Credit Code and the legal representative exactly as on the business license.',
            '按营业执照准确填写企业名称、统一社会信用代码和法定代表人。',
          ),
          kind: 'action',
          fields: [enterpriseNameField, usccField, legalRepresentativeField],
          sourceId: ENT,
        },
        {
          id: 'upgrade-bank-account',
          title: t('Enter the company bank account', '填写对公银行账户'),
          detail: t(
            "Enter the bank and the number of the company's own account, which receives the eSignature verification deposit.",
            '填写公司对公账户的开户银行和账号，电子签约的验证打款将汇入该账户。',
          ),
          kind: 'action',
          fields: [bankNameField, bankAccountField],
          sourceId: ENT,
        },
        {
          id: 'upgrade-deposit-wait',
          title: t('Wait for the verification deposit', '等待验证打款到账'),
          detail: t(
            'Look for the small deposit on the company account statement and note the exact amount.',
            '在对公账户流水中查找这笔小额打款，并记下准确金额。',
          ),
          kind: 'wait',
          sourceId: ENT,
        },
        {
          id: 'upgrade-deposit-amount',
          title: t('Enter the amount received', '回填收到的金额'),
          detail: t(
            'Enter the exact amount. Three wrong submissions within one day block further submissions until the next day.',
            '准确填写打款金额。同一天内提交错误三次，需等到次日才能再次提交。',
          ),
          kind: 'action',
          sourceId: ENT,
        },
        {
          id: 'upgrade-done',
          title: t('Receive the confirmation', '收到认证完成提示'),
          detail: t(
            'The console confirms when the enterprise authentication is done.',
            '控制台提示企业认证完成。',
          ),
          kind: 'check',
          signal: { en: ['Authenticated'], zh: ['已认证'] },
          sourceId: ENT,
        },
      ],
    },
  ],
  pages: [
    {
      // The type choice and, once authenticated, the status with Edit and Upgrade.
      id: 'authentication',
      flows: ['individual', 'enterprise', 'update', 'upgrade'],
      urlPatterns: [
        String.raw`^console\.commsease\.com/#/(?:account/)?(?:authentication|real-name)/?(?:\?.*)?$`,
      ],
      contentSignals: { en: ['Real-Name Authentication'], zh: ['实名认证'] },
      examples: [
        'https://console.commsease.com/#/account/authentication',
        'https://console.commsease.com/#/authentication?from=login',
      ],
    },
    {
      id: 'individual-form',
      flows: ['individual', 'update'],
      urlPatterns: [
        String.raw`^console\.commsease\.com/#/(?:account/)?authentication/(?:individual|personal)(?:[/?].*)?$`,
      ],
      contentSignals: { en: ['Individual Authentication'], zh: ['个人认证'] },
      examples: [
        'https://console.commsease.com/#/account/authentication/individual',
        'https://console.commsease.com/#/account/authentication/personal/step2',
      ],
    },
    {
      id: 'enterprise-form',
      flows: ['enterprise', 'upgrade'],
      urlPatterns: [
        String.raw`^console\.commsease\.com/#/(?:account/)?authentication/(?:enterprise|company)(?:[/?].*)?$`,
      ],
      contentSignals: { en: ['Enterprise Authentication'], zh: ['企业认证'] },
      examples: [
        'https://console.commsease.com/#/account/authentication/enterprise',
        'https://console.commsease.com/#/authentication/company?step=deposit',
      ],
    },
    {
      id: 'update',
      flows: ['update'],
      urlPatterns: [
        String.raw`^console\.commsease\.com/#/(?:account/)?authentication/(?:update|edit)(?:[/?].*)?$`,
      ],
      contentSignals: { en: ['Update authentication information'], zh: ['更新认证信息'] },
      examples: ['https://console.commsease.com/#/account/authentication/update'],
    },
    {
      id: 'upgrade',
      flows: ['upgrade'],
      urlPatterns: [
        String.raw`^console\.commsease\.com/#/(?:account/)?authentication/upgrade(?:[/?].*)?$`,
      ],
      contentSignals: { en: ['Upgrade to Enterprise Authentication'], zh: ['升级为企业认证'] },
      examples: ['https://console.commsease.com/#/account/authentication/upgrade'],
    },
  ],
  locks: [
    {
      id: 'individual-subject-30-days',
      entityType: 'individual',
      days: 30,
      // Upgrading to enterprise stays allowed during the lock (seed 002).
      refuses: ['update'],
      message: t(
        'For 30 days after individual authentication completes, its subject cannot be changed. Upgrading to enterprise authentication is still allowed.',
        '个人实名认证完成后 30 天内不能变更认证主体，但仍可升级为企业认证。',
      ),
      sourceId: IND,
    },
  ],
  irreversible: [
    {
      from: 'enterprise',
      to: 'individual',
      message: t(
        'An enterprise-authenticated CommsEase account can never be changed back to individual authentication.',
        '已完成企业认证的 CommsEase 账号无法再改回个人认证。',
      ),
      sourceId: IND,
    },
  ],
  attemptLimits: [
    {
      id: 'deposit-amount-3-per-day',
      max: 3,
      per: 'day',
      appliesTo: ['esignature-deposit'],
      message: t(
        'Three wrong deposit amounts within one day block further submissions until the next day.',
        '同一天内回填打款金额错误三次，当天将无法再提交，需等到次日。',
      ),
      sourceId: ENT,
    },
  ],
  notes: [
    {
      id: 'ownership',
      text: t(
        'Authentication decides who owns the account and its resources. A company account authenticated with a person’s identity can hurt the business when staff change or the account is disputed, and may cause financial loss.',
        '实名认证决定账号及其资源的归属。公司账号若用个人身份认证，人员变动或账号纠纷可能影响公司业务，甚至造成经济损失。',
      ),
      sourceId: IND,
    },
    {
      id: 'online-auth-help',
      text: t(
        'If you cannot complete authentication online (for example, no bank card from the Chinese mainland), contact your CommsEase Business Manager for help.',
        '无法在线完成认证（例如没有中国内地银行卡）时，请联系你的 CommsEase 商务经理协助。',
      ),
      sourceId: IND,
    },
    {
      id: 'no-review-time',
      text: t(
        'CommsEase publishes no review time for either type; individual authentication completes online.',
        'CommsEase 未公布两种认证的审核时长；个人认证在线即可完成。',
      ),
      sourceId: IND,
    },
  ],
};
