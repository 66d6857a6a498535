import { afterEach, describe, expect, it, vi } from 'vitest';
import { stepOnPage } from '../../../extension/content/overlay/checklist';
import { getPlaybook } from '../../../shared/playbooks';
import { loadFixture } from '../support/fixture';
import { startBareManager } from '../support/manager';

/**
 * Step bars whose current item moves by a class or aria-current only, the text staying as it
 * was (Element UI's el-steps, Tencent's tea-steps): the overlay must notice the move, or the
 * checklist keeps pointing at the step the user has left.
 */

let stops: AbortController[] = [];
afterEach(() => {
  for (const s of stops) s.abort();
  stops = [];
});

/** The manager on `fixture` at `url`, as the content script starts it; `prepare` runs first. */
async function managerOn(fixture: string, url: string, prepare?: () => void) {
  // happy-dom announces a new hash a moment later (which makes the manager read the page):
  // let that pass before starting.
  const addressed =
    new URL(window.location.href).hash === new URL(url).hash
      ? Promise.resolve()
      : new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  loadFixture(fixture, url);
  await addressed;
  prepare?.();
  const stop = new AbortController();
  stops.push(stop);
  return startBareManager(stop.signal);
}

const all = (selector: string): Element[] => [...document.querySelectorAll(selector)];

/**
 * What Element UI does when the console moves to the next step: every status class of the step
 * left becomes is-finish, every one of the next step is-process (head, title, description).
 */
function elementUiAdvance(from: number, to: number): void {
  const steps = all('.el-step');
  for (const el of steps[from]?.querySelectorAll('[class*="is-process"]') ?? []) {
    el.className = el.className.replace('is-process', 'is-finish');
  }
  for (const el of steps[to]?.querySelectorAll('[class*="is-wait"]') ?? []) {
    el.className = el.className.replace('is-wait', 'is-process');
  }
}

describe('a step bar whose current item moves by class only (Element UI el-steps)', () => {
  it('moves the checklist to the step the page now marks current', async () => {
    const manager = await managerOn(
      'commsease/individual-form-steps.html',
      'https://console.commsease.com/#/account/authentication/individual',
    );
    const flow = getPlaybook('commsease').flows.find((f) => f.id === 'individual');
    if (!flow) throw new Error('no individual flow');
    const state = (): { texts: readonly string[]; step: string | undefined } => {
      const texts = manager.current()?.get().texts ?? [];
      return { texts, step: stepOnPage(flow, texts)?.id };
    };
    expect(state().texts).toContain('fill in information');
    expect(state().texts).not.toContain('esignature agreement');
    expect(state().step).toBe('individual-tips-next');

    const textBefore = document.body.textContent;
    elementUiAdvance(0, 1);
    // Only classes moved.
    expect(document.body.textContent).toBe(textBefore);

    await vi.waitFor(() => expect(state().step).toBe('individual-esignature'));
    expect(state().texts).toContain('esignature agreement');
    expect(state().texts).not.toContain('fill in information');
  });
});

/**
 * Tencent's tea-steps marked current by aria-current only, or by a class only: the fixture's
 * bar has both on its current item, one is taken off before the manager starts.
 */
const TENCENT_MARKERS = [
  {
    name: 'aria-current only',
    keepOnly: (): void => {
      for (const el of all('.tea-step')) el.classList.remove('is-current');
    },
    move: (from: Element, to: Element): void => {
      from.removeAttribute('aria-current');
      to.setAttribute('aria-current', 'step');
    },
  },
  {
    name: 'a tea-step--current class only',
    keepOnly: (): void => {
      for (const el of all('.tea-step')) {
        el.removeAttribute('aria-current');
        if (el.classList.contains('is-current')) el.className = 'tea-step tea-step--current';
      }
    },
    move: (from: Element, to: Element): void => {
      from.className = 'tea-step';
      to.className = 'tea-step tea-step--current';
    },
  },
];

describe.each(TENCENT_MARKERS)('a tea-steps bar marked by $name', ({ keepOnly, move }) => {
  it('reads the item the page now marks current, not the one it left', async () => {
    const manager = await managerOn(
      'tencentcloud-intl/individual-form.html',
      'https://console.tencentcloud.com/developer/auth/individual',
      keepOnly,
    );
    const texts = (): readonly string[] => manager.current()?.get().texts ?? [];
    expect(texts()).toContain('enter document information');
    expect(texts()).not.toContain('review');

    const [, current, next] = all('.tea-step');
    if (!current || !next) throw new Error('no step bar');
    move(current, next);

    await vi.waitFor(() => expect(texts()).toContain('review'));
    expect(texts()).not.toContain('enter document information');
    expect(manager.current()?.get().page.id).toBe('individual-form');
  });
});
