import { labelledValue, normalize } from '../page-text';
import { type ProviderAnchors, type ShownStatus, statusFromText } from './types';

/** Tencent account ids (UIN) are long numbers. */
const ACCOUNT_ID = /\b\d{5,20}\b/;

/** Status words the console uses (English and Chinese), by the status they mean. */
const STATUS_WORDS = {
  in_review: ['Under review', 'Reviewing', 'Pending review', '审核中', '认证审核中', '待审核'],
  verified: ['Verified', 'Verification passed', 'Approved', '已认证', '认证通过', '已通过'],
  rejected: ['Rejected', 'Verification failed', 'Not approved', '认证失败', '审核未通过', '已驳回'],
} as const;

export const tencentcloudIntlAnchors: ProviderAnchors = {
  provider: 'tencentcloud-intl',
  accountId(doc) {
    return (
      // Top bar account menu, English console: "Account ID: 2000…"
      // (fixtures type-choice.html, individual-form.html, status-*.html).
      // Chinese console: "账号ID：2000…" (fixtures individual-form-zh.html, status-verified-zh.html).
      // Basic Information page lists it as "Account ID" / "账号 ID" / "UIN" in a row.
      labelledValue(doc, ['Account ID', '账号ID', '账号 ID', '主账号ID', 'UIN'], ACCOUNT_ID)
    );
  },
  pageStatus(doc) {
    // Basic Information: "Verification Status" row (fixtures status-under-review.html,
    // status-verified.html) and "认证状态" (status-verified-zh.html).
    const labelled = labelledValue(
      doc,
      ['Verification Status', 'Identity Verification Status', '认证状态', '实名认证状态'],
      /\S[^\n]*/,
    );
    const fromRow = labelled ? statusFromText(labelled, STATUS_WORDS) : null;
    if (fromRow) return fromRow;
    // A status badge without a row label (older layout): an element whose class names a
    // status and whose whole text is a status word.
    for (const el of doc.querySelectorAll('[class*="status"]')) {
      const found: ShownStatus | null = statusFromText(
        normalize(el.textContent ?? ''),
        STATUS_WORDS,
      );
      if (found) return found;
    }
    return null;
  },
};
