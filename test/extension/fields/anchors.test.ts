import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentCheck } from '../../../extension/content/features/document-check';
import { fieldTips } from '../../../extension/content/features/field-tips';
import { findFields } from '../../../extension/content/fields/find-field';
import { pageFieldAnchors } from '../../../extension/content/fields/page-anchors';
import { DRIFT_GRACE_MS, watchFields } from '../../../extension/content/fields/watch-fields';
import { getPlaybook } from '../../../shared/playbooks';
import type { PageRule, ProviderId } from '../../../shared/playbooks/schema';
import { loadFixture, makeContext } from './support';

/**
 * The real playbooks' field anchors against the saved provider pages: every field a form page
 * shows is found by its label, and nothing is reported as drift there.
 */
const CASES: [ProviderId, string, string, Record<string, string>][] = [
  [
    'commsease',
    'individual-form',
    'commsease/individual-form.html',
    { 'id-type': 'idType', name: 'realName', 'id-number': 'idNumber' },
  ],
  [
    'commsease',
    'individual-form',
    'commsease/individual-form-zh.html',
    { 'id-type': 'idType', name: 'realName', 'id-number': 'idNumber' },
  ],
  [
    'commsease',
    'enterprise-form',
    'commsease/enterprise-form.html',
    {
      'enterprise-name': 'companyName',
      uscc: 'creditCode',
      'legal-representative': 'legalPerson',
      'bank-name': 'bankName',
      'bank-account': 'bankAccount',
    },
  ],
  [
    'tencentcloud-intl',
    'individual-form',
    'tencentcloud-intl/individual-form.html',
    {
      'document-type': 'doc-type',
      name: 'name',
      'document-number': 'doc-no',
      address: 'address',
      'document-photo': 'photo',
    },
  ],
  [
    'tencentcloud-intl',
    'organization-form',
    'tencentcloud-intl/organization-form.html',
    {
      'enterprise-name': 'org-name',
      'registration-number': 'reg-no',
      'business-license': 'license',
    },
  ],
  [
    'tencentcloud-intl',
    'modify-verification',
    'tencentcloud-intl/change.html',
    {
      'enterprise-name': 'org-name',
      'registration-number': 'reg-no',
      'registration-document': 'reg-doc',
    },
  ],
];

afterEach(() => {
  vi.useRealTimers();
});

describe.each(CASES)('%s %s on %s', (provider, pageId, fixture, expected) => {
  const playbook = getPlaybook(provider);
  const page = playbook.pages.find((p) => p.id === pageId) as PageRule;

  it('finds every field the page shows by its label', () => {
    expect(page).toBeDefined();
    loadFixture(fixture);
    const found = findFields(
      document,
      pageFieldAnchors(playbook, page).map((a) => a.anchor),
    );
    expect(Object.fromEntries([...found].map(([id, f]) => [id, f.control.id]))).toEqual(expected);
  });

  it('reports no drift', () => {
    vi.useFakeTimers();
    loadFixture(fixture);
    const ctx = makeContext(playbook, page);
    watchFields(ctx, {
      anchors: pageFieldAnchors(playbook, page),
      reportDrift: true,
      onChange() {},
    });
    vi.advanceTimersByTime(DRIFT_GRACE_MS);
    expect(ctx.reportDrift).not.toHaveBeenCalled();
    ctx.controller.abort();
  });
});

describe('pages without form fields', () => {
  it.each<[ProviderId, string, string]>([
    ['commsease', 'authentication', 'commsease/type-choice.html'],
    ['commsease', 'authentication', 'commsease/status.html'],
    ['tencentcloud-intl', 'identity-verification', 'tencentcloud-intl/type-choice.html'],
  ])('%s %s (%s) reports no drift', (provider, pageId, fixture) => {
    vi.useFakeTimers();
    const playbook = getPlaybook(provider);
    const page = playbook.pages.find((p) => p.id === pageId) as PageRule;
    loadFixture(fixture);
    const ctx = makeContext(playbook, page);
    watchFields(ctx, {
      anchors: pageFieldAnchors(playbook, page),
      reportDrift: true,
      onChange() {},
    });
    vi.advanceTimersByTime(DRIFT_GRACE_MS);
    expect(ctx.reportDrift).not.toHaveBeenCalled();
    ctx.controller.abort();
  });

  it('the redesigned Tencent form (labels match no anchor) is reported as drift', () => {
    vi.useFakeTimers();
    const playbook = getPlaybook('tencentcloud-intl');
    const page = playbook.pages.find((p) => p.id === 'individual-form') as PageRule;
    loadFixture('tencentcloud-intl/individual-form-drift.html');
    const ctx = makeContext(playbook, page);
    watchFields(ctx, {
      anchors: pageFieldAnchors(playbook, page),
      reportDrift: true,
      onChange() {},
    });
    vi.advanceTimersByTime(DRIFT_GRACE_MS);
    expect(ctx.reportDrift).toHaveBeenCalledWith('field:document-type');
    ctx.controller.abort();
  });
});

describe('the field features share one watch per page', () => {
  it('reports each missing anchor once, with the tips and the check both running', () => {
    vi.useFakeTimers();
    const playbook = getPlaybook('tencentcloud-intl');
    const page = playbook.pages.find((p) => p.id === 'individual-form') as PageRule;
    loadFixture('tencentcloud-intl/individual-form-drift.html');
    const ctx = makeContext(playbook, page);
    fieldTips.init(ctx);
    documentCheck.init(ctx);
    vi.advanceTimersByTime(DRIFT_GRACE_MS);
    const reported = ctx.reportDrift.mock.calls.map(([anchor]) => anchor);
    expect(reported.length).toBeGreaterThan(0);
    expect(new Set(reported).size).toBe(reported.length);
    ctx.controller.abort();
  });
});
