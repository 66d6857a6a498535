import { useMemo, useState } from 'preact/hooks';
import type { Playbook } from '../../../shared/playbooks/schema';
import { type DecisionInput, decideWith, type Reason } from '../../../shared/rules/decide';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import type { AccountRecord } from '../../records/record-store';
import { S } from './strings';
import type { UpdateRecord } from './use-record';

interface Props {
  playbook: Playbook;
  record: AccountRecord;
  update: UpdateRecord;
  /** False for a viewer: the helper answers, but "Use this flow" is not offered. */
  canWrite: boolean;
  locale: Locale;
  now: () => Date;
}

type Answers = {
  owner: DecisionInput['owner'] | '';
  needsSpecialVatInvoice: boolean;
  needsSmsPacks: boolean;
  buysInMainland: boolean;
  document: string;
  hasMainlandBankCard: '' | 'yes' | 'no';
  accountRegion: '' | NonNullable<DecisionInput['accountRegion']>;
};

const INITIAL: Answers = {
  owner: '',
  needsSpecialVatInvoice: false,
  needsSmsPacks: false,
  buysInMainland: false,
  document: '',
  hasMainlandBankCard: '',
  accountRegion: '',
};

/** Every document the provider accepts, once, for the "which document do you hold" question. */
const documentsOf = (playbook: Playbook): { id: string; name: LocalizedText }[] => {
  const seen = new Map<string, LocalizedText>();
  for (const type of [playbook.types.individual, playbook.types.enterprise]) {
    for (const d of type.documents) if (!seen.has(d.id)) seen.set(d.id, d.name);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
};

/**
 * The decision helper: the DecisionInput questions, answered in the panel; the shared rules
 * give the type, methods, documents, blockers, warnings and reasons (each with its source),
 * and "Use this flow" saves the answer and its flow in the record. Only the answers' kinds are
 * kept (no personal data), and only the result is saved.
 */
export function DecisionSection({ playbook, record, update, canWrite, locale, now }: Props) {
  const [a, setA] = useState<Answers>(INITIAL);
  const [saved, setSaved] = useState(false);
  const L = (text: LocalizedText) => pick(text, locale);
  const set = (patch: Partial<Answers>) => {
    setSaved(false);
    setA((prev) => ({ ...prev, ...patch }));
  };

  const decision = useMemo(() => {
    if (a.owner === '') return null;
    const input: DecisionInput = {
      provider: playbook.id,
      owner: a.owner,
      needsSpecialVatInvoice: a.needsSpecialVatInvoice,
      needsSmsPacks: a.needsSmsPacks,
      buysInMainland: a.buysInMainland,
      ...(a.document ? { document: a.document } : {}),
      ...(a.hasMainlandBankCard ? { hasMainlandBankCard: a.hasMainlandBankCard === 'yes' } : {}),
      ...(a.accountRegion ? { accountRegion: a.accountRegion } : {}),
    };
    try {
      return decideWith(playbook, input);
    } catch (error) {
      console.warn('[veriguide] decision helper failed', error);
      return null;
    }
  }, [a, playbook.id]);

  const flowTitle = (flowId: string) => {
    const flow = playbook.flows.find((f) => f.id === flowId);
    return flow ? L(flow.title) : flowId;
  };

  const reasonList = (title: LocalizedText, list: Reason[], cls: string, testid: string) =>
    list.length > 0 && (
      <div data-testid={testid}>
        <strong>{L(title)}</strong>
        <ul class={cls}>
          {list.map((r) => (
            <li key={r.id} data-reason-id={r.id}>
              {L(r.text)}{' '}
              <a href={r.source.url} target="_blank" rel="noreferrer noopener">
                {L(S.source)}: {L(r.source.title)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    );

  const yesNo = (
    name: 'needsSpecialVatInvoice' | 'needsSmsPacks' | 'buysInMainland',
    label: LocalizedText,
  ) => (
    <label class="q">
      <input
        type="checkbox"
        name={name}
        checked={a[name]}
        onChange={(e) => set({ [name]: e.currentTarget.checked })}
      />{' '}
      {L(label)}
    </label>
  );

  return (
    <section data-testid="vg-decision" aria-labelledby="vg-decision-h">
      <h3 id="vg-decision-h">{L(S.decisionHeading)}</h3>
      {record.decision && (
        <p class="muted" data-testid="vg-decision-saved">
          {L(S.recommended)}: {L(playbook.types[record.decision.recommended].name)} ·{' '}
          {flowTitle(record.decision.flowId)}
        </p>
      )}
      <fieldset>
        <legend>{L(S.qOwner)}</legend>
        {(['individual', 'organization'] as const).map((owner) => (
          <label class="q" key={owner}>
            <input
              type="radio"
              name="owner"
              value={owner}
              checked={a.owner === owner}
              onChange={() => set({ owner })}
            />{' '}
            {L(owner === 'individual' ? S.ownerIndividual : S.ownerOrganization)}
          </label>
        ))}
      </fieldset>
      {yesNo('needsSpecialVatInvoice', S.qVat)}
      {yesNo('needsSmsPacks', S.qSms)}
      {yesNo('buysInMainland', S.qMainland)}
      <label class="q">
        <span>{L(S.qDocument)}</span>
        <select
          name="document"
          value={a.document}
          onChange={(e) => set({ document: e.currentTarget.value })}
        >
          <option value="">{L(S.notSure)}</option>
          {documentsOf(playbook).map((d) => (
            <option key={d.id} value={d.id}>
              {L(d.name)}
            </option>
          ))}
        </select>
      </label>
      <label class="q">
        <span>{L(S.qBankCard)}</span>
        <select
          name="hasMainlandBankCard"
          value={a.hasMainlandBankCard}
          onChange={(e) =>
            set({ hasMainlandBankCard: e.currentTarget.value as Answers['hasMainlandBankCard'] })
          }
        >
          <option value="">{L(S.notSure)}</option>
          <option value="yes">{L(S.yes)}</option>
          <option value="no">{L(S.no)}</option>
        </select>
      </label>
      <label class="q">
        <span>{L(S.qRegion)}</span>
        <select
          name="accountRegion"
          value={a.accountRegion}
          onChange={(e) =>
            set({ accountRegion: e.currentTarget.value as Answers['accountRegion'] })
          }
        >
          <option value="">{L(S.notSure)}</option>
          <option value="mainland">{L(S.regionMainland)}</option>
          <option value="hk_macao_taiwan">{L(S.regionHkMacaoTaiwan)}</option>
          <option value="international">{L(S.regionInternational)}</option>
        </select>
      </label>
      {decision && (
        <div class="result" data-testid="vg-decision-result" aria-live="polite">
          <p>
            <strong>{L(S.recommended)}:</strong>{' '}
            <span data-testid="vg-recommended" data-type={decision.recommended}>
              {L(playbook.types[decision.recommended].name)}
            </span>{' '}
            · {flowTitle(decision.flowId)}
          </p>
          {decision.eligibleMethods.length > 0 && (
            <p>
              <strong>{L(S.methods)}:</strong>{' '}
              {decision.eligibleMethods.map((m) => L(m.name)).join(', ')}
            </p>
          )}
          {decision.requiredDocuments.length > 0 && (
            <p>
              <strong>{L(S.documents)}:</strong>{' '}
              {decision.requiredDocuments.map((d) => L(d.name)).join(', ')}
            </p>
          )}
          {reasonList(S.blockers, decision.blockers, 'blocker', 'vg-blockers')}
          {reasonList(S.warnings, decision.warnings, '', 'vg-warnings')}
          {reasonList(S.reasons, decision.reasons, '', 'vg-reasons')}
          {canWrite && (
            <button
              type="button"
              class="primary"
              onClick={() =>
                void update((r) => ({
                  ...r,
                  flowId: decision.flowId,
                  decision: {
                    recommended: decision.recommended,
                    flowId: decision.flowId,
                    decidedAt: now().toISOString(),
                  },
                })).then(() => setSaved(true))
              }
            >
              {L(S.useFlow)}
            </button>
          )}
          {saved && (
            <p class="muted" role="status">
              {L(S.flowSaved)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
