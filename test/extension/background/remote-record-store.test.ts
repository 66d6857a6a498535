import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage, type Sender } from '../../../extension/background/router';
import { connect } from '../../../extension/background/team';
import {
  createRemoteRecordStore,
  type RuntimeLike,
} from '../../../extension/records/remote-record-store';
import { recordItem } from '../../../extension/storage';
import type { RecordAccess } from '../../../shared/messages';
import { FakeTeam } from './fake-team';
import { A, API_URL, VIEWER_TOKEN } from './support';

const sender: Sender = {
  id: browser.runtime.id,
  url: 'https://console.tencentcloud.com/developer/auth',
  tab: { id: 3 },
  frameId: 0,
  documentId: 'doc',
};

/** A runtime whose messages reach the real router as if sent from a Tencent console tab. */
const runtimeFor = (team: FakeTeam, from: Sender = sender): RuntimeLike => ({
  sendMessage: (message) => routeMessage(structuredClone(message), from, team.deps()),
  connect: () => {
    throw new Error('not used here');
  },
});

beforeEach(() => fakeBrowser.reset());

describe('remote record store (content script side)', () => {
  it('reads and updates the page’s record through the background, in local-only mode', async () => {
    const store = createRemoteRecordStore(runtimeFor(new FakeTeam()));
    expect((await store.get(A)).status).toBe('unverified');
    await Promise.all([
      store.update(A, (r) => ({
        ...r,
        checklist: { ...r.checklist, one: '2026-11-20T00:00:00Z' },
      })),
      store.update(A, (r) => ({
        ...r,
        checklist: { ...r.checklist, two: '2026-11-20T00:00:00Z' },
      })),
    ]);
    // Both quick changes landed, and they are in extension storage for the next page load.
    expect(Object.keys((await recordItem(A).getValue())?.checklist ?? {}).sort()).toEqual([
      'one',
      'two',
    ]);
  });

  it('fails (and the overlay keeps its fallback) when the background refuses', async () => {
    const store = createRemoteRecordStore(
      runtimeFor(new FakeTeam(), { ...sender, url: 'https://evil.example/' }),
    );
    await expect(store.get(A)).rejects.toThrow(/bad_sender/);
  });
});

describe('what the member may do, as the remote store hears it', () => {
  it('learns it from the answer that brings the record, and tells later listeners at once', async () => {
    const team = new FakeTeam();
    const connected = await connect({ apiUrl: API_URL, token: VIEWER_TOKEN }, team.deps());
    expect(connected.ok).toBe(true);
    const store = createRemoteRecordStore(runtimeFor(team));
    const heard: RecordAccess[] = [];
    const stop = store.watchAccess(A, (access) => heard.push(access));
    // Nothing is assumed before the background has answered.
    expect(heard).toEqual([]);
    await store.get(A);
    expect(heard).toEqual([{ canWrite: false, refused: null }]);
    const late: RecordAccess[] = [];
    store.watchAccess(A, (access) => late.push(access));
    expect(late).toEqual([{ canWrite: false, refused: null }]);
    stop();
    await store.get(A);
    expect(heard).toHaveLength(1);
  });
});

describe('remote record store when the background is just starting', () => {
  it('tries again while nobody listens yet, then answers', async () => {
    fakeBrowser.reset();
    const inner = runtimeFor(new FakeTeam());
    let refusals = 2;
    const store = createRemoteRecordStore({
      ...inner,
      sendMessage: (message) => {
        if (refusals-- > 0) {
          return Promise.reject(
            new Error('Could not establish connection. Receiving end does not exist.'),
          );
        }
        return inner.sendMessage(message);
      },
    });
    expect((await store.get(A)).externalId).toBe(A.externalId);
  });
});
