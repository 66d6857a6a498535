import type { Lock, Playbook, ReviewWindowRule } from '../../../shared/playbooks/schema';

// A small playbook with only what the status machine reads; each test sets the rules it needs.

const text = (en: string) => ({ en, zh: `${en}（中文）` });

const type = (entityType: 'individual' | 'enterprise', reviewWindow: ReviewWindowRule | null) => ({
  entityType,
  name: text(entityType),
  audience: text(`for ${entityType}`),
  documents: [{ id: 'doc', name: text('document'), sourceId: 'rules' }],
  methods: [
    {
      id: 'online',
      name: text('online'),
      detail: text('online'),
      instant: false,
      sourceId: 'rules',
    },
  ],
  can: [],
  cannot: [],
  reviewWindow,
  sourceId: 'rules',
});

export const RULES_URL = 'https://example.com/rules';
export const LOCK_URL = 'https://example.com/lock';

export interface FixtureOptions {
  individualWindow?: ReviewWindowRule | null;
  enterpriseWindow?: ReviewWindowRule | null;
  locks?: Lock[];
  irreversible?: Playbook['irreversible'];
  flowKinds?: Playbook['flows'][number]['kind'][];
}

export const makePlaybook = (options: FixtureOptions = {}): Playbook => ({
  id: 'commsease',
  name: { en: 'Example Cloud', zh: '示例云' },
  consoleMatches: ['https://console.example.com/*'],
  timeZone: 'Asia/Shanghai',
  calendar: 'cn',
  sources: [
    { id: 'rules', url: RULES_URL, title: text('rules'), reviewedOn: '2026-01-01' },
    { id: 'lock-doc', url: LOCK_URL, title: text('lock'), reviewedOn: '2026-01-01' },
  ],
  types: {
    individual: type('individual', options.individualWindow ?? null),
    enterprise: type('enterprise', options.enterpriseWindow ?? null),
  },
  flows: (options.flowKinds ?? ['individual', 'enterprise', 'change', 'upgrade']).map((kind) => ({
    id: kind,
    kind,
    entityType: kind === 'individual' ? 'individual' : 'enterprise',
    title: text(kind),
    steps: [
      {
        id: `${kind}-step`,
        title: text('step'),
        detail: text('step'),
        kind: 'action',
        sourceId: 'rules',
      },
    ],
    sourceId: 'rules',
  })),
  pages: [],
  locks: options.locks ?? [],
  irreversible: options.irreversible ?? [],
  attemptLimits: [],
  notes: [],
});

export const individualLock: Lock = {
  id: 'individual-30-days',
  entityType: 'individual',
  days: 30,
  refuses: ['change', 'update'],
  message: { en: 'The subject cannot change for 30 days.', zh: '30 天内不能变更认证主体。' },
  sourceId: 'lock-doc',
};
