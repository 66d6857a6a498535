import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushOutbox } from '../../../extension/background/outbox';
import { putRecord } from '../../../extension/background/records';
import { routeMessage, type Sender } from '../../../extension/background/router';
import { connect } from '../../../extension/background/team';
import { FakeTeam } from './fake-team';
import { A, API_URL, EDITOR_TOKEN, edited, OWNER_TOKEN, VIEWER_TOKEN } from './support';

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
    expect(reply).toMatchObject({ ok: true, value: { record: { externalId: A.externalId } } });
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

describe('what a content script learns with its record: may the member write?', () => {
  const access = async (key: object, sender = content(TENCENT)) => {
    const reply = await get(key, sender);
    if (!reply.ok) throw new Error(reply.error.message);
    return (reply.value as { access: { canWrite: boolean; refused: unknown } }).access;
  };
  const connectAs = async (token: string) => {
    team.tokens.set(EDITOR_TOKEN, 'editor');
    const connected = await connect({ apiUrl: API_URL, token }, team.deps());
    if (!connected.ok) throw new Error(connected.error.message);
  };

  it.each([
    ['an owner', true, OWNER_TOKEN],
    ['an editor', true, EDITOR_TOKEN],
    ['a viewer', false, VIEWER_TOKEN],
  ])(
    'connected as %s: canWrite is %s, and the record is given either way',
    async (_who, canWrite, token) => {
      await connectAs(token);
      const reply = await get(A, content(TENCENT));
      expect(reply).toMatchObject({
        ok: true,
        value: { record: { externalId: A.externalId }, access: { canWrite, refused: null } },
      });
    },
  );

  it('in local-only mode (no team) the member may always write', async () => {
    fakeBrowser.reset();
    expect(await access(A)).toEqual({ canWrite: true, refused: null });
    // The answer to a write says so too, with the saved record.
    const put = await routeMessage(
      { type: 'record/put', key: A, record: edited(A, ['local']) },
      content(TENCENT),
      team.deps(),
    );
    expect(put).toMatchObject({
      ok: true,
      value: { record: { checklist: { local: expect.any(String) } }, access: { canWrite: true } },
    });
  });

  it("carries the latest refusal of this account's changes, and no other account's", async () => {
    await connectAs(VIEWER_TOKEN);
    const deps = team.deps();
    await putRecord(A, edited(A, ['mine-a', 'not-allowed']), deps);
    expect(await flushOutbox(deps)).toMatchObject({ refused: 1 });

    expect(await access(A)).toEqual({
      canWrite: false,
      refused: {
        code: 'forbidden',
        message: 'Viewers cannot change accounts.',
        at: expect.any(String),
      },
    });
    // Another page, showing the other account, hears nothing of it.
    expect(await access(OTHER, content(TENCENT, 'doc-2', 8))).toEqual({
      canWrite: false,
      refused: null,
    });
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
