import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../extension/background/index';
import { flushOutbox } from '../../../extension/background/outbox';
import type { Sender } from '../../../extension/background/router';
import { refreshMe, syncChanges } from '../../../extension/background/sync';
import { connect } from '../../../extension/background/team';
import { createRemoteRecordStore } from '../../../extension/records/remote-record-store';
import { recordItem } from '../../../extension/storage';
import { FakeTeam } from '../background/fake-team';
import { API_URL, EDITOR_TOKEN, OWNER_TOKEN, VIEWER_TOKEN } from '../background/support';
import { contentRuntime } from '../support/content-runtime';
import { openOverlay } from '../support/overlay';

// The overlay on a provider page, with its records from the real background (router, storage,
// outbox) connected to an in-memory team API: what a member of each role is offered.

const TENCENT_AUTH = 'https://console.tencentcloud.com/developer/auth';
const KEY = { provider: 'tencentcloud-intl' as const, externalId: '200012345678' };
const tab: Sender = {
  id: browser.runtime.id,
  url: TENCENT_AUTH,
  tab: { id: 5 },
  frameId: 0,
  documentId: 'doc-overlay',
};

let life: AbortController | null = null;
let team: FakeTeam;
beforeEach(() => {
  fakeBrowser.reset();
  team = new FakeTeam();
  team.tokens.set(EDITOR_TOKEN, 'editor');
});
afterEach(() => {
  life?.abort();
  life = null;
});

/** Connects this browser to the team as the token's member. */
async function connectAs(token: string): Promise<void> {
  const connected = await connect({ apiUrl: API_URL, token }, team.deps());
  if (!connected.ok) throw new Error(connected.error.message);
}

/** Opens the panel on the Tencent status page ("Under review") as the content script would. */
async function openPanel(runtime = contentRuntime(tab, () => team.deps())) {
  const o = await openOverlay('tencentcloud-intl/status-under-review.html', TENCENT_AUTH, {
    store: createRemoteRecordStore(runtime),
  });
  life = o.life;
  o.need('vg-launcher').click();
  await vi.waitFor(() => expect(o.byTestId('vg-status')).not.toBeNull());
  return o;
}

const buttonTexts = (root: ShadowRoot) =>
  [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());

/** Answers the decision helper's first question, so its result (and "Use this flow") shows. */
async function decide(o: Awaited<ReturnType<typeof openPanel>>): Promise<void> {
  const owner = o.need('vg-decision').querySelector<HTMLInputElement>('input[value="individual"]');
  if (!owner) throw new Error('no owner question');
  owner.checked = true;
  owner.dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(o.byTestId('vg-decision-result')).not.toBeNull());
}

describe('the overlay for a viewer of the team', () => {
  it('shows the status and checklist without any write action, and says why', async () => {
    await connectAs(VIEWER_TOKEN);
    const o = await openPanel();
    await vi.waitFor(() =>
      expect(o.need('vg-view-only').textContent).toBe('View only: your role is viewer'),
    );
    const buttons = buttonTexts(o.root);
    for (const write of ['I submitted', 'It was approved', 'It was rejected']) {
      expect(buttons).not.toContain(write);
    }
    // The page says "Under review": an editor is offered the update, a viewer is not.
    expect(o.byTestId('vg-status-offer')).toBeNull();
    await decide(o);
    expect(buttonTexts(o.root)).not.toContain('Use this flow');

    // The checklist shows progress but its steps are read-only and do not toggle.
    const [first] = o.all('vg-step');
    if (!first) throw new Error('no checklist step');
    expect(first.getAttribute('aria-readonly')).toBe('true');
    expect(first.getAttribute('aria-disabled')).toBe('true');
    expect(first.hasAttribute('tabindex')).toBe(false);
    first.click();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    // Picking another flow only changes this browser's view (the flow is not team data) and
    // goes through the same queue a tick would: once it is saved, a tick would have been too.
    const picker = o.need<HTMLSelectElement>('vg-flow');
    picker.value = 'enterprise';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () =>
      expect((await recordItem(KEY).getValue())?.flowId).toBe('enterprise'),
    );
    expect((await recordItem(KEY).getValue())?.checklist).toEqual({});
    expect(o.all('vg-step').every((s) => s.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('says it in Chinese too', async () => {
    await connectAs(VIEWER_TOKEN);
    const o = await openPanel();
    await vi.waitFor(() => expect(o.byTestId('vg-view-only')).not.toBeNull());
    o.need('vg-lang-zh').click();
    await vi.waitFor(() =>
      expect(o.need('vg-view-only').textContent).toBe('仅可查看：您的角色是查看者'),
    );
  });
});

describe('the overlay for members who may write', () => {
  it.each([
    ['an editor of the team', EDITOR_TOKEN],
    ['this browser alone (local-only mode)', null],
  ])('offers every action to %s', async (_who, token) => {
    if (token) await connectAs(token);
    const o = await openPanel();
    await vi.waitFor(() => expect(buttonTexts(o.root)).toContain('I submitted'));
    expect(buttonTexts(o.root)).toEqual(
      expect.arrayContaining(['It was approved', 'It was rejected']),
    );
    expect(o.byTestId('vg-view-only')).toBeNull();
    expect(o.byTestId('vg-status-offer')).not.toBeNull();
    await decide(o);
    expect(buttonTexts(o.root)).toContain('Use this flow');
    const [first] = o.all('vg-step');
    first?.click();
    await vi.waitFor(() => expect(o.all('vg-step')[0]?.getAttribute('aria-checked')).toBe('true'));
  });
});

describe('a role changed while the overlay was open', () => {
  it('shows why the team refused the change, then takes the write actions away', async () => {
    // The account exists in the team; this browser is connected as an editor.
    await team
      .api(OWNER_TOKEN)
      .create({ provider: KEY.provider, externalId: KEY.externalId }, 'seed-account');
    await connectAs(EDITOR_TOKEN);
    const deps = team.deps(() => new Date('2026-11-20T02:00:00Z'));
    await syncChanges(deps);
    const runtime = contentRuntime(tab, () => deps);
    // The real background: its record port pushes changes to the open overlay.
    startBackground(deps);
    // Its first run (deliver, sync, read /me) is over before the admin acts.
    await vi.waitFor(() =>
      expect(team.requests.filter((r) => r === 'GET /me').length).toBeGreaterThanOrEqual(2),
    );
    const o = await openPanel(runtime);
    await vi.waitFor(() => expect(buttonTexts(o.root)).toContain('I submitted'));

    // An admin makes this member a viewer; the browser has not heard yet and ticks a step.
    team.tokens.set(EDITOR_TOKEN, 'viewer');
    const first = o.all('vg-step')[0];
    first?.click();
    await vi.waitFor(() => expect(o.all('vg-step')[0]?.getAttribute('aria-checked')).toBe('true'));
    expect(await flushOutbox(deps)).toMatchObject({ refused: 1 });

    // The overlay says why, and shows the team's record (the step unticked) again.
    await vi.waitFor(() =>
      expect(o.need('vg-team-refusal').textContent).toContain('Viewers cannot change accounts.'),
    );
    expect(o.need('vg-team-refusal').textContent).toContain('The team did not accept your change');
    await vi.waitFor(() => expect(o.all('vg-step')[0]?.getAttribute('aria-checked')).toBe('false'));

    // Once the background reads /me again, the new role reaches the open panel.
    await refreshMe(team.deps(() => new Date('2026-11-20T03:00:00Z')));
    await vi.waitFor(() => expect(o.byTestId('vg-view-only')).not.toBeNull());
    expect(buttonTexts(o.root)).not.toContain('I submitted');
    expect(o.byTestId('vg-team-refusal')).not.toBeNull();
  });
});
