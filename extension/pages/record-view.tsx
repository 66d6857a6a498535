import { useState } from 'preact/hooks';
import { isOverdue } from '../../shared/dates/index';
import { findFlow, getPlaybook } from '../../shared/playbooks/index';
import type { Flow } from '../../shared/playbooks/schema';
import { explainRefusal } from '../../shared/rules/status-machine';
import type { Locale, LocalizedText } from '../../shared/text';
import { moveTo, type Target } from '../content/overlay/transitions';
import type { AccountRecord, RecordKey } from '../records/record-store';
import { send } from './messaging';
import { fill, S, STATUS_TEXT } from './strings';

type L = (text: LocalizedText) => string;

/** The flow a record follows: the one chosen in the overlay, else the first for its type. */
export function flowOf(record: AccountRecord): Flow | null {
  const playbook = getPlaybook(record.provider);
  if (record.flowId) {
    const chosen = findFlow(playbook, record.flowId);
    if (chosen) return chosen;
  }
  return (
    playbook.flows.find(
      (f) =>
        f.entityType === record.entityType && (f.kind === 'individual' || f.kind === 'enterprise'),
    ) ??
    playbook.flows[0] ??
    null
  );
}

/** Steps done of the flow's steps. */
export function progress(record: AccountRecord): { done: number; total: number } {
  const flow = flowOf(record);
  if (!flow) return { done: Object.keys(record.checklist).length, total: 0 };
  return {
    done: flow.steps.filter((s) => s.id in record.checklist).length,
    total: flow.steps.length,
  };
}

export const overdueNow = (record: AccountRecord, now = new Date()): boolean =>
  record.status === 'in_review' &&
  record.reviewWindow !== null &&
  isOverdue(record.reviewWindow, now.toISOString());

export const statusLabel = (status: string, L: L) =>
  L(STATUS_TEXT[status] ?? { en: status, zh: status });

/** Status, review window, overdue, lock end, progress: the facts of one record. */
export function RecordFacts({ record, L }: { record: AccountRecord; L: L }) {
  const p = progress(record);
  const w = record.reviewWindow;
  return (
    <dl class="facts">
      <dt>{L(S.status)}</dt>
      <dd>
        <span class={`pill ${record.status}`} data-testid="vg-page-status">
          {statusLabel(record.status, L)}
        </span>
        {overdueNow(record) && (
          <span class="pill overdue" data-testid="vg-page-overdue">
            {' '}
            {L(S.overdue)}
          </span>
        )}
      </dd>
      {w && record.status === 'in_review' && (
        <>
          <dt>{L(S.reviewWindow)}</dt>
          <dd data-testid="vg-page-window">
            {w.earliest === w.latest ? w.latest : `${w.earliest} – ${w.latest}`}
            {w.estimate ? ' *' : ''}
          </dd>
        </>
      )}
      {record.lockedUntil && (
        <>
          <dt>{L(S.lockedUntil)}</dt>
          <dd>{record.lockedUntil.slice(0, 10)}</dd>
        </>
      )}
      <dt>{L(S.checklist)}</dt>
      <dd data-testid="vg-page-progress">{fill(L(S.progress), p)}</dd>
    </dl>
  );
}

/**
 * "I submitted", "It was approved", "It was rejected": the overlay's status actions, through the
 * same status machine (refusals explained), saved through the background like the overlay's.
 * Not shown to a viewer.
 */
export function QuickActions({
  recordKey,
  record,
  locale,
  L,
}: {
  recordKey: RecordKey;
  record: AccountRecord;
  locale: Locale;
  L: L;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const apply = async (target: Target, route: boolean, why?: string) => {
    const playbook = getPlaybook(record.provider);
    const result = moveTo(playbook, record, target, {
      at: new Date().toISOString(),
      flow: flowOf(record),
      reason: why,
      direct: !route,
    });
    if (!result.ok) return setMessage(explainRefusal(result.refusal, locale));
    const r = await send({ type: 'record/put', key: recordKey, record: result.record });
    setMessage(r.ok ? null : r.error.message);
  };
  return (
    <div class="actions" data-testid="vg-quick-actions">
      <button type="button" onClick={() => void apply('in_review', true)}>
        {L(S.iSubmitted)}
      </button>{' '}
      <button type="button" onClick={() => void apply('verified', false)}>
        {L(S.approved)}
      </button>{' '}
      <input
        aria-label={L(S.rejectReason)}
        placeholder={L(S.rejectReason)}
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <button type="button" onClick={() => void apply('rejected', false, reason)}>
        {L(S.rejected)}
      </button>
      {message && <p role="alert">{message}</p>}
    </div>
  );
}
