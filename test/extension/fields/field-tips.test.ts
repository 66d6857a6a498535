import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldTips } from '../../../extension/content/features/field-tips';
import { intersects, placeBeside, type Side } from '../../../extension/content/fields/placement';
import { getPlaybook } from '../../../shared/playbooks';
import type { PageRule } from '../../../shared/playbooks/schema';
import { loadFixture, makeContext, shadowOf, type TestContext } from './support';

const commsease = getPlaybook('commsease');
const individualPage = commsease.pages.find((p) => p.id === 'individual-form') as PageRule;

let ctx: TestContext | undefined;
const start = (locale: 'en' | 'zh' = 'en'): TestContext => {
  ctx = makeContext(commsease, individualPage, locale);
  fieldTips.init(ctx);
  return ctx;
};
const tips = () => [
  ...(shadowOf('veriguide-field-tips')?.querySelectorAll('[data-testid="vg-hint"]') ?? []),
];
const field = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`fixture has no #${id}`);
  return el;
};
const focus = (el: HTMLElement) => {
  el.focus();
  el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
};
const blur = (el: HTMLElement) => {
  el.blur();
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
};

beforeEach(() => {
  sessionStorage.clear();
});
afterEach(() => {
  ctx?.controller.abort();
  ctx = undefined;
});

describe('field tips', () => {
  it('shows the tip of a field while it has focus, and only then', () => {
    loadFixture('commsease/individual-form.html');
    start();
    expect(tips()).toHaveLength(0);
    focus(field('idNumber'));
    expect(tips()).toHaveLength(1);
    const tip = tips()[0];
    expect(tip?.getAttribute('data-field')).toBe('id-number');
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.textContent).toContain('A resident ID card number has 18 characters');
    blur(field('idNumber'));
    expect(tips()).toHaveLength(0);
  });

  it('shows the Chinese tip on a Chinese page with the Chinese UI', () => {
    loadFixture('commsease/individual-form-zh.html');
    start('zh');
    focus(field('realName'));
    expect(tips()[0]?.getAttribute('data-field')).toBe('name');
    expect(tips()[0]?.textContent).toContain('填写与所选证件上完全一致的姓名');
    expect(tips()[0]?.querySelector('button')?.getAttribute('aria-label')).toBe('关闭此提示');
  });

  it('shows the tip on hover and hides it a moment after the pointer leaves', async () => {
    loadFixture('commsease/individual-form.html');
    start();
    field('idType').dispatchEvent(new MouseEvent('mouseenter'));
    expect(tips()[0]?.getAttribute('data-field')).toBe('id-type');
    field('idType').dispatchEvent(new MouseEvent('mouseleave'));
    expect(tips()).toHaveLength(1);
    await vi.waitFor(() => expect(tips()).toHaveLength(0));
  });

  it('keeps the tip while the pointer moves onto it (to reach the × button)', async () => {
    vi.useFakeTimers();
    try {
      loadFixture('commsease/individual-form.html');
      start();
      field('idType').dispatchEvent(new MouseEvent('mouseenter'));
      field('idType').dispatchEvent(new MouseEvent('mouseleave'));
      tips()[0]?.dispatchEvent(new MouseEvent('mouseenter'));
      await vi.advanceTimersByTimeAsync(1000);
      expect(tips()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hides once the pointer leaves the tip too', async () => {
    loadFixture('commsease/individual-form.html');
    start();
    field('idType').dispatchEvent(new MouseEvent('mouseenter'));
    field('idType').dispatchEvent(new MouseEvent('mouseleave'));
    tips()[0]?.dispatchEvent(new MouseEvent('mouseenter'));
    tips()[0]?.dispatchEvent(new MouseEvent('mouseleave'));
    await vi.waitFor(() => expect(tips()).toHaveLength(0));
  });

  it('is dismissed with × and stays dismissed for the session', () => {
    loadFixture('commsease/individual-form.html');
    start();
    focus(field('idNumber'));
    tips()[0]?.querySelector<HTMLButtonElement>('[data-testid="vg-hint-dismiss"]')?.click();
    expect(tips()).toHaveLength(0);
    blur(field('idNumber'));
    focus(field('idNumber'));
    expect(tips()).toHaveLength(0);
    // Other fields keep their tips.
    focus(field('realName'));
    expect(tips()[0]?.getAttribute('data-field')).toBe('name');

    // A reload (a new page, a new feature run) in the same tab remembers it.
    ctx?.controller.abort();
    loadFixture('commsease/individual-form.html');
    start();
    focus(field('idNumber'));
    expect(tips()).toHaveLength(0);
  });

  it('is dismissed with Escape without the page seeing that Escape', () => {
    loadFixture('commsease/individual-form.html');
    const pageSaw = vi.fn();
    document.body.addEventListener('keydown', pageSaw);
    start();
    focus(field('realName'));
    field('realName').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tips()).toHaveLength(0);
    expect(pageSaw).not.toHaveBeenCalled();
    // Without a tip showing, Escape belongs to the page.
    field('realName').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(pageSaw).toHaveBeenCalledTimes(1);
  });

  it("works on fields inside the page's own shadow root", () => {
    loadFixture('commsease/individual-form-shadow.html');
    start();
    const number = document.querySelector('ne-auth-form')?.shadowRoot?.getElementById('idNumber');
    expect(number).toBeTruthy();
    number?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(tips()[0]?.getAttribute('data-field')).toBe('id-number');
  });

  it("lives in its own veriguide-* host and leaves the page's form untouched", () => {
    loadFixture('commsease/individual-form.html');
    const before = document.querySelector('form')?.outerHTML;
    start();
    focus(field('idNumber'));
    const host = document.querySelector('veriguide-field-tips');
    expect(host?.parentElement).toBe(document.documentElement);
    expect(host?.shadowRoot).toBeTruthy();
    expect(document.querySelector('form')?.outerHTML).toBe(before);
  });

  it('removes its host and stops listening when the page navigates away', () => {
    loadFixture('commsease/individual-form.html');
    const run = start();
    run.controller.abort();
    expect(document.querySelector('veriguide-field-tips')).toBeNull();
    focus(field('idNumber'));
    expect(document.querySelector('veriguide-field-tips')).toBeNull();
  });

  it('runs only on pages whose flows have fields', () => {
    const pageOf = (id: string) => commsease.pages.find((p) => p.id === id) as PageRule;
    expect(fieldTips.runsOn(pageOf('individual-form'), commsease)).toBe(true);
    expect(fieldTips.runsOn({ ...pageOf('individual-form'), flows: ['upgrade'] }, commsease)).toBe(
      true,
    );
    const tencent = getPlaybook('tencentcloud-intl');
    const statusOnly = { ...tencent.pages[0], flows: [] } as unknown as PageRule;
    expect(fieldTips.runsOn(statusOnly, tencent)).toBe(false);
  });
});

describe('placing an overlay part beside a field', () => {
  const viewport = { width: 1280, height: 720 };

  it.each<[string, { left: number; top: number; width: number; height: number }, Side]>([
    ['room on the right', { left: 200, top: 100, width: 300, height: 32 }, 'right'],
    ['a field touching the right edge', { left: 1000, top: 100, width: 280, height: 32 }, 'above'],
    ['a full-width field at the top', { left: 0, top: 0, width: 1280, height: 32 }, 'below'],
  ])('with %s it goes %s', (_case, fieldRect, side) => {
    const place = placeBeside(fieldRect, { width: 260, height: 60 }, viewport, [
      'right',
      'above',
      'below',
      'left',
    ]);
    expect(place.side).toBe(side);
    expect(intersects({ ...place, width: 260, height: 60 }, fieldRect)).toBe(false);
  });

  it('never covers the field, wherever the field is and however big the part', () => {
    const rect = fc.record({
      left: fc.integer({ min: -500, max: 2000 }),
      top: fc.integer({ min: -500, max: 2000 }),
      width: fc.integer({ min: 1, max: 1500 }),
      height: fc.integer({ min: 1, max: 800 }),
    });
    const size = fc.record({
      width: fc.integer({ min: 1, max: 600 }),
      height: fc.integer({ min: 1, max: 400 }),
    });
    const sides = fc.shuffledSubarray<Side>(['right', 'left', 'below', 'above'], { minLength: 1 });
    fc.assert(
      fc.property(rect, size, sides, (fieldRect, partSize, order) => {
        const place = placeBeside(fieldRect, partSize, viewport, order);
        expect(intersects({ ...place, ...partSize }, fieldRect)).toBe(false);
      }),
    );
  });
});
