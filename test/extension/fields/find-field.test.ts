import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFields } from '../../../extension/content/fields/find-field';
import { labelMatches, normalizeLabel } from '../../../extension/content/fields/label-text';
import { pageFieldAnchors } from '../../../extension/content/fields/page-anchors';
import { DRIFT_GRACE_MS, watchFields } from '../../../extension/content/fields/watch-fields';
import type { FieldAnchor } from '../../../shared/playbooks/schema';
import { loadFixture, loadHtml, makeContext } from './support';
import { page, testPlaybook } from './test-playbook';

const anchor = (id: string, en: string, zh = `${en}-zh`): FieldAnchor => ({
  id,
  labels: { en: [en], zh: [zh] },
  tip: { en: 'tip', zh: '提示' },
});
const individual = pageFieldAnchors(testPlaybook, page('individual-form')).map((a) => a.anchor);

/** Which element each anchor landed on, by its id attribute, for table assertions. */
const foundIds = (anchors: FieldAnchor[]) =>
  Object.fromEntries([...findFields(document, anchors)].map(([id, f]) => [id, f.control.id]));

afterEach(() => {
  vi.useRealTimers();
});

describe('label text', () => {
  it.each([
    ['ID Number', 'id number'],
    ['  * ID Number: ', 'id number'],
    ['证件号码：', '证件号码'],
    ['ID Number (required)', 'id number'],
    ['证件号码（必填）*', '证件号码'],
  ])('normalises %j to %j', (text, expected) => {
    expect(normalizeLabel(text)).toBe(expected);
  });

  it('matches whole labels only: "Name" is not "Enterprise Name"', () => {
    expect(labelMatches('Enterprise Name', ['Name'])).toBe(false);
    expect(labelMatches('Name *', ['Name'])).toBe(true);
  });
});

describe('finding fields by label text on the saved provider pages', () => {
  it('finds the CommsEase individual form fields by <label for>', () => {
    loadFixture('commsease/individual-form.html');
    expect(foundIds(individual)).toEqual({
      'id-type': 'idType',
      name: 'realName',
      'id-number': 'idNumber',
    });
  });

  it('finds them by their Chinese labels', () => {
    loadFixture('commsease/individual-form-zh.html');
    expect(foundIds(individual)).toEqual({
      'id-type': 'idType',
      name: 'realName',
      'id-number': 'idNumber',
    });
  });

  it("finds fields inside the page's own open shadow root", () => {
    loadFixture('commsease/individual-form-shadow.html');
    const found = findFields(document, individual);
    const number = found.get('id-number')?.control;
    expect(number?.id).toBe('idNumber');
    expect(number?.getRootNode()).toBe(document.querySelector('ne-auth-form')?.shadowRoot);
    expect(found.size).toBe(3);
  });

  it('does not give "Name" the Enterprise Name field', () => {
    loadFixture('commsease/enterprise-form.html');
    expect(foundIds([anchor('name', 'Name'), anchor('company', 'Enterprise Name')])).toEqual({
      company: 'companyName',
    });
  });
});

describe('finding fields in the layouts consoles use', () => {
  it.each([
    ['a wrapping <label>', '<label>ID Number <input id="x"></label>', 'label-wrap'],
    [
      'a wrapping <label> around a select (its options are not label text)',
      '<label>ID Number <select id="x"><option>ID card</option></select></label>',
      'label-wrap',
    ],
    ['aria-label', '<input id="x" aria-label="ID Number">', 'aria-label'],
    [
      'aria-labelledby',
      '<span id="cap">ID Number</span><input id="x" aria-labelledby="cap">',
      'aria-labelledby',
    ],
    ['a placeholder', '<input id="x" placeholder="ID Number">', 'placeholder'],
    [
      'a form-item label div beside the control div',
      '<div class="item"><div class="label">* ID Number:</div><div class="ctl"><div><input id="x"></div></div></div>',
      'sibling-label',
    ],
    [
      'a label span in its own column',
      '<div class="row"><div class="col"><span>ID Number</span></div><div class="col"><input id="x"></div></div>',
      'sibling-label',
    ],
    [
      'a table row',
      '<table><tr><th>Name</th><td><input id="n"></td></tr><tr><th>ID Number</th><td><input id="x"></td></tr></table>',
      'sibling-label',
    ],
    ['a description list', '<dl><dt>ID Number</dt><dd><input id="x"></dd></dl>', 'sibling-label'],
    [
      'a Chinese label with a full-width colon',
      '<div class="item"><span>证件号码：</span><input id="x"></div>',
      'sibling-label',
    ],
  ])('finds a field named by %s', (_layout, html, by) => {
    loadHtml(`<html><body><form>${html}</form></body></html>`);
    const found = findFields(document, [anchor('id-number', 'ID Number', '证件号码')]);
    expect(found.get('id-number')?.control.id).toBe('x');
    expect(found.get('id-number')?.by).toBe(by);
  });

  it('treats a set of radio buttons as one field (the group)', () => {
    loadHtml(`<html><body><div class="item"><span>ID Type</span>
      <div class="group" id="g"><label><input type="radio" name="t" value="1">ID card</label>
      <label><input type="radio" name="t" value="4">Passport</label></div></div></body></html>`);
    const found = findFields(document, [anchor('id-type', 'ID Type')]);
    expect(found.get('id-type')?.element.id).toBe('g');
  });

  it('skips hidden controls and labels of closed menus', () => {
    loadHtml(`<html><body><div hidden><label for="a">ID Number</label><input id="a"></div>
      <label for="b">ID Number</label><input id="b"></body></html>`);
    expect(foundIds([anchor('id-number', 'ID Number')])).toEqual({ 'id-number': 'b' });
  });

  it('finds nothing when the labels changed (the drift variant)', () => {
    loadFixture('tencentcloud-intl/individual-form-drift.html');
    expect(findFields(document, individual).size).toBe(0);
  });
});

describe('watching the page for fields', () => {
  it('finds fields rendered late, after the first scan', async () => {
    loadFixture('commsease/individual-form-late.html');
    const ctx = makeContext(testPlaybook, page('individual-form'));
    const seen: string[][] = [];
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      onChange: (found) => seen.push([...found.keys()]),
    });
    expect(seen).toEqual([]);
    // What the page's own script does 600 ms after load.
    const template = document.getElementById('late-form') as HTMLTemplateElement;
    document.getElementById('form-root')?.replaceChildren(template.content.cloneNode(true));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['id-type', 'name', 'id-number']));
    ctx.controller.abort();
  });

  it("finds fields added late inside the page's shadow root", async () => {
    loadHtml('<html><body><x-form></x-form></body></html>');
    const shadow = document.querySelector('x-form')?.attachShadow({ mode: 'open' });
    const ctx = makeContext(testPlaybook, page('individual-form'));
    const seen: string[][] = [];
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      onChange: (found) => seen.push([...found.keys()]),
    });
    // First a mutation at the top so the watcher sees the shadow root, then fields inside it.
    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(seen).toEqual([]));
    const row = document.createElement('div');
    row.innerHTML = '<label for="n">ID Number</label><input id="n">';
    shadow?.append(row);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['id-number']));
    ctx.controller.abort();
  });

  it('reports each missing anchor as drift when the page changed its labels', () => {
    vi.useFakeTimers();
    loadFixture('tencentcloud-intl/individual-form-drift.html');
    const ctx = makeContext(testPlaybook, page('individual-form'));
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      reportDrift: true,
      onChange: () => {},
    });
    vi.advanceTimersByTime(DRIFT_GRACE_MS - 1);
    expect(ctx.reportDrift).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ctx.reportDrift.mock.calls.map(([a]) => a)).toEqual([
      'field:id-type',
      'field:name',
      'field:id-number',
    ]);
  });

  it('reports no drift when the fields are there, nor for steps the page is not on', () => {
    vi.useFakeTimers();
    loadFixture('commsease/individual-form.html');
    const ctx = makeContext(testPlaybook, page('individual-form'));
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      reportDrift: true,
      onChange: () => {},
    });
    vi.advanceTimersByTime(DRIFT_GRACE_MS);
    // The bank card step has its own screen; its field is not expected here.
    expect(ctx.reportDrift).not.toHaveBeenCalled();
  });

  it('reports the one field missing from a step whose other fields are there', () => {
    vi.useFakeTimers();
    loadFixture('commsease/individual-form.html');
    document.querySelector('label[for="idNumber"]')?.replaceChildren('Credential code');
    const ctx = makeContext(testPlaybook, page('individual-form'));
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      reportDrift: true,
      onChange: () => {},
    });
    vi.advanceTimersByTime(DRIFT_GRACE_MS);
    expect(ctx.reportDrift.mock.calls).toEqual([['field:id-number']]);
  });

  it('stops watching when the feature is torn down', async () => {
    vi.useFakeTimers();
    loadHtml('<html><body><main id="m"></main></body></html>');
    const ctx = makeContext(testPlaybook, page('individual-form'));
    const onChange = vi.fn();
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      onChange,
    });
    ctx.controller.abort();
    document
      .getElementById('m')
      ?.insertAdjacentHTML('beforeend', '<label for="n">Name</label><input id="n">');
    await vi.advanceTimersByTimeAsync(DRIFT_GRACE_MS);
    expect(onChange).not.toHaveBeenCalled();
    expect(ctx.reportDrift).not.toHaveBeenCalled();
  });

  it('(control) a live watcher does see that field', async () => {
    vi.useFakeTimers();
    loadHtml('<html><body><main id="m"></main></body></html>');
    const ctx = makeContext(testPlaybook, page('individual-form'));
    const onChange = vi.fn();
    watchFields(ctx, {
      anchors: pageFieldAnchors(testPlaybook, page('individual-form')),
      onChange,
    });
    document
      .getElementById('m')
      ?.insertAdjacentHTML('beforeend', '<label for="n">Name</label><input id="n">');
    await vi.advanceTimersByTimeAsync(DRIFT_GRACE_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    ctx.controller.abort();
  });
});
