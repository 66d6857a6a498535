import type { Account } from '../../shared/api/accounts';
import type { LocalizedText } from '../../shared/text';
import type { PageState } from '../background/pages';
import type { AccountRecord } from '../records/record-store';
import { send } from './messaging';
import { S, STATUS_TEXT } from './strings';

type L = (text: LocalizedText) => string;

/** Outbox size, last sync, conflicts with both versions, and refused changes with why. */
export function SyncSummary({ state, L }: { state: PageState; L: L }) {
  if (!state.connection) return null;
  return (
    <div data-testid="vg-sync">
      <p>
        {L(S.outbox)}: <span data-testid="vg-outbox-count">{state.outbox.length}</span> ·{' '}
        {L(S.lastSync)}: {state.lastSyncAt ?? L(S.never)}
        {state.lastError && <span class="error"> ({state.lastError})</span>}{' '}
        <button type="button" onClick={() => void send({ type: 'sync/now' })}>
          {L(S.syncNow)}
        </button>
      </p>
      {state.conflicts.length > 0 && (
        <section aria-labelledby="conflicts-h" data-testid="vg-conflicts">
          <h3 id="conflicts-h">{L(S.conflicts)}</h3>
          <p>{L(S.conflictHelp)}</p>
          {state.conflicts.map((c) => (
            <div key={c.id} class="conflict" data-testid="vg-conflict">
              <strong>
                {c.key.provider} {c.key.externalId}
              </strong>
              <table>
                <thead>
                  <tr>
                    <th />
                    <th>{L(S.mine)}</th>
                    <th>{L(S.theirs)}</th>
                  </tr>
                </thead>
                <tbody>
                  <Row
                    label={L(S.status)}
                    mine={L(statusText(c.mine.status))}
                    theirs={L(statusText(c.theirs.status))}
                  />
                  <Row label={L(S.checklist)} mine={steps(c.mine)} theirs={steps(c.theirs)} />
                  <Row label="Type" mine={c.mine.entityType} theirs={c.theirs.entityType} />
                </tbody>
              </table>
              <button
                type="button"
                onClick={() => void send({ type: 'conflict/resolve', id: c.id, keep: 'mine' })}
              >
                {L(S.keepMine)}
              </button>{' '}
              <button
                type="button"
                onClick={() => void send({ type: 'conflict/resolve', id: c.id, keep: 'theirs' })}
              >
                {L(S.keepTheirs)}
              </button>
            </div>
          ))}
        </section>
      )}
      {state.refusals.length > 0 && (
        <section aria-labelledby="refused-h" data-testid="vg-refusals">
          <h3 id="refused-h">{L(S.refused)}</h3>
          <ul>
            {state.refusals.map((r) => (
              <li key={r.id} data-testid="vg-refusal">
                {r.key.provider} {r.key.externalId}: {r.message} ({r.code}){' '}
                <button
                  type="button"
                  onClick={() => void send({ type: 'refusal/dismiss', id: r.id })}
                >
                  {L(S.dismiss)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const statusText = (s: string): LocalizedText => STATUS_TEXT[s] ?? { en: s, zh: s };
const steps = (r: AccountRecord | Account) => Object.keys(r.checklist).sort().join(', ') || '—';

function Row({ label, mine, theirs }: { label: string; mine: string; theirs: string }) {
  return (
    <tr class={mine === theirs ? '' : 'differs'}>
      <th scope="row">{label}</th>
      <td>{mine}</td>
      <td>{theirs}</td>
    </tr>
  );
}
