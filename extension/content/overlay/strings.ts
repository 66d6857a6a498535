import { t } from '../../../shared/playbooks/text';
import { LAUNCHER_STRINGS } from './launcher-strings';

/** Every text the launcher and panel show, in English and Simplified Chinese. */
export const S = {
  ...LAUNCHER_STRINGS,
  panelTitle: t('Verification guide', '认证指引'),
  close: t('Close', '关闭'),
  language: t('Language', '语言'),
  account: t('Account', '账号'),
  accountUnknown: t(
    'Account id not shown on this page: progress is kept for this provider.',
    '此页面未显示账号 ID：进度按服务商保存。',
  ),
  entity: {
    individual: t('Individual', '个人'),
    enterprise: t('Enterprise', '企业'),
    unknown: t('Type not known', '类型未知'),
  },
  statusHeading: t('Status', '状态'),
  reviewWindow: t('Review expected', '预计审核完成'),
  estimate: t('estimate: no holiday calendar for that year yet', '估算：该年份节假日安排尚未公布'),
  overdue: t(
    'Overdue: the review window has passed. Contact the provider.',
    '已超期：已超过预计审核时间，请联系服务商。',
  ),
  lockEnd: t('Changes locked until', '变更锁定至'),
  submittedAt: t('Submitted', '提交于'),
  rejectedReason: t('Rejection reason', '驳回原因'),
  iSubmitted: t('I submitted', '我已提交'),
  approved: t('It was approved', '已通过'),
  rejected: t('It was rejected', '被驳回'),
  rejectReasonLabel: t(
    'Why was it rejected? (the provider’s message, no document numbers)',
    '驳回原因（服务商的说明，请勿填写证件号码）',
  ),
  reasonHasPii: t(
    'The reason contains what looks like a document or bank card number. Leave the number out: Veriguide never stores one.',
    '原因中似乎包含证件号码或银行卡号。请去掉号码：Veriguide 从不保存此类号码。',
  ),
  saveRejection: t('Save rejection', '保存驳回'),
  cancel: t('Cancel', '取消'),
  pageSays: t('This page says', '页面显示'),
  updateTo: t('Update status to', '将状态更新为'),
  refused: t('Not changed', '未更改'),
  viewOnly: t('View only: your role is viewer', '仅可查看：您的角色是查看者'),
  teamRefused: t('The team did not accept your change', '团队未接受您的更改'),
  driftBody: t(
    'Some parts of this page were not found where Veriguide expected them, so tips may be missing. The checklist still works.',
    'Veriguide 没有在预期位置找到页面的部分内容，字段提示可能缺失；清单仍可使用。',
  ),
  decisionHeading: t('Which verification fits?', '该选哪种认证？'),
  qOwner: t('Who owns the account and its resources?', '账号及其资源归谁所有？'),
  ownerIndividual: t('A person', '个人'),
  ownerOrganization: t('A company or organization', '公司或组织'),
  qVat: t('Do you need special VAT invoices?', '是否需要增值税专用发票？'),
  qSms: t('Do you need to buy SMS packs?', '是否需要购买短信套餐包？'),
  qMainland: t('Will you buy resources in the Chinese mainland?', '是否要购买中国大陆地域的资源？'),
  qDocument: t('Which document do you hold?', '您持有哪种证件？'),
  qBankCard: t(
    'Do you hold a bank card issued in the Chinese mainland?',
    '是否持有中国大陆银行卡？',
  ),
  qRegion: t('Where is the account registered?', '账号注册地区？'),
  notSure: t('Not sure', '不确定'),
  yes: t('Yes', '是'),
  no: t('No', '否'),
  regionMainland: t('Chinese mainland', '中国大陆'),
  regionHkMacaoTaiwan: t('Hong Kong, Macao or Taiwan', '港澳台'),
  regionInternational: t('Elsewhere (international)', '其他国家或地区'),
  recommended: t('Recommended', '推荐'),
  methods: t('Methods', '认证方式'),
  documents: t('Documents', '所需证件'),
  blockers: t('Blockers', '阻碍'),
  warnings: t('Warnings', '注意'),
  reasons: t('Why', '原因'),
  source: t('source', '来源'),
  useFlow: t('Use this flow', '使用此流程'),
  flowSaved: t('Saved: the checklist follows this flow.', '已保存：清单将按此流程进行。'),
  checklistHeading: t('Checklist', '清单'),
  flow: t('Flow', '流程'),
  progress: t('{done} of {total}', '{done} / {total}'),
  currentStep: t('this page', '当前页面'),
  decisionIsNewer: t('The decision helper recommends another flow.', '认证建议推荐了另一个流程。'),
} as const;

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
