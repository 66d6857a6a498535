import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFlow, getPlaybook, PLAYBOOKS } from '../../../shared/playbooks/index';
import {
  type FieldAnchor,
  type Playbook,
  PlaybookSchema,
  PROVIDER_IDS,
} from '../../../shared/playbooks/schema';

const all = Object.values(PLAYBOOKS);
const fixtures = path.join(import.meta.dirname, '../../fixtures');

/** Every `{en, zh}` text and every `{en: [], zh: []}` page-text list anywhere in a playbook. */
function collectTexts(
  value: unknown,
  where: string,
  out: { where: string; en: string; zh: string }[],
) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      collectTexts(v, `${where}[${i}]`, out);
    });
    return out;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).sort().join(',');
    if (keys === 'en,zh') {
      const en = Array.isArray(o.en) ? o.en : [o.en];
      const zh = Array.isArray(o.zh) ? o.zh : [o.zh];
      for (const e of en) for (const z of zh) out.push({ where, en: String(e), zh: String(z) });
      return out;
    }
    for (const [k, v] of Object.entries(o)) collectTexts(v, `${where}.${k}`, out);
  }
  return out;
}

/** The string the overlay matches page patterns against. */
const pageKey = (url: string) => {
  const u = new URL(url);
  return u.host + u.pathname + u.hash;
};

const flowFields = (playbook: Playbook, flowId: string): FieldAnchor[] =>
  findFlow(playbook, flowId)?.steps.flatMap((s) => s.fields ?? []) ?? [];

describe.each(all.map((p) => [p.id, p] as const))('playbook %s', (id, playbook) => {
  it('validates against PlaybookSchema', () => {
    const result = PlaybookSchema.safeParse(playbook);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('is registered under its own id', () => {
    expect(getPlaybook(id)).toBe(playbook);
  });

  it('has unique step ids across all its flows, and unique flow ids', () => {
    const steps = playbook.flows.flatMap((f) => f.steps.map((s) => s.id));
    expect(new Set(steps).size).toBe(steps.length);
    const flows = playbook.flows.map((f) => f.id);
    expect(new Set(flows).size).toBe(flows.length);
  });

  it('resolves every sourceId to one of its sources, each reviewed on 2026-11-21', () => {
    const ids = new Set(playbook.sources.map((s) => s.id));
    const used = JSON.stringify(playbook).match(/"sourceId":"[^"]+"/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) expect(ids).toContain(u.slice('"sourceId":"'.length, -1));
    for (const s of playbook.sources) {
      expect(s.reviewedOn).toBe('2026-11-21');
      expect(s.url).toMatch(/^https:\/\//);
    }
    // Every source is cited by something, otherwise it is a stray link.
    for (const s of playbook.sources) expect(used).toContain(`"sourceId":"${s.id}"`);
  });

  it('has an individual and an enterprise flow ending in their own type', () => {
    for (const kind of ['individual', 'enterprise'] as const) {
      const flow = playbook.flows.find((f) => f.kind === kind);
      expect(flow?.entityType).toBe(kind);
    }
    for (const f of playbook.flows.filter((f) => f.kind === 'upgrade')) {
      expect(f.entityType).toBe('enterprise');
    }
  });

  it('writes every text in English and Chinese, never the same placeholder twice', () => {
    const texts = collectTexts(playbook, id, []);
    expect(texts.length).toBeGreaterThan(10);
    for (const { where, en, zh } of texts) {
      expect(en.trim(), where).not.toBe('');
      expect(zh.trim(), where).not.toBe('');
      expect(zh, where).not.toBe(en);
      expect(zh, `${where} has Chinese`).toMatch(/\p{Script=Han}/u);
      expect(en, `${where} has no Chinese`).not.toMatch(/\p{Script=Han}/u);
      expect(`${en} ${zh}`, where).not.toMatch(/\b(?:TODO|TBD|lorem|xxx)\b/i);
    }
  });

  it('points documents, attempt limits and document-type fields at things that exist', () => {
    for (const type of Object.values(playbook.types)) {
      const methodIds = type.methods.map((m) => m.id);
      for (const doc of type.documents) {
        for (const m of doc.methods ?? []) expect(methodIds, `${doc.id}`).toContain(m);
      }
    }
    const allMethods = Object.values(playbook.types).flatMap((t) => t.methods.map((m) => m.id));
    for (const limit of playbook.attemptLimits) {
      for (const m of limit.appliesTo) expect(allMethods, limit.id).toContain(m);
    }
    for (const flow of playbook.flows) {
      const fieldIds = flowFields(playbook, flow.id).map((f) => f.id);
      for (const field of flowFields(playbook, flow.id)) {
        const other = field.validate?.documentTypeField;
        if (other) expect(fieldIds, `${flow.id}/${field.id}`).toContain(other);
      }
    }
  });

  it('matches each page example with its own page only, inside the console matches', () => {
    const pages = all.flatMap((p) => p.pages.map((page) => ({ provider: p.id, page })));
    for (const page of playbook.pages) {
      for (const example of page.examples) {
        const key = pageKey(example);
        const matching = pages
          .filter(({ page: other }) => other.urlPatterns.some((re) => new RegExp(re).test(key)))
          .map(({ provider, page: other }) => `${provider}/${other.id}`);
        expect(matching, example).toEqual([`${id}/${page.id}`]);
        const origin = `${new URL(example).origin}/*`;
        expect(playbook.consoleMatches, example).toContain(origin);
      }
    }
  });
});

describe('the playbook registry', () => {
  it('has a playbook for every provider id', () => {
    expect(Object.keys(PLAYBOOKS).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it('finds flows by id and answers undefined for an unknown one', () => {
    const playbook = getPlaybook('commsease');
    expect(findFlow(playbook, 'upgrade')?.kind).toBe('upgrade');
    expect(findFlow(playbook, 'no-such-flow')).toBeUndefined();
  });

  it('never matches a page outside a verification page', () => {
    const keys = [
      'console.tencentcloud.com/overview',
      'console.cloud.tencent.com/cvm/instance',
      'console.tencentcloud.com/developer/security',
      'console.commsease.com/#/app/list',
      'console.commsease.com/#/account/info',
    ];
    const patterns = all.flatMap((p) => p.pages.flatMap((page) => page.urlPatterns));
    for (const key of keys) {
      expect(
        patterns.filter((re) => new RegExp(re).test(key)),
        key,
      ).toEqual([]);
    }
  });
});

describe('the seeds’ flows (Tencent Cloud International and CommsEase)', () => {
  it('covers every documented flow', () => {
    expect(getPlaybook('tencentcloud-intl').flows.map((f) => f.kind)).toEqual([
      'individual',
      'enterprise',
      'change',
    ]);
    expect(getPlaybook('commsease').flows.map((f) => f.kind)).toEqual([
      'individual',
      'enterprise',
      'update',
      'upgrade',
    ]);
  });

  it.each([
    ['commsease', 'individual', 'id-card', 'prc_resident_id', undefined],
    ['commsease', 'individual', 'hk-macao-permit', 'hk_macao_residents_permit', true],
    ['commsease', 'individual', 'taiwan-permit', 'taiwan_residents_permit', true],
    ['commsease', 'individual', 'passport', 'passport', true],
    ['commsease', 'enterprise', 'business-license', 'uscc', undefined],
    ['tencentcloud-intl', 'individual', 'passport', 'passport', undefined],
    ['tencentcloud-intl', 'individual', 'drivers-license', undefined, undefined],
    ['tencentcloud-intl', 'individual', 'work-permit', undefined, undefined],
    ['tencentcloud-intl', 'individual', 'id-card', undefined, undefined],
    ['tencentcloud-intl', 'enterprise', 'business-license', undefined, undefined],
  ] as const)(
    '%s %s document %s has format %s (mainland bank card: %s)',
    (provider, type, docId, format, card) => {
      const doc = getPlaybook(provider).types[type].documents.find((d) => d.id === docId);
      expect(doc?.format).toBe(format);
      expect(doc?.requiresMainlandBankCard).toBe(card);
    },
  );

  it('gives the review windows: Tencent 2-4 business days, CommsEase none', () => {
    for (const type of ['individual', 'enterprise'] as const) {
      expect(getPlaybook('tencentcloud-intl').types[type].reviewWindow).toMatchObject({
        minBusinessDays: 2,
        maxBusinessDays: 4,
      });
      expect(getPlaybook('commsease').types[type].reviewWindow).toBeNull();
    }
  });

  it('locks CommsEase updates (not upgrades) and every Tencent change for 30 days', () => {
    const [ce] = getPlaybook('commsease').locks;
    expect(ce).toMatchObject({ entityType: 'individual', days: 30, refuses: ['update'] });
    const [tc] = getPlaybook('tencentcloud-intl').locks;
    expect(tc?.days).toBe(30);
    expect(tc?.entityType).toBeUndefined();
    expect([...(tc?.refuses ?? [])].sort()).toEqual(['change', 'update', 'upgrade']);
  });

  it('makes CommsEase enterprise final and limits its deposit to 3 tries a day', () => {
    const ce = getPlaybook('commsease');
    expect(ce.irreversible.map((i) => `${i.from}->${i.to}`)).toEqual(['enterprise->individual']);
    expect(ce.attemptLimits).toEqual([
      expect.objectContaining({ max: 3, per: 'day', appliesTo: ['esignature-deposit'] }),
    ]);
  });

  it('says what each type can and cannot do', () => {
    const tc = getPlaybook('tencentcloud-intl').types;
    expect(tc.individual.cannot).toContain('special_vat_invoice');
    expect(tc.enterprise.can).toContain('special_vat_invoice');
    const ce = getPlaybook('commsease').types;
    expect(ce.individual.cannot).toContain('sms_packs');
    expect(ce.individual.can).toContain('sms_trial');
    expect(ce.enterprise.can).toContain('sms_packs');
  });

  it('ships the seeds’ notes, the disputed identity limits only as a hint', () => {
    const notes = (p: Playbook) => Object.fromEntries(p.notes.map((n) => [n.id, n]));
    const tc = notes(getPlaybook('tencentcloud-intl'));
    expect(Object.keys(tc)).toEqual(
      expect.arrayContaining([
        'ownership',
        'no-revocation',
        'site-for-mainland-users',
        'withdraw-change',
        'identity-account-limits',
      ]),
    );
    expect(tc['identity-account-limits']?.hint).toBe(true);
    expect(tc['identity-account-limits']?.text.en).toMatch(/3 accounts.*10/);
    const ce = notes(getPlaybook('commsease'));
    expect(Object.keys(ce)).toEqual(expect.arrayContaining(['ownership', 'online-auth-help']));
    expect(ce['online-auth-help']?.text.en).toMatch(/Business Manager/);
  });

  it.each([
    ['commsease', 'upgrade', 'Upgrade', '升级'],
    ['commsease', 'enterprise', 'Enterprise Authentication', '企业认证'],
    ['tencentcloud-intl', 'enterprise', 'Organization Verification', '企业认证'],
    ['tencentcloud-intl', 'change', 'Submit', '提交'],
  ] as const)('%s %s guards the irreversible click on "%s" / "%s"', (provider, flowId, en, zh) => {
    const guards = findFlow(getPlaybook(provider), flowId)?.steps.flatMap((s) =>
      s.guard ? [s.guard] : [],
    );
    expect(guards?.map((g) => [g.triggers.en, g.triggers.zh])).toEqual([[[en], [zh]]]);
  });

  it('checks the document number against the chosen ID type and the USCC on its own', () => {
    const ce = getPlaybook('commsease');
    const byId = (flow: string) => Object.fromEntries(flowFields(ce, flow).map((f) => [f.id, f]));
    expect(byId('individual')['id-number']?.validate).toEqual({ documentTypeField: 'id-type' });
    expect(byId('individual')['bank-card-number']?.validate).toEqual({ format: 'bank_card' });
    expect(byId('enterprise').uscc?.validate).toEqual({ format: 'uscc' });
    expect(byId('upgrade').uscc?.validate).toEqual({ format: 'uscc' });
    const tc = Object.fromEntries(
      flowFields(getPlaybook('tencentcloud-intl'), 'individual').map((f) => [f.id, f]),
    );
    expect(tc['document-number']?.validate).toEqual({ documentTypeField: 'document-type' });
  });
});

// The overlay finds fields by their label text and maps the chosen ID-type option to a playbook
// document by its name, so the saved provider pages must use the playbooks' words.
describe('the playbooks against the saved provider pages', () => {
  const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');
  const labels = (html: string) =>
    [...html.matchAll(/<label[^>]*>([^<]+)<\/label>/g)].map((m) => (m[1] ?? '').trim());
  const options = (html: string) =>
    [...html.matchAll(/<option[^>]*>([^<]+)<\/option>/g)].map((m) => (m[1] ?? '').trim());

  it.each([
    ['commsease', 'individual', 'commsease/individual-form.html', 'en'],
    ['commsease', 'individual', 'commsease/individual-form-zh.html', 'zh'],
    ['commsease', 'enterprise', 'commsease/enterprise-form.html', 'en'],
    ['tencentcloud-intl', 'individual', 'tencentcloud-intl/individual-form.html', 'en'],
    ['tencentcloud-intl', 'individual', 'tencentcloud-intl/individual-form-zh.html', 'zh'],
    ['tencentcloud-intl', 'enterprise', 'tencentcloud-intl/organization-form.html', 'en'],
    ['tencentcloud-intl', 'change', 'tencentcloud-intl/change.html', 'en'],
  ] as const)(
    '%s %s: every form label on %s is a field anchor (%s)',
    (provider, flowId, file, lang) => {
      const anchors = flowFields(getPlaybook(provider), flowId).flatMap((f) => f.labels[lang]);
      const onPage = labels(read(file));
      expect(onPage.length).toBeGreaterThan(1);
      for (const label of onPage) expect(anchors, label).toContain(label);
    },
  );

  it.each([
    ['commsease', 'commsease/individual-form.html', 'en'],
    ['commsease', 'commsease/individual-form-zh.html', 'zh'],
    ['tencentcloud-intl', 'tencentcloud-intl/individual-form.html', 'en'],
    ['tencentcloud-intl', 'tencentcloud-intl/individual-form-zh.html', 'zh'],
  ] as const)('%s: every ID-type option on %s names a document (%s)', (provider, file, lang) => {
    const names = getPlaybook(provider).types.individual.documents.map((d) => d.name[lang]);
    const onPage = options(read(file));
    expect(onPage).toHaveLength(4);
    for (const option of onPage) expect(names, option).toContain(option);
  });
});
