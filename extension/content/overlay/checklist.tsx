import type { Flow, PageRule, Playbook, Step } from '../../../shared/playbooks/schema';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import type { AccountRecord } from '../../records/record-store';
import { signalsShown } from '../page-text';
import { fill, S } from './strings';
import type { UpdateRecord } from './use-record';

/**
 * The flow the checklist follows: the one saved in the record (picked by hand or by the
 * decision helper), else the first flow this page serves.
 */
export function currentFlow(
  playbook: Playbook,
  page: PageRule,
  record: AccountRecord,
): Flow | null {
  const saved = playbook.flows.find((f) => f.id === record.flowId);
  if (saved) return saved;
  return playbook.flows.find((f) => page.flows.includes(f.kind)) ?? playbook.flows[0] ?? null;
}

/**
 * The step the page is on: the furthest step of the flow whose signal text the page shows
 * (a signal marks the user being on or past that step).
 */
export function stepOnPage(flow: Flow, texts: readonly string[]): Step | null {
  let found: Step | null = null;
  for (const step of flow.steps) {
    const signal = step.signal;
    if (signal && signalsShown(texts, [...signal.en, ...signal.zh]).length > 0) found = step;
  }
  return found;
}

/** "3 of 8": ticked steps of the flow. */
export const progressOf = (flow: Flow, record: AccountRecord): { done: number; total: number } => ({
  done: flow.steps.filter((s) => record.checklist[s.id] !== undefined).length,
  total: flow.steps.length,
});

interface Props {
  playbook: Playbook;
  page: PageRule;
  record: AccountRecord;
  update: UpdateRecord;
  /** False for a viewer: the steps show progress but do not toggle. */
  canWrite: boolean;
  texts: readonly string[];
  locale: Locale;
  now: () => Date;
}

/**
 * The checklist of the chosen flow: steps as checkboxes, progress saved in the record. For a
 * viewer the steps are read-only checkboxes (the flow picker stays: the flow is this browser's
 * view, not team data).
 */
export function ChecklistSection({
  playbook,
  page,
  record,
  update,
  canWrite,
  texts,
  locale,
  now,
}: Props) {
  const L = (text: LocalizedText) => pick(text, locale);
  const flow = currentFlow(playbook, page, record);
  if (!flow) return null;
  const here = stepOnPage(flow, texts);
  const { done, total } = progressOf(flow, record);

  const toggle = (step: Step): void => {
    if (!canWrite) return;
    void update((r) => {
      const checklist = { ...r.checklist };
      if (checklist[step.id] === undefined) checklist[step.id] = now().toISOString();
      else delete checklist[step.id];
      // Ticking steps of a flow means following it: remember the flow.
      return { ...r, checklist, flowId: flow.id };
    });
  };

  return (
    <section data-testid="vg-checklist" aria-labelledby="vg-checklist-h">
      <h3 id="vg-checklist-h">
        {L(S.checklistHeading)}:{' '}
        <span data-testid="vg-progress" aria-live="polite">
          {fill(L(S.progress), { done, total })}
        </span>
      </h3>
      <label class="q">
        <span>{L(S.flow)}</span>
        <select
          data-testid="vg-flow"
          value={flow.id}
          onChange={(e) => {
            const flowId = e.currentTarget.value;
            void update((r) => ({ ...r, flowId }));
          }}
        >
          {playbook.flows.map((f) => (
            <option key={f.id} value={f.id}>
              {L(f.title)}
            </option>
          ))}
        </select>
      </label>
      {record.decision && record.decision.flowId !== flow.id && (
        <p class="muted">{L(S.decisionIsNewer)}</p>
      )}
      <fieldset class="steps">
        <legend class="sr-only">{L(flow.title)}</legend>
        {flow.steps.map((step) => {
          const checked = record.checklist[step.id] !== undefined;
          const current = here?.id === step.id;
          return (
            // biome-ignore lint/a11y/useSemanticElements: the spec's vg-step is a role=checkbox item whose content is the step's title and detail, which a native checkbox cannot hold.
            <div
              key={step.id}
              class="step"
              role="checkbox"
              tabIndex={canWrite ? 0 : undefined}
              aria-checked={checked ? 'true' : 'false'}
              aria-readonly={canWrite ? undefined : 'true'}
              aria-disabled={canWrite ? undefined : 'true'}
              aria-current={current ? 'step' : undefined}
              aria-labelledby={`vg-step-${step.id}`}
              aria-describedby={`vg-step-${step.id}-d`}
              data-testid="vg-step"
              data-step-id={step.id}
              onClick={canWrite ? () => toggle(step) : undefined}
              onKeyDown={
                canWrite
                  ? (e) => {
                      if (e.key === ' ' || e.key === 'Enter') {
                        e.preventDefault();
                        toggle(step);
                      }
                    }
                  : undefined
              }
            >
              <span class="box" aria-hidden="true">
                {checked ? '✓' : ''}
              </span>
              <span>
                <span class="title" id={`vg-step-${step.id}`}>
                  {L(step.title)}
                </span>
                <span class="detail" id={`vg-step-${step.id}-d`}>
                  {L(step.detail)}
                </span>
              </span>
              {current && <span class="here">{L(S.currentStep)}</span>}
            </div>
          );
        })}
      </fieldset>
    </section>
  );
}
