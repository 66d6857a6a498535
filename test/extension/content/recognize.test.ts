import { describe, expect, it } from 'vitest';
import { structuralTexts } from '../../../extension/content/page-text';
import { CONTENT_PLAYBOOKS } from '../../../extension/content/providers';
import { pageMatchesUrl, recognise } from '../../../extension/content/recognize';
import { loadFixture, renderTemplate } from '../support/fixture';

const emptyPage = (): Document => {
  document.title = '';
  document.body.replaceChildren();
  return document;
};

describe('page predicates by URL', () => {
  const cases = CONTENT_PLAYBOOKS.flatMap((playbook) =>
    playbook.pages.flatMap((page) => page.examples.map((example) => ({ playbook, page, example }))),
  );

  it.each(cases.map((c) => [c.playbook.id, c.page.id, c.example, c] as const))(
    '%s %s: %s matches its own page only',
    (_p, _id, example, { playbook, page }) => {
      const url = new URL(example);
      expect(pageMatchesUrl(page, url)).toBe(true);
      const others = playbook.pages.filter((p) => p !== page && pageMatchesUrl(p, url));
      expect(others.map((p) => p.id)).toEqual([]);
      expect(recognise(CONTENT_PLAYBOOKS, url, emptyPage())).toMatchObject({
        page: { id: page.id },
        by: 'url',
      });
    },
  );

  it('does not recognise another host, or a console page without signals', () => {
    expect(
      recognise(CONTENT_PLAYBOOKS, new URL('https://example.com/developer/auth'), emptyPage()),
    ).toBeNull();
    expect(
      recognise(
        CONTENT_PLAYBOOKS,
        new URL('https://console.tencentcloud.com/cvm/overview'),
        emptyPage(),
      ),
    ).toBeNull();
  });
});

describe('page predicates by content (a path the playbook does not know)', () => {
  it.each([
    [
      'tencentcloud-intl/type-choice.html',
      'https://console.tencentcloud.com/v2/verify',
      'tencentcloud-intl',
      'identity-verification',
    ],
    [
      'tencentcloud-intl/individual-form-zh.html',
      'https://console.tencentcloud.com/v2/verify',
      'tencentcloud-intl',
      'identity-verification',
    ],
    [
      'tencentcloud-intl/change.html',
      'https://console.tencentcloud.com/account/x',
      'tencentcloud-intl',
      'modify-verification',
    ],
    [
      'tencentcloud-intl/individual-form-drift.html',
      'https://console.tencentcloud.com/v3/auth',
      'tencentcloud-intl',
      'identity-verification',
    ],
    [
      'commsease/type-choice.html',
      'https://console.commsease.com/#/new/auth',
      'commsease',
      'authentication',
    ],
    [
      'commsease/individual-form.html',
      'https://console.commsease.com/#/new/auth',
      'commsease',
      'individual-form',
    ],
    [
      'commsease/individual-form-zh.html',
      'https://console.commsease.com/#/new/auth',
      'commsease',
      'individual-form',
    ],
    [
      'commsease/enterprise-form.html',
      'https://console.commsease.com/#/new/auth',
      'commsease',
      'enterprise-form',
    ],
    [
      'commsease/update-dialog.html',
      'https://console.commsease.com/#/new/auth',
      'commsease',
      'update',
    ],
    [
      'commsease/upgrade-dialog.html',
      'https://console.commsease.com/#/new/auth',
      'commsease',
      'upgrade',
    ],
    [
      'commsease/status.html',
      'https://console.commsease.com/#/new/auth',
      'commsease',
      'authentication',
    ],
  ])('%s at %s is %s %s', (fixture, url, provider, pageId) => {
    const doc = loadFixture(fixture, url);
    expect(recognise(CONTENT_PLAYBOOKS, new URL(url), doc)).toMatchObject({
      playbook: { id: provider },
      page: { id: pageId },
      by: 'content',
    });
  });

  it('the single-page app is a verification page on its auth route and not on its overview', () => {
    const doc = loadFixture(
      'tencentcloud-intl/spa.html',
      'https://console.tencentcloud.com/overview',
    );
    renderTemplate('route-overview', 'app');
    expect(recognise(CONTENT_PLAYBOOKS, new URL(doc.location.href), doc)).toBeNull();
    renderTemplate('route-auth', 'app');
    expect(recognise(CONTENT_PLAYBOOKS, new URL(doc.location.href), doc)?.page.id).toBe(
      'identity-verification',
    );
  });
});

describe('page texts', () => {
  it("read the page's own open shadow roots (web-component forms)", () => {
    const doc = loadFixture(
      'commsease/individual-form-shadow.html',
      'https://console.commsease.com/#/new/auth',
    );
    expect(structuralTexts(doc, 'names')).toContain('id type');
  });

  it('never read our own overlay as page content', () => {
    const doc = loadFixture('commsease/status.html', 'https://console.commsease.com/#/x');
    const ours = doc.createElement('veriguide-overlay');
    ours.innerHTML = '<h2>Enterprise Authentication</h2>';
    doc.documentElement.append(ours);
    expect(structuralTexts(doc, 'names')).not.toContain('enterprise authentication');
    ours.remove();
  });
});
