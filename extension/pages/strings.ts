import type { LocalizedText } from '../../shared/text';

/** The pages' UI text, English and Simplified Chinese. */
export const S = {
  appName: { en: 'Veriguide', zh: 'Veriguide' },
  optionsTitle: { en: 'Veriguide options', zh: 'Veriguide 设置' },
  team: { en: 'Team', zh: '团队' },
  apiUrl: { en: 'Team API URL', zh: '团队 API 地址' },
  token: { en: 'API token', zh: 'API 令牌' },
  connect: { en: 'Connect', zh: '连接' },
  connecting: { en: 'Checking the token…', zh: '正在验证令牌…' },
  disconnect: { en: 'Disconnect (local-only mode)', zh: '断开（仅本地模式）' },
  connectedAs: { en: 'Connected as', zh: '已连接：' },
  roleLabel: { en: 'role', zh: '角色' },
  localOnly: { en: 'Local-only mode', zh: '仅本地模式' },
  localOnlyHelp: {
    en: 'Everything stays in this browser. Connect to a team later and your records are uploaded.',
    zh: '所有数据只保存在本浏览器中。以后连接团队时，本地记录会上传。',
  },
  language: { en: 'Language', zh: '语言' },
  auto: { en: 'Follow the browser', zh: '跟随浏览器' },
  httpsOnly: {
    en: 'Use https:// (plain http is only for a server on this machine).',
    zh: '请使用 https://（http 仅用于本机服务器）。',
  },
  permissionDenied: {
    en: 'Veriguide needs permission to reach this address.',
    zh: 'Veriguide 需要访问此地址的权限。',
  },
  uploaded: {
    en: 'Local records: {created} uploaded, {matched} matched, {conflicts} conflicts.',
    zh: '本地记录：上传 {created} 条，匹配 {matched} 条，冲突 {conflicts} 条。',
  },
  outbox: { en: 'Waiting to send', zh: '待发送' },
  outboxEmpty: { en: 'Everything is sent.', zh: '全部已发送。' },
  lastSync: { en: 'Last sync', zh: '上次同步' },
  syncNow: { en: 'Sync now', zh: '立即同步' },
  never: { en: 'never', zh: '从未' },
  conflicts: { en: 'Conflicts', zh: '冲突' },
  conflictHelp: {
    en: 'Someone else changed this account before your change arrived. Choose which version to keep.',
    zh: '在您的更改送达之前，其他人修改了此账号。请选择保留哪个版本。',
  },
  mine: { en: 'Mine (this browser)', zh: '我的（本浏览器）' },
  theirs: { en: 'Team (current)', zh: '团队（当前）' },
  keepMine: { en: 'Keep mine', zh: '保留我的' },
  keepTheirs: { en: 'Keep the team’s', zh: '保留团队的' },
  refused: { en: 'Refused changes', zh: '被拒绝的更改' },
  dismiss: { en: 'Dismiss', zh: '关闭' },
  dashboard: { en: 'Dashboard', zh: '仪表板' },
  options: { en: 'Options', zh: '设置' },
  noAccountHere: {
    en: 'Open a provider’s verification page to see its account here.',
    zh: '打开服务商的认证页面后，这里会显示该账号。',
  },
  provider: { en: 'Provider', zh: '服务商' },
  account: { en: 'Account', zh: '账号' },
  status: { en: 'Status', zh: '状态' },
  owner: { en: 'Owner', zh: '负责人' },
  reviewWindow: { en: 'Review window', zh: '审核时间' },
  overdue: { en: 'Overdue', zh: '已超期' },
  lockedUntil: { en: 'Locked until', zh: '锁定至' },
  checklist: { en: 'Checklist', zh: '清单' },
  progress: { en: '{done} of {total} steps', zh: '已完成 {done}/{total} 步' },
  history: { en: 'History', zh: '历史' },
  search: { en: 'Search', zh: '搜索' },
  all: { en: 'All', zh: '全部' },
  anyone: { en: 'Anyone', zh: '任何人' },
  unassigned: { en: 'Unassigned', zh: '未分配' },
  onlyOverdue: { en: 'Only overdue', zh: '仅超期' },
  sortBy: { en: 'Sort by', zh: '排序' },
  updated: { en: 'Updated', zh: '更新时间' },
  exportCsv: { en: 'Export CSV', zh: '导出 CSV' },
  importCsv: { en: 'Import CSV', zh: '导入 CSV' },
  importDone: {
    en: '{created} imported, {errors} rows refused.',
    zh: '已导入 {created} 条，{errors} 行被拒绝。',
  },
  teamOnly: {
    en: 'Import and export go through the team API: connect to a team first.',
    zh: '导入和导出需要通过团队 API：请先连接团队。',
  },
  diagnostics: { en: 'Page-changed diagnostics', zh: '页面变化诊断' },
  noDiagnostics: { en: 'No page changes recorded.', zh: '未记录页面变化。' },
  close: { en: 'Close', zh: '关闭' },
  pending: { en: 'waiting to send', zh: '待发送' },
  iSubmitted: { en: 'I submitted', zh: '我已提交' },
  approved: { en: 'It was approved', zh: '已通过' },
  rejected: { en: 'It was rejected', zh: '被驳回' },
  rejectReason: { en: 'Reason given by the provider', zh: '服务商给出的原因' },
  readOnly: {
    en: 'Your role is viewer: you can see the team’s accounts but not change them.',
    zh: '您的角色是查看者：可以查看团队账号，但不能修改。',
  },
  noAccounts: { en: 'No accounts yet.', zh: '暂无账号。' },
  openDetail: { en: 'Details', zh: '详情' },
} satisfies Record<string, LocalizedText>;

export const STATUS_TEXT: Record<string, LocalizedText> = {
  unverified: { en: 'Not verified', zh: '未认证' },
  in_progress: { en: 'In progress', zh: '进行中' },
  in_review: { en: 'In review', zh: '审核中' },
  verified: { en: 'Verified', zh: '已认证' },
  rejected: { en: 'Rejected', zh: '已驳回' },
};

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
