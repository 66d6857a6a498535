import { describe, expect, it } from 'vitest';
import { matchDocument, readSelectedType } from '../../../extension/content/fields/document-type';
import { getPlaybook } from '../../../shared/playbooks';
import { loadHtml } from './support';

const commseaseDocs = getPlaybook('commsease').types.individual.documents;

describe('reading the selected document type', () => {
  it.each([
    [
      'a native select',
      '<select id="f"><option value="1">ID card</option><option value="4" selected>Passport</option></select>',
      'Passport',
    ],
    [
      'a select with nothing chosen yet',
      '<select id="f"><option value="">Please select</option><option value="1">ID card</option></select>',
      null,
    ],
    [
      'a radio group',
      '<div id="f"><label><input type="radio" name="t">ID card</label><label><input type="radio" name="t" checked>Passport</label></div>',
      'Passport',
    ],
    [
      'ARIA radios',
      '<div id="f" role="radiogroup"><span role="radio" aria-checked="false">ID card</span><span role="radio" aria-checked="true">护照</span></div>',
      '护照',
    ],
    [
      "a console's custom select (read-only input)",
      '<input id="f" readonly value="Passport">',
      'Passport',
    ],
    [
      'an Ant-style select box',
      '<div id="f" role="combobox"><span class="ant-select-selection-item" title="ID card">ID card</span></div>',
      'ID card',
    ],
    ['a text box the user types in (never read)', '<input id="f" value="E12345678">', null],
  ])('from %s', (_kind, html, expected) => {
    loadHtml(`<html><body>${html}</body></html>`);
    const field = document.getElementById('f');
    if (!field) throw new Error('no field');
    expect(readSelectedType(field)?.trim() ?? null).toBe(expected);
  });
});

describe('matching the option text to a playbook document', () => {
  it.each([
    ['ID card', 'id-card'],
    ['身份证', 'id-card'],
    ['  passport ', 'passport'],
    ['Mainland Travel Permit for Hong Kong and Macao Residents', 'hk-macao-permit'],
    ['港澳居民来往内地通行证', 'hk-macao-permit'],
    // A shortened option names one document only when it fits one.
    ['Travel Permit for Taiwan Residents', 'taiwan-permit'],
    ['Mainland Travel Permit', null],
    ["Driver's License", null],
    ['', null],
  ])('%j -> %s', (text, id) => {
    expect(matchDocument(text, commseaseDocs)?.id ?? null).toBe(id);
  });
});
