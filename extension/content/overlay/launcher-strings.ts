import { t } from '../../../shared/playbooks/text';

/** The launcher's texts: apart from the panel's (strings.ts), so the content script carries only these. */
export const LAUNCHER_STRINGS = {
  appName: t('Veriguide', 'Veriguide 认证助手'),
  openPanel: t('Open Veriguide verification guide', '打开 Veriguide 认证指引'),
  status: {
    unverified: t('Not verified', '未认证'),
    in_progress: t('In progress', '认证中'),
    in_review: t('Under review', '审核中'),
    verified: t('Verified', '已认证'),
    rejected: t('Rejected', '已驳回'),
  },
  reviewShort: t('review', '审核'),
  estimateMark: t('(estimate)', '（估算）'),
  overdueShort: t('overdue', '已超期'),
  driftTitle: t('This page has changed', '页面已变化'),
};
