import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushOutbox } from '../../../extension/background/outbox';
import { putRecord } from '../../../extension/background/records';
import { routeMessage, type Sender } from '../../../extension/background/router';
import { connect } from '../../../extension/background/team';
import { FakeTeam } from './fake-team';
import { A, API_URL, edited, OWNER_TOKEN } from './support';

const OTHER = { provider: 'tencentcloud-intl' as const, externalId: '200000000999' };

/** A content script's sender: our extension, a tab, a page URL, one document. */
const content = (url: string, documentId = 'doc-1', tabId = 7): Sender => ({
  id: browser.runtime.id,
  url,
  tab: { id: tabId },
  frameId: 0,
  documentId,
});
const TENCENT = 'https://console.tencentcloud.com/developer/auth';
const page: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };

let team: FakeTeam;
beforeEach(async () => {
  fakeBrowser.reset();
  team = new FakeTeam();
  const deps = team.deps();
  await connect({ apiUrl: API_URL, token: OWNER_TOKEN }, deps);
  // The team has two Tencent accounts, with progress on each.
  await putRecord(A, edited(A, ['mine-a']), deps);
  await putRecord(OTHER, edited(OTHER, ['secret-b']), deps);
  await flushOutbox(deps);
});

const get = (key: object, sender: Sender) =>
  routeMessage({ type: 'record/get', key }, sender, team.deps());

describe('messages from content scripts', () => {
  it("answers a provider page with its own account's record", async () => {
    const reply = await get(A, content(TENCENT));
    expect(reply).toMatchObject({ ok: true, value: { externalId: A.externalId } });
    expect(JSON.stringify(reply)).toContain('mine-a');
  });

  it('gives nothing about another account to a page that showed one account', async () => {
    await get(A, content(TENCENT));
    const reply = await get(OTHER, content(TENCENT));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(reply)).not.toContain('secret-b');
    // Nor may it write to it.
    const put = await routeMessage(
      { type: 'record/put', key: OTHER, record: edited(OTHER, []) },
      content(TENCENT),
      team.deps(),
    );
    expect(put.ok).toBe(false);
    // Another page (another document) showing that account does get it.
    expect(await get(OTHER, content(TENCENT, 'doc-2', 8))).toMatchObject({ ok: true });
  });

  it.each([
    ['a page that is not a provider console', content('https://evil.example/auth')],
    ['a console of another provider', content('https://console.commsease.com/auth')],
    ['another extension', { ...content(TENCENT), id: 'someone-else' }],
    ['no tab (e.g. a worker of the page)', { id: browser.runtime.id, url: TENCENT }],
  ])('refuses %s', async (_what, sender) => {
    const reply = await get(A, sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_sender' } });
    expect(JSON.stringify(reply)).not.toContain('mine-a');
  });

  it.each([
    ['a page request', { type: 'state/get' }],
    ['team settings', { type: 'team/connect', apiUrl: 'https://x.test', token: 'vg_12345678' }],
    ['the account list', { type: 'accounts/list' }],
    ['an unknown field', { type: 'record/get', key: A, all: true }],
    ['a malformed key', { type: 'record/get', key: { provider: 'nope', externalId: 1 } }],
    [
      'a record with extra data',
      { type: 'record/put', key: A, record: { ...edited(A, []), x: 1 } },
    ],
    ['no message at all', undefined],
  ])('refuses %s from a content script', async (_what, message) => {
    const reply = await routeMessage(message, content(TENCENT), team.deps());
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_message' } });
  });
});

describe('messages from extension pages', () => {
  it('shows the connection with the token reduced to vg_…last4', async () => {
    const reply = await routeMessage({ type: 'state/get' }, page, team.deps());
    expect(reply).toMatchObject({ ok: true, value: { connection: { tokenHint: 'vg_…0001' } } });
    expect(JSON.stringify(reply)).not.toContain(OWNER_TOKEN);
  });

  it('lists every team account for the dashboard', async () => {
    const reply = await routeMessage({ type: 'accounts/list' }, page, team.deps());
    expect(reply.ok && (reply.value as unknown[]).length).toBe(2);
  });

  it('refuses a page of another origin', async () => {
    const reply = await routeMessage(
      { type: 'state/get' },
      { id: browser.runtime.id, url: 'https://evil.example/dashboard.html' },
      team.deps(),
    );
    expect(reply.ok).toBe(false);
  });
});
