import { describe, expect, it } from 'vitest';
import { commseaseAnchors } from '../../../extension/content/anchors/commsease';
import { tencentcloudIntlAnchors } from '../../../extension/content/anchors/tencentcloud-intl';
import { loadFixture } from '../support/fixture';

// Every anchor alternative is tied to the fixture of the page variant it covers.
describe('Tencent Cloud International anchors', () => {
  it.each([
    ['tencentcloud-intl/type-choice.html', '200012345678'],
    ['tencentcloud-intl/individual-form.html', '200012345678'],
    ['tencentcloud-intl/status-verified.html', '200012345678'],
    ['tencentcloud-intl/individual-form-zh.html', '200087654321'],
    ['tencentcloud-intl/status-verified-zh.html', '200087654321'],
    ['tencentcloud-intl/individual-form-drift.html', null],
  ])('reads the account id on %s', (fixture, id) => {
    expect(tencentcloudIntlAnchors.accountId(loadFixture(fixture))).toBe(id);
  });

  it.each([
    ['tencentcloud-intl/status-under-review.html', 'in_review', 'Under review'],
    ['tencentcloud-intl/status-verified.html', 'verified', 'Verified'],
    ['tencentcloud-intl/status-verified-zh.html', 'verified', '已认证'],
  ])('reads the status on %s', (fixture, status, text) => {
    expect(tencentcloudIntlAnchors.pageStatus(loadFixture(fixture))).toEqual({ status, text });
  });

  it.each([
    'tencentcloud-intl/type-choice.html',
    'tencentcloud-intl/individual-form.html',
    'tencentcloud-intl/change.html',
  ])('states no status on %s', (fixture) => {
    expect(tencentcloudIntlAnchors.pageStatus(loadFixture(fixture))).toBeNull();
  });
});

describe('CommsEase anchors', () => {
  it.each([
    'commsease/type-choice.html',
    'commsease/individual-form.html',
    'commsease/individual-form-zh.html',
    'commsease/status.html',
  ])('reads the account at the upper right on %s', (fixture) => {
    expect(commseaseAnchors.accountId(loadFixture(fixture))).toBe('ops-team@example.com');
  });

  it.each([
    ['commsease/status.html', 'verified', 'Authenticated'],
    ['commsease/status-in-review.html', 'in_review', 'Under review'],
  ])('reads the status on %s', (fixture, status, text) => {
    expect(commseaseAnchors.pageStatus(loadFixture(fixture))).toEqual({ status, text });
  });

  it.each(['commsease/type-choice.html', 'commsease/individual-form.html'])(
    'states no status on %s',
    (fixture) => {
      expect(commseaseAnchors.pageStatus(loadFixture(fixture))).toBeNull();
    },
  );
});
