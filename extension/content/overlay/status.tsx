import { useState } from 'preact/hooks';
import { isOverdue, localDate } from '../../../shared/dates';
import type { RecordAccess } from '../../../shared/messages';
import type { Flow, Playbook } from '../../../shared/playbooks/schema';
import { containsPii } from '../../../shared/privacy/pii';
import { explainRefusal, type Refusal } from '../../../shared/rules/status-machine';
import { type Locale, pick } from '../../../shared/text';
import type { AccountRecord } from '../../records/record-store';
import type { ShownStatus } from '../anchors/types';
import { S } from './strings';
import { moveTo, type Target } from './transitions';
import type { UpdateRecord } from './use-record';
import { windowText } from './window-text';

export { windowText };

interface Props {
  playbook: Playbook;
  record: AccountRecord;
  update: UpdateRecord;
  /** False for a viewer of the team: no action is offered (the API would refuse it). */
  canWrite: boolean;
  /** The latest change of this account the team's API refused, with its reason. */
  refused: RecordAccess['refused'];
  flow: Flow | null;
  pageStatus: ShownStatus | null;
  locale: Locale;
  now: () => Date;
}

/**
 * The account's status: review window, overdue, lock end, the actions that move it through the
 * status machine, and the page's own status offered (never applied) as an update. A viewer
 * gets none of the actions, only a line saying why; a change the team refused says why too.
 */
export function StatusSection({
  playbook,
  record,
  update,
  canWrite,
  refused,
  flow,
  pageStatus,
  locale,
  now,
}: Props) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const L = (text: { en: string; zh: string }) => pick(text, locale);

  const apply = async (target: Target, route: boolean, rejectReason?: string): Promise<boolean> => {
    // The record never holds document or card numbers, even in a rejection reason.
    if (rejectReason !== undefined && containsPii(rejectReason)) {
      setRefusal({ code: 'not_allowed', message: S.reasonHasPii });
      return false;
    }
    const at = now().toISOString();
    const result = moveTo(playbook, record, target, {
      at,
      flow,
      reason: rejectReason,
      direct: !route,
    });
    if (!result.ok) {
      setRefusal(result.refusal);
      return false;
    }
    setRefusal(null);
    const {
      status,
      entityType,
      submittedAt,
      reviewWindow,
      verifiedAt,
      lockedUntil,
      rejectedReason,
    } = result.record;
    // Only the status fields: a step ticked meanwhile (another tab) is kept.
    await update((current) => ({
      ...current,
      status,
      entityType,
      submittedAt,
      reviewWindow,
      verifiedAt,
      lockedUntil,
      rejectedReason,
    }));
    return true;
  };

  const w = record.reviewWindow;
  const overdue = record.status === 'in_review' && w !== null && isOverdue(w, now().toISOString());
  const locked = record.lockedUntil !== null && record.lockedUntil > now().toISOString();
  const offer = canWrite && pageStatus && pageStatus.status !== record.status ? pageStatus : null;

  return (
    <section data-testid="vg-status" aria-labelledby="vg-status-h">
      <h3 id="vg-status-h">{L(S.statusHeading)}</h3>
      <p>
        <span class={`pill ${record.status}`} data-testid="vg-status-value">
          {L(S.status[record.status])}
        </span>{' '}
        <span class="muted">{L(S.entity[record.entityType])}</span>
      </p>
      {record.submittedAt && (
        <p class="muted">
          {L(S.submittedAt)}: {localDate(record.submittedAt, playbook.timeZone)}
        </p>
      )}
      {w && record.status === 'in_review' && (
        <p data-testid="vg-review-window">
          {L(S.reviewWindow)}: {windowText(w)}
          {w.estimate && (
            <span class="muted" title={L(S.estimate)}>
              {' '}
              {L(S.estimateMark)}
            </span>
          )}
        </p>
      )}
      {overdue && (
        <p class="refusal" data-testid="vg-overdue" role="alert">
          {L(S.overdue)}
        </p>
      )}
      {locked && record.lockedUntil && (
        <p data-testid="vg-lock-end">
          {L(S.lockEnd)}: {localDate(record.lockedUntil, playbook.timeZone)}
        </p>
      )}
      {record.status === 'rejected' && record.rejectedReason && (
        <p class="muted">
          {L(S.rejectedReason)}: {record.rejectedReason}
        </p>
      )}
      {offer && (
        <div class="offer" data-testid="vg-status-offer">
          {L(S.pageSays)}: “{offer.text}”.{' '}
          <button
            type="button"
            class="primary"
            onClick={() =>
              void apply(offer.status, true, offer.status === 'rejected' ? offer.text : undefined)
            }
          >
            {L(S.updateTo)} {L(S.status[offer.status])}
          </button>
        </div>
      )}
      {canWrite ? (
        <div class="actions">
          <button type="button" onClick={() => void apply('in_review', true)}>
            {L(S.iSubmitted)}
          </button>
          <button type="button" onClick={() => void apply('verified', false)}>
            {L(S.approved)}
          </button>
          <button type="button" aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
            {L(S.rejected)}
          </button>
        </div>
      ) : (
        <p class="muted" data-testid="vg-view-only">
          {L(S.viewOnly)}
        </p>
      )}
      {refused && (
        <p class="refusal" role="alert" data-testid="vg-team-refusal">
          {L(S.teamRefused)} ({localDate(refused.at, playbook.timeZone)}): {refused.message}
        </p>
      )}
      {canWrite && rejecting && (
        <form
          class="q"
          onSubmit={(e) => {
            e.preventDefault();
            // Read the field itself: a quick submit may come before the re-render.
            const typed = new FormData(e.currentTarget).get('reason');
            void apply('rejected', false, typeof typed === 'string' ? typed : reason).then((ok) => {
              if (ok) {
                setRejecting(false);
                setReason('');
              }
            });
          }}
        >
          <label>
            <span>{L(S.rejectReasonLabel)}</span>
            <input
              type="text"
              name="reason"
              value={reason}
              maxLength={300}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          <div class="actions">
            <button type="submit">{L(S.saveRejection)}</button>
            <button type="button" onClick={() => setRejecting(false)}>
              {L(S.cancel)}
            </button>
          </div>
        </form>
      )}
      {refusal && (
        <p class="refusal" role="alert" data-testid="vg-refusal">
          {L(S.refused)}: {explainRefusal(refusal, locale)}
        </p>
      )}
    </section>
  );
}
