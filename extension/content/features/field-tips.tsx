import type { Feature, FeatureContext } from '../feature';
import type { FoundField } from '../fields/find-field';
import { childController, createOverlayHost, onViewportChange } from '../fields/overlay-host';
import { pageFieldAnchors } from '../fields/page-anchors';
import { watchPageFields } from '../fields/watch-fields';
import { withUi } from '../ui-loader';

const CSS = `
.tip { position: fixed; box-sizing: border-box; max-width: 300px; padding: 8px 30px 8px 10px;
  background: #fffbe6; border: 1px solid #e0b400; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.18);
  pointer-events: auto; }
.tip strong { display: block; margin-bottom: 2px; }
.close { position: absolute; top: 4px; right: 4px; width: 22px; height: 22px; border: 0; border-radius: 4px;
  background: transparent; font: inherit; font-size: 16px; line-height: 1; cursor: pointer; color: inherit; }
.close:hover, .close:focus-visible { background: rgba(0,0,0,.08); outline: 2px solid #1f6feb; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

/** Hovering off a field leaves the tip up this long, so the pointer can reach its × button. */
const HIDE_DELAY_MS = 250;

const DISMISSED_KEY = 'veriguide:dismissed-tips';
/** Used only when the page refuses sessionStorage (sandboxed frames): lasts for this page. */
const dismissedInMemory = new Set<string>();

/** Tips the user dismissed in this tab's session (field ids only, nothing the user typed). */
function loadDismissed(win: Window): Set<string> {
  try {
    const saved: unknown = JSON.parse(win.sessionStorage.getItem(DISMISSED_KEY) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((id) => typeof id === 'string') : []);
  } catch {
    return dismissedInMemory;
  }
}

function saveDismissed(win: Window, ids: Set<string>): void {
  try {
    win.sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...ids]));
  } catch {
    for (const id of ids) dismissedInMemory.add(id);
  }
}

/**
 * Field tips: beside each recognised field of the page's flows, shown while the field has focus
 * or the pointer, never over the field, dismissible for the session (× or Escape). The page's
 * fields are only listened to, never changed.
 */
export const fieldTips: Feature = {
  id: 'field-tips',
  runsOn: (page, playbook) => pageFieldAnchors(playbook, page).length > 0,
  init(ctx: FeatureContext) {
    const { signal, window: win, document: doc, locale } = ctx;
    const { mount } = createOverlayHost(doc, 'veriguide-field-tips', CSS, signal);
    const dismissed = loadDismissed(win);
    let fields = new Map<string, FoundField>();
    const listeners = new Map<string, { element: HTMLElement; controller: AbortController }>();
    let focused: string | null = null;
    let hovered: string | null = null;
    let overTip = false;
    let shown: string | null = null;
    let tick = 0;
    let hideTimer: number | undefined;

    // A polite live region: screen readers hear the tip when it appears, and the page's field
    // needs no aria-describedby pointing into our shadow root. The tip renders inside it.
    const live = doc.createElement('div');
    live.setAttribute('aria-live', 'polite');
    mount.append(live);

    const paint = (): void => {
      if (signal.aborted) return;
      const wanted = (overTip ? shown : null) ?? hovered ?? focused;
      shown = wanted && !dismissed.has(wanted) && fields.has(wanted) ? wanted : null;
      // Nothing to show and no UI yet: the chunk waits for the first field the user reaches.
      if (!shown && !ctx.ui.get()) return;
      withUi(ctx.ui, signal, (ui) => {
        // The chunk may arrive after the user moved on: show what is wanted then.
        const field = shown ? fields.get(shown) : undefined;
        ui.renderTip(
          live,
          field
            ? {
                field,
                locale,
                win,
                tick,
                onDismiss: () => dismiss(field.anchor.id),
                onHover: (inside) => {
                  overTip = inside;
                  win.clearTimeout(hideTimer);
                  if (!inside) endHover(field.anchor.id);
                  paint();
                },
              }
            : null,
        );
      });
    };
    /** The pointer left the field or its tip: hide a little later, unless it comes back. */
    const endHover = (id: string): void => {
      win.clearTimeout(hideTimer);
      hideTimer = win.setTimeout(() => {
        if (hovered === id) hovered = null;
        paint();
      }, HIDE_DELAY_MS);
    };
    const dismiss = (id: string): void => {
      dismissed.add(id);
      saveDismissed(win, dismissed);
      paint();
    };

    const wire = (id: string, element: HTMLElement): AbortController => {
      const controller = childController(signal);
      const opts = { signal: controller.signal };
      element.addEventListener(
        'focusin',
        () => {
          focused = id;
          paint();
        },
        opts,
      );
      element.addEventListener(
        'focusout',
        () => {
          if (focused === id) focused = null;
          paint();
        },
        opts,
      );
      element.addEventListener(
        'mouseenter',
        () => {
          win.clearTimeout(hideTimer);
          hovered = id;
          paint();
        },
        opts,
      );
      element.addEventListener('mouseleave', () => endHover(id), opts);
      element.addEventListener(
        'keydown',
        (event) => {
          if (event.key !== 'Escape' || shown !== id) return;
          // The Escape was for our tip; the page's own dialog must not close under the user.
          event.stopPropagation();
          dismiss(id);
        },
        opts,
      );
      return controller;
    };

    watchPageFields(ctx, (found) => {
      fields = new Map(found);
      for (const [id, entry] of listeners) {
        if (found.get(id)?.element === entry.element) continue;
        entry.controller.abort();
        listeners.delete(id);
        if (focused === id) focused = null;
        if (hovered === id) hovered = null;
      }
      for (const [id, field] of found) {
        if (!listeners.has(id)) {
          listeners.set(id, { element: field.element, controller: wire(id, field.element) });
        }
      }
      // A field already focused when it was found (autofocus) shows its tip at once.
      for (const [id, field] of found) {
        const active =
          field.element.getRootNode() instanceof ShadowRoot
            ? (field.element.getRootNode() as ShadowRoot).activeElement
            : doc.activeElement;
        if (active && field.element.contains(active)) focused = id;
      }
      paint();
    });
    onViewportChange(win, signal, () => {
      tick++;
      if (shown) paint();
    });
    signal.addEventListener('abort', () => {
      win.clearTimeout(hideTimer);
      ctx.ui.get()?.renderTip(live, null);
    });
  },
};
