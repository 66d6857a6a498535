import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground, TICK_ALARM } from '../../../extension/background/index';
import { notifyDue } from '../../../extension/background/notify';
import { putRecord } from '../../../extension/background/records';
import { refreshMe } from '../../../extension/background/sync';
import { connect } from '../../../extension/background/team';
import { notifiedItem, outboxItem, teamConnection } from '../../../extension/storage';
import { FakeTeam } from './fake-team';
import { A, API_URL, edited, OWNER_TOKEN } from './support';

// WXT's fake browser has no runtime.onConnect; the background only adds a listener to it here.
const noEvent = { addListener: () => undefined, removeListener: () => undefined };

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, { onConnect: noEvent });
});

describe('background start', () => {
  it('keeps one periodic alarm that delivers the outbox and notifies an overdue review once', async () => {
    const team = new FakeTeam();
    const deps = team.deps(() => new Date('2026-11-28T00:00:00Z'));
    await connect({ apiUrl: API_URL, token: OWNER_TOKEN }, deps);
    team.online = false;
    await putRecord(A, edited(A, ['a1'], 'in_review', '2026-11-20T01:00:00.000Z'), deps);
    expect((await outboxItem.getValue()).length).toBeGreaterThan(0);

    startBackground(deps);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(TICK_ALARM)).toMatchObject({ periodInMinutes: 1 }),
    );
    // The API comes back; the next alarm delivers what waited, syncs, and sees the review late
    // (the fake team's review window ends 2026-11-25).
    team.online = true;
    await fakeBrowser.alarms.onAlarm.trigger({ name: TICK_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await outboxItem.getValue()).toEqual([]));
    expect(team.byKey(A.provider, A.externalId)?.status).toBe('in_review');
    await vi.waitFor(async () =>
      expect(await notifiedItem.getValue()).toEqual([
        `overdue:${A.provider}:${A.externalId}:2026-11-20T01:00:00.000Z`,
      ]),
    );
    // Later ticks do not show it again.
    expect(await notifyDue(deps)).toEqual([]);
    expect(await notifiedItem.getValue()).toHaveLength(1);
    expect(await fakeBrowser.notifications.getAll()).toHaveProperty(
      `overdue:${A.provider}:${A.externalId}:2026-11-20T01:00:00.000Z`,
    );
  });
});

describe('role changes', () => {
  it('picks up a role an admin changed (editor -> viewer) without reconnecting', async () => {
    const team = new FakeTeam();
    // Later than the other tests' clocks: /me is read again at most every five minutes.
    const deps = team.deps(() => new Date('2027-06-01T00:00:00Z'));
    await connect({ apiUrl: API_URL, token: OWNER_TOKEN }, deps);
    team.tokens.set(OWNER_TOKEN, 'viewer');
    await refreshMe(deps);
    expect((await teamConnection.getValue())?.me.member.role).toBe('viewer');
  });
});
