import type { Flow, PageRule, Playbook, Step } from '../../../shared/playbooks/schema';
import type { LocalizedText } from '../../../shared/text';
import { isOwnHost, ownText } from './find-field';
import { labelMatches } from './label-text';
import { findSource, pageFlows } from './page-anchors';

/** One irreversible step of the page's flows and the page texts that start it. */
export interface GuardRule {
  flow: Flow;
  step: Step;
  triggers: string[];
  message: LocalizedText;
  source: { url: string; title: LocalizedText } | null;
}

/** The guarded steps of the flows this page serves. */
export function guardRules(playbook: Playbook, page: PageRule): GuardRule[] {
  return pageFlows(playbook, page).flatMap((flow) =>
    flow.steps.flatMap((step) => {
      if (!step.guard) return [];
      const source = findSource(playbook, step.guard.sourceId);
      return [
        {
          flow,
          step,
          triggers: [...step.guard.triggers.en, ...step.guard.triggers.zh],
          message: step.guard.message,
          source: source ? { url: source.url, title: source.title } : null,
        },
      ];
    }),
  );
}

/** What a user clicks: buttons, links, choices, and elements styled as clickable. */
const INTERACTIVE =
  'button, a[href], summary, label, input[type="submit"], input[type="button"], input[type="radio"], ' +
  '[role="button"], [role="link"], [role="radio"], [role="tab"], [role="menuitem"], [role="option"], [onclick]';
/** Elements that each lead somewhere: a container with two of them is a group, not a card. */
const ACTION =
  'button, a[href], input[type="submit"], input[type="button"], input[type="radio"], [role="button"], [role="radio"], [role="tab"]';
/** The card search never climbs past these: beyond them lie other parts of the page. */
const BOUNDARY = 'form, main, body, html, dialog, [role="dialog"], [role="alertdialog"]';
const MAX_TEXT = 80;

const isInteractive = (el: Element): boolean => {
  if (el.matches(INTERACTIVE)) return true;
  const view = el.ownerDocument.defaultView;
  return view ? view.getComputedStyle(el).cursor === 'pointer' : false;
};

const nameOf = (el: Element): string =>
  el.getAttribute('aria-label') ??
  (el instanceof HTMLInputElement && el.type !== 'radio' ? el.value : ownText(el));

/** A descendant (or `el` itself) whose whole short text is one of the triggers. */
const hasTriggerText = (el: Element, triggers: readonly string[]): boolean =>
  [el, ...el.querySelectorAll('*')].some((node) => {
    const text = node.textContent ?? '';
    return text.length <= MAX_TEXT && labelMatches(text, triggers);
  });

/**
 * The guard rule a click starts, from the click's composed path (so clicks inside the page's
 * shadow roots count): the clicked control named like a trigger ("Upgrade"), a choice card whose
 * title is a trigger ("Organization Verification" with its "Verify now" button), or nothing.
 * Clicks on our own overlay never match.
 */
export function matchGuard(
  path: readonly EventTarget[],
  rules: readonly GuardRule[],
): GuardRule | null {
  if (rules.length === 0) return null;
  const elements = path.filter((t): t is Element => t instanceof Element);
  if (elements.some(isOwnHost)) return null;
  const index = elements.slice(0, 8).findIndex(isInteractive);
  const clicked = elements[index];
  if (index < 0 || !clicked) return null;

  const byName = rules.find((r) => labelMatches(nameOf(clicked), r.triggers));
  if (byName) return byName;
  const inside = rules.find((r) => hasTriggerText(clicked, r.triggers));
  if (inside) return inside;

  for (const card of elements.slice(index + 1, index + 4)) {
    if (card.matches(BOUNDARY) || card.querySelectorAll(ACTION).length > 1) break;
    const inCard = rules.find((r) => hasTriggerText(card, r.triggers));
    if (inCard) return inCard;
  }
  return null;
}
