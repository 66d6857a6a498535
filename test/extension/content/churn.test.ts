import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANCHORS } from '../../../extension/content/anchors';
import type { ProviderAnchors } from '../../../extension/content/anchors/types';
import { fieldTips } from '../../../extension/content/features/field-tips';
import * as findField from '../../../extension/content/fields/find-field';
import { pageFieldAnchors } from '../../../extension/content/fields/page-anchors';
import { watchFields } from '../../../extension/content/fields/watch-fields';
import { FULL_LOOK_MAX_MS, isRelevantMutation } from '../../../extension/content/page-text';
import { getPlaybook } from '../../../shared/playbooks';
import type { PageRule, Playbook } from '../../../shared/playbooks/schema';
import { loadFixture as loadFormFixture, makeContext, shadowOf } from '../fields/support';
import { page, testPlaybook } from '../fields/test-playbook';
import { loadFixture } from '../support/fixture';
import { startBareManager } from '../support/manager';

// Counts field scans without changing them (ESM exports cannot be spied on in place).
vi.mock('../../../extension/content/fields/find-field', async (original) => {
  const real = await original<typeof import('../../../extension/content/fields/find-field')>();
  return { ...real, findFields: vi.fn(real.findFields) };
});

/**
 * The dashboard's section, on the page from the start as in the bench fixture; `landmark` wraps
 * it as a console's layout does (bench/fixtures/churn-landmark.html).
 */
function addChurnList(landmark?: string): void {
  const section = document.createElement('section');
  section.innerHTML = '<h3>Recent operations</h3><ul id="churn-list"></ul>';
  if (!landmark) {
    document.body.append(section);
    return;
  }
  const holder = document.createElement('div');
  holder.innerHTML = landmark;
  const wrapper = holder.firstElementChild;
  if (!wrapper) throw new Error(`no element in ${landmark}`);
  wrapper.append(section);
  document.body.append(wrapper);
}

/**
 * A polling dashboard elsewhere on the page (as bench/fixtures/churn.html): a list of `rows`
 * rows (100) re-rendered every 50 ms, then `extra(tick)` (what the dashboard starts showing).
 * Resolves after `ms`, or once `stop` aborts, with the renders it made.
 */
function churn(
  ms: number,
  o: { extra?: (tick: number) => string; rows?: number; stop?: AbortSignal; flip?: boolean } = {},
): Promise<number> {
  const list = document.getElementById('churn-list');
  let tick = 0;
  return new Promise((resolve) => {
    const render = (): void => {
      tick += 1;
      // `flip`: the rows stay, a third of them active in turn (class="op-row is-active"), as a
      // list that highlights what runs does.
      if (o.flip && list && list.children.length > 0) {
        for (const [i, row] of [...list.children].entries()) {
          row.className = (tick + i) % 3 === 0 ? 'op-row is-active' : 'op-row';
        }
        return;
      }
      const html: string[] = [];
      for (let i = 0; i < (o.rows ?? 100); i++) {
        html.push(
          `<li class="op-row"><span class="op-id">op-${tick}-${i}</span> <span class="op-state">${(tick + i) % 3 === 0 ? 'running' : 'done'}</span></li>`,
        );
      }
      if (list) list.innerHTML = html.join('') + (o.extra?.(tick) ?? '');
    };
    const interval = setInterval(render, 50);
    const end = (): void => {
      clearInterval(interval);
      clearTimeout(timeout);
      resolve(tick);
    };
    const timeout = setTimeout(end, ms);
    o.stop?.addEventListener('abort', end, { once: true });
  });
}

/**
 * The manager on the CommsEase form, with a list that churns (inside `landmark` if given), as the
 * content script starts it; `anchors` replaces the real ones (to count reads).
 */
async function managerOnChurningPage(
  o: { landmark?: string; anchors?: Partial<Record<'commsease', ProviderAnchors>> } = {},
) {
  const url = 'https://console.commsease.com/#/account/authentication/individual';
  // happy-dom announces a new address a moment later: let that pass before starting.
  const addressed =
    window.location.href === url
      ? Promise.resolve()
      : new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  loadFixture('commsease/individual-form.html', url);
  await addressed;
  addChurnList(o.landmark);
  const stop = new AbortController();
  stops.push(stop);
  return startBareManager(stop.signal, o.anchors);
}

const playbookPage = (playbook: Playbook, id: string): PageRule => {
  const found = playbook.pages.find((p) => p.id === id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
};

/** The fields whose tip is shown. */
const tipFields = (): (string | null)[] =>
  [...(shadowOf('veriguide-field-tips')?.querySelectorAll('[data-testid="vg-hint"]') ?? [])].map(
    (tip) => tip.getAttribute('data-field'),
  );

let stops: AbortController[] = [];
afterEach(() => {
  for (const s of stops) s.abort();
  stops = [];
  vi.mocked(findField.findFields).mockClear();
});

describe('a page that churns an unrelated list', () => {
  it('is not recognised again while the list re-renders, and a status shown later still is', async () => {
    // happy-dom announces the new address a moment later: let that pass before counting.
    const addressed = new Promise((resolve) =>
      window.addEventListener('hashchange', resolve, { once: true }),
    );
    loadFixture(
      'commsease/individual-form.html',
      'https://console.commsease.com/#/account/authentication/individual',
    );
    await addressed;
    addChurnList();
    // Every read of the page asks the anchors for the account and status: count those reads.
    let reads = 0;
    const real = ANCHORS.commsease as ProviderAnchors;
    const counted: ProviderAnchors = {
      ...real,
      pageStatus: (doc) => {
        reads++;
        return real.pageStatus(doc);
      },
    };
    const stop = new AbortController();
    stops.push(stop);
    const manager = await startBareManager(stop.signal, { commsease: counted });
    expect(reads).toBe(1);
    const renders = await churn(1200);
    // The list did re-render after the first render made it a known busy list (happy-dom on
    // a loaded machine renders far fewer than the nominal 24).
    expect(renders).toBeGreaterThan(2);
    // Before issue 6 the page was read again ~8 times a second here.
    expect(reads).toBe(1);

    // A status the page starts showing is still read (once the page settles).
    const row = document.createElement('div');
    row.innerHTML = '<span>Status:</span> <span>Under review</span>';
    document.body.append(row);
    await vi.waitFor(() => expect(manager.current()?.get().pageStatus?.status).toBe('in_review'));
  });

  it('does not look for fields again while the list re-renders, and finds a field rendered meanwhile', async () => {
    loadFixture('commsease/individual-form.html');
    addChurnList();
    const ctx = makeContext(testPlaybook, page('individual-form'));
    stops.push(ctx.controller);
    const seen: string[][] = [];
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      onChange: (found) => seen.push([...found.keys()]),
    });
    const scans = vi.mocked(findField.findFields);
    expect(scans).toHaveBeenCalledTimes(1);
    await churn(1200);
    // Before issue 6 the fields were looked for again ~12 times a second here.
    expect(scans).toHaveBeenCalledTimes(1);

    // Churn again and render a field halfway: it is found, within the back-off.
    const churning = churn(1500);
    setTimeout(() => {
      const extra = document.createElement('div');
      extra.innerHTML = '<label for="vg-extra">Bank Card Number</label><input id="vg-extra">';
      document.querySelector('form')?.append(extra);
    }, 300);
    await churning;
    expect(seen.at(-1)).toContain('bank-card-number');
    expect(scans.mock.calls.length).toBeLessThanOrEqual(3);
    expect(scans.mock.calls.length).toBeGreaterThan(1);
  });

  it('shows the tip of a field rendered inside the churning list itself', async () => {
    // The ID number field is not in the form: the dashboard's own re-render brings it.
    loadFormFixture('commsease/individual-form.html');
    document.getElementById('idNumber')?.closest('.el-form-item')?.remove();
    addChurnList();
    const playbook = getPlaybook('commsease');
    const ctx = makeContext(playbook, playbookPage(playbook, 'individual-form'));
    stops.push(ctx.controller);
    fieldTips.init(ctx);
    await churn(600);
    const field = '<li><label for="busyNumber">ID Number</label><input id="busyNumber"></li>';
    const churning = churn(1500, { extra: () => field });
    // Found while the list keeps re-rendering around it: each render replaces the field, so
    // focus whichever one is on the page now, until its tip shows.
    await vi.waitFor(
      () => {
        const input = document.getElementById('busyNumber');
        input?.focus();
        input?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
        expect(tipFields()).toEqual(['id-number']);
      },
      { timeout: 1400, interval: 40 },
    );
    await churning;
  });

  it.each([
    ['a labelled status row', '<li><span>Status:</span> <span>Under review</span></li>'],
    ['a status badge', '<li><span class="auth-status__state">Under review</span></li>'],
  ])(
    'updates the status the page shows from %s rendered inside the churning list',
    async (_what, row) => {
      const manager = await managerOnChurningPage();
      await churn(600);
      expect(manager.current()?.get().pageStatus).toBeNull();
      const churning = churn(1500, { extra: () => row });
      await vi.waitFor(
        () => expect(manager.current()?.get().pageStatus?.status).toBe('in_review'),
        { timeout: 1400 },
      );
      await churning;
    },
  );

  it('finds a status badge swapped in for a row of the same shape (same element count)', async () => {
    const manager = await managerOnChurningPage();
    await churn(600);
    // The last row's state span becomes the status badge: the list keeps its shape (100 rows
    // of two spans), so only a look in full finds it.
    const badge = (tick: number): string =>
      `<li class="op-row"><span class="op-id">op-${tick}-x</span> <span class="auth-status">Under review</span></li>`;
    const stop = new AbortController();
    const churning = churn(FULL_LOOK_MAX_MS + 1500, { extra: badge, rows: 99, stop: stop.signal });
    await vi.waitFor(
      () => expect(manager.current()?.get().pageStatus?.status).toBe('in_review'),
      // Within FULL_LOOK_MAX_MS of the swap, whatever the list's look-in-full wait had grown to.
      { timeout: FULL_LOOK_MAX_MS + 1000 },
    );
    stop.abort();
    await churning;
  }, 10_000);

  it('is not read again while the rows flip their class, and a step bar moving meanwhile is', async () => {
    let reads = 0;
    const real = ANCHORS.commsease as ProviderAnchors;
    const counted: ProviderAnchors = {
      ...real,
      pageStatus: (doc) => {
        reads++;
        return real.pageStatus(doc);
      },
    };
    const manager = await managerOnChurningPage({ anchors: { commsease: counted } });
    // The rows are rendered once (the list's first render), then only flip their class.
    await churn(80);
    expect(document.querySelectorAll('#churn-list .op-row')).toHaveLength(100);
    const flips = await churn(1200, { flip: true });
    expect(flips).toBeGreaterThan(2);
    expect(document.querySelectorAll('#churn-list .is-active').length).toBeGreaterThan(0);
    expect(reads).toBe(1);

    // The console's step bar moves by class only while the rows keep flipping.
    const texts = (): readonly string[] => manager.current()?.get().texts ?? [];
    expect(texts()).toContain('fill in information');
    const churning = churn(1500, { flip: true });
    const [filled, esign] = document.querySelectorAll('.el-step');
    if (!filled || !esign) throw new Error('no step bar');
    filled.className = 'el-step is-finish';
    esign.className = 'el-step is-process';
    await vi.waitFor(() => expect(texts()).toContain('esignature agreement'), { timeout: 1400 });
    expect(texts()).not.toContain('fill in information');
    await churning;
  });
});

/** Layout landmarks real consoles wrap their content in (Tencent's tea-layout: role="main"). */
const LANDMARKS = [
  ['<main role="main">', '<main role="main" class="app-main"></main>'],
  [
    'a header/user layout region',
    '<div class="user-center page-header-layout" role="region" aria-label="Console"></div>',
  ],
];

describe.each(LANDMARKS)('a page that churns a list inside %s', (_name, landmark) => {
  it('is not read again while the list re-renders, and a status row rendered in the landmark is', async () => {
    // Every read of the page asks the anchors for the status: count those reads.
    let reads = 0;
    const real = ANCHORS.commsease as ProviderAnchors;
    const counted: ProviderAnchors = {
      ...real,
      pageStatus: (doc) => {
        reads++;
        return real.pageStatus(doc);
      },
    };
    const manager = await managerOnChurningPage({ landmark, anchors: { commsease: counted } });
    expect(reads).toBe(1);
    const renders = await churn(1200);
    expect(renders).toBeGreaterThan(2);
    // Before this change the landmark made every render count: read again ~2 times a second.
    expect(reads).toBe(1);

    // A status row the console renders in the same landmark, while the list keeps churning.
    const churning = churn(1500);
    const row = document.createElement('div');
    row.className = 'info-row';
    row.innerHTML = '<span>Status:</span> <span>Under review</span>';
    document.getElementById('churn-list')?.closest('section')?.before(row);
    await vi.waitFor(() => expect(manager.current()?.get().pageStatus?.status).toBe('in_review'), {
      timeout: 1400,
    });
    await churning;
  });

  it('does not look for fields again while the list re-renders, and finds a field rendered in the landmark', async () => {
    loadFixture('commsease/individual-form.html');
    addChurnList(landmark);
    const ctx = makeContext(testPlaybook, page('individual-form'));
    stops.push(ctx.controller);
    const seen: string[][] = [];
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      onChange: (found) => seen.push([...found.keys()]),
    });
    const scans = vi.mocked(findField.findFields);
    expect(scans).toHaveBeenCalledTimes(1);
    await churn(1200);
    expect(scans).toHaveBeenCalledTimes(1);

    const churning = churn(1500);
    setTimeout(() => {
      const extra = document.createElement('div');
      extra.innerHTML = '<label for="vg-extra">Bank Card Number</label><input id="vg-extra">';
      document.getElementById('churn-list')?.closest('section')?.before(extra);
    }, 300);
    await churning;
    expect(seen.at(-1)).toContain('bank-card-number');
  });
});

/** A mutation record as an observer delivers it (happy-dom's observer batches differently). */
function record(
  type: MutationRecordType,
  target: Node,
  o: { added?: Node[]; attributeName?: string; oldValue?: string | null } = {},
): MutationRecord {
  return {
    type,
    target,
    addedNodes: (o.added ?? []) as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
    attributeName: o.attributeName ?? null,
    oldValue: o.oldValue ?? null,
  } as unknown as MutationRecord;
}

describe('which changes count as something the overlay reads', () => {
  const body = (html: string): void => {
    document.body.innerHTML = html;
  };
  const el = (selector: string): Element => {
    const found = document.querySelector(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };

  it('counts a status or step text changing inside a header, not a plain text of the header bar', () => {
    body(`<header class="app-header" role="banner">
      <span class="auth-status">Under review</span>
      <div class="tea-step is-current"><span class="tea-step__title">Fill in</span></div>
      <nav role="navigation"><span class="clock">12:00</span></nav>
      ${'<a class="nav-link">Link</a>'.repeat(20)}
    </header>`);
    const text = (selector: string): Node => el(selector).firstChild as Node;
    expect(isRelevantMutation(record('characterData', text('.auth-status')))).toBe(true);
    expect(isRelevantMutation(record('characterData', text('.tea-step__title')))).toBe(true);
    expect(isRelevantMutation(record('characterData', text('.clock')))).toBe(false);
  });

  it('counts a value changing in a labelled status row, wherever it sits', () => {
    body(`<main role="main"><div class="row"><span>Verification Status:</span>
      <span class="value">Under review</span></div>${'<p>filler</p>'.repeat(20)}</main>`);
    const value = el('.value').firstChild as Node;
    expect(isRelevantMutation(record('characterData', value))).toBe(true);
  });

  it('takes UIN as a word: a row that says "ruin" or "penguin" is not an account row', () => {
    body('<ul id="list"></ul>');
    const row = (html: string): Node => {
      const li = document.createElement('li');
      li.innerHTML = html;
      return li;
    };
    const list = el('#list');
    const adds = (html: string): boolean =>
      isRelevantMutation(record('childList', list, { added: [row(html)] }));
    expect(adds('<span>UIN:</span> <span>200012345678</span>')).toBe(true);
    expect(adds('<span>Penguin colony</span>')).toBe(false);
    expect(adds('<span>Ruin 7</span>')).toBe(false);
  });

  it('counts a class or aria-current change only when it moves what a step bar marks current', () => {
    body(`<div class="el-steps"><div class="el-step__title is-process">Fill in</div>
      <div class="el-step__title is-wait">Sign</div></div>
      <ol class="tea-steps"><li class="tea-step" aria-current="step">Review</li></ol>
      <ul><li class="op-row is-active"><span>op-1</span></li></ul>
      <nav><a class="nav-link" aria-current="page">Overview</a></nav>`);
    const changed = (selector: string, attributeName: string, oldValue: string | null): boolean =>
      isRelevantMutation(record('attributes', el(selector), { attributeName, oldValue }));
    // Now current (it was waiting), or no longer current (it finished).
    expect(changed('.is-process', 'class', 'el-step__title is-wait')).toBe(true);
    expect(changed('.is-wait', 'class', 'el-step__title is-process')).toBe(true);
    // Waiting -> finished: the step is not current before or after, nothing read changes.
    expect(changed('.is-wait', 'class', 'el-step__title is-finish')).toBe(false);
    // aria-current keeps the item current whatever its class says.
    expect(changed('.tea-step', 'class', 'tea-step is-current')).toBe(false);
    expect(changed('.tea-step', 'aria-current', null)).toBe(true);
    // A busy list's row turning active is no step.
    expect(changed('.op-row', 'class', 'op-row')).toBe(false);
    // aria-current coming or going counts (the item is read or no longer), its value alone not.
    expect(changed('.nav-link', 'aria-current', null)).toBe(true);
    expect(changed('.nav-link', 'aria-current', 'step')).toBe(false);
  });

  it('counts a watched attribute only on a form control or label (or what holds one)', () => {
    body(`<main role="main"><div class="card"><span class="note">x</span></div>
      <div class="panel"><label for="a">Name</label><input id="a"></div></main>`);
    const attr = (selector: string, name: string): boolean =>
      isRelevantMutation(record('attributes', el(selector), { attributeName: name }));
    expect(attr('main', 'aria-label')).toBe(false);
    expect(attr('.card', 'hidden')).toBe(false);
    expect(attr('input', 'placeholder')).toBe(true);
    expect(attr('label', 'for')).toBe(true);
    expect(attr('.panel', 'hidden')).toBe(true);
  });
});
