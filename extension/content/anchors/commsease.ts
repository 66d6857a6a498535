import { labelledValue, normalize } from '../page-text';
import { type ProviderAnchors, type ShownStatus, statusFromText } from './types';

/** A CommsEase login: an e-mail address or an account name. */
const ACCOUNT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z0-9_.-]{3,64}/;

const STATUS_WORDS = {
  in_review: ['Under review', 'Reviewing', 'Pending', '审核中', '认证中', '待审核'],
  verified: ['Authenticated', 'Verified', 'Certified', '已认证', '认证成功', '已实名'],
  rejected: ['Rejected', 'Authentication failed', 'Failed', '认证失败', '审核未通过', '已驳回'],
} as const;

export const commseaseAnchors: ProviderAnchors = {
  provider: 'commsease',
  accountId(doc) {
    // The account shown at the upper right of every console page, in the user drop-down
    // (seed 002: "the upper-right corner of your account"; fixtures commsease/*.html,
    // `.ne-user-name`). Class names differ between console versions, so any user/account
    // name element inside the page header counts.
    const header = doc.querySelector(
      'header, [class*="header"], [class*="topbar"], [class*="navbar"]',
    );
    const named = header?.querySelector(
      '[class*="user-name"], [class*="username"], [class*="account-name"], [class*="user-info"] [title]',
    );
    const text = named?.textContent?.trim();
    const match = text ? text.match(ACCOUNT) : null;
    if (match) return match[0];
    // Account Center layout: an "Account" / "账号" row (no fixture variant seen yet).
    return labelledValue(doc, ['Account', 'Account ID', '账号', '账号ID'], ACCOUNT);
  },
  pageStatus(doc) {
    // Real-Name Authentication page, "Status" row (fixtures status.html, status-in-review.html).
    const labelled = labelledValue(
      doc,
      ['Status', 'Authentication Status', '认证状态', '状态'],
      /\S[^\n]*/,
    );
    const fromRow = labelled ? statusFromText(labelled, STATUS_WORDS) : null;
    if (fromRow) return fromRow;
    // Badge-only layout: `auth-status__state`-like elements (fixture status.html).
    for (const el of doc.querySelectorAll('[class*="status"], [class*="state"]')) {
      const found: ShownStatus | null = statusFromText(
        normalize(el.textContent ?? ''),
        STATUS_WORDS,
      );
      if (found) return found;
    }
    return null;
  },
};
