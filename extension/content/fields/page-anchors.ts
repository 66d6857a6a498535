import type {
  DocumentRef,
  FieldAnchor,
  Flow,
  PageRule,
  Playbook,
  Step,
} from '../../../shared/playbooks/schema';

/** A field anchor with the flow and step that ask for it. */
export interface PlacedAnchor {
  anchor: FieldAnchor;
  flow: Flow;
  step: Step;
}

/** The flows a recognised page serves, in playbook order. */
export const pageFlows = (playbook: Playbook, page: PageRule): Flow[] =>
  playbook.flows.filter((flow) => page.flows.includes(flow.kind));

/**
 * The field anchors of the flows this page serves, first occurrence of each anchor id winning
 * (flows share anchors such as the ID type field).
 */
export function pageFieldAnchors(playbook: Playbook, page: PageRule): PlacedAnchor[] {
  const seen = new Set<string>();
  const placed: PlacedAnchor[] = [];
  for (const flow of pageFlows(playbook, page)) {
    for (const step of flow.steps) {
      for (const anchor of step.fields ?? []) {
        if (seen.has(anchor.id)) continue;
        seen.add(anchor.id);
        placed.push({ anchor, flow, step });
      }
    }
  }
  return placed;
}

/** The documents a flow accepts: those of the verification type it ends in. */
export const flowDocuments = (playbook: Playbook, flow: Flow): DocumentRef[] =>
  playbook.types[flow.entityType].documents;

/** The playbook source a rule links to, when it exists. */
export const findSource = (playbook: Playbook, sourceId: string) =>
  playbook.sources.find((s) => s.id === sourceId);
