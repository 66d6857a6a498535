import { browser } from 'wxt/browser';
import { isOverdue } from '../../shared/dates/index';
import { getPlaybook } from '../../shared/playbooks/index';
import { type Locale, type LocalizedText, pick } from '../../shared/text';
import type { AccountRecord } from '../records/record-store';
import { localeSetting, notifiedItem, teamCache, teamConnection } from '../storage';
import type { Deps } from './context';
import { recordFromAccount } from './diff';
import { localRecords } from './records';

/** How many notification ids are remembered (old ones cannot come back: their dates passed). */
const NOTIFIED_CAP = 2_000;
/** A lock that ended longer ago than this is old news, not worth a notification. */
const LOCK_NEWS_MS = 7 * 24 * 60 * 60 * 1000;
// A plain blue square: notifications need an icon and the extension ships none yet.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR42mOQz39NU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULADO75EzIKS1XAAAAAElFTkSuQmCC';

const T = {
  overdueTitle: { en: 'Review overdue', zh: '审核已超期' },
  overdue: {
    en: '{account}: the review window ended on {date}. Check the console or contact support.',
    zh: '{account}：审核预计在 {date} 前完成，现已超期。请查看控制台或联系客服。',
  },
  lockTitle: { en: 'Lock period ended', zh: '锁定期已结束' },
  lock: {
    en: '{account}: the lock period ended; changes to the verification are possible again.',
    zh: '{account}：锁定期已结束，可以再次变更认证信息。',
  },
} satisfies Record<string, LocalizedText>;

export interface Due {
  id: string;
  title: string;
  message: string;
}

/**
 * What deserves a notification now: reviews past their window's end, and lock periods that
 * ended in the last week. Each has an id made of the account and the date, so the same event
 * is notified once, and a new review or lock later is notified again.
 */
export function dueNotifications(records: AccountRecord[], now: Date, locale: Locale): Due[] {
  const due: Due[] = [];
  const iso = now.toISOString();
  for (const r of records) {
    if (r.externalId === null) continue;
    const name = `${pick(getPlaybook(r.provider).name, locale)} ${r.externalId}`;
    const fill = (text: LocalizedText, date = '') =>
      pick(text, locale).replace('{account}', name).replace('{date}', date);
    if (r.status === 'in_review' && r.reviewWindow && isOverdue(r.reviewWindow, iso)) {
      due.push({
        id: `overdue:${r.provider}:${r.externalId}:${r.submittedAt ?? r.reviewWindow.latest}`,
        title: pick(T.overdueTitle, locale),
        message: fill(T.overdue, r.reviewWindow.latest),
      });
    }
    const ended = r.lockedUntil ? Date.parse(r.lockedUntil) : Number.NaN;
    if (ended <= now.getTime() && now.getTime() - ended < LOCK_NEWS_MS) {
      due.push({
        id: `lock:${r.provider}:${r.externalId}:${r.lockedUntil}`,
        title: pick(T.lockTitle, locale),
        message: fill(T.lock),
      });
    }
  }
  return due;
}

/** Shows the notifications that are due and not shown before; returns their ids. */
export async function notifyDue(deps: Deps): Promise<string[]> {
  const conn = await teamConnection.getValue();
  const records = conn
    ? Object.values((await teamCache.getValue()).accounts).map((a) => recordFromAccount(a, null))
    : await localRecords();
  const setting = await localeSetting.getValue();
  const locale: Locale =
    setting === 'auto' ? (navigator.language.startsWith('zh') ? 'zh' : 'en') : setting;
  const seen = new Set(await notifiedItem.getValue());
  const fresh = dueNotifications(records, deps.now(), locale).filter((d) => !seen.has(d.id));
  if (fresh.length === 0) return [];
  // Remember first: a crash between the two must not show the same notification twice.
  await notifiedItem.setValue([...seen, ...fresh.map((d) => d.id)].slice(-NOTIFIED_CAP));
  for (const d of fresh) {
    await browser.notifications.create(d.id, {
      type: 'basic',
      iconUrl: ICON,
      title: d.title,
      message: d.message,
    });
  }
  return fresh.map((d) => d.id);
}
