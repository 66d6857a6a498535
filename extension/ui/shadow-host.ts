/**
 * Our own top layer: a `veriguide-*` element appended to <html> (after the page's body, so at
 * equal z-index it paints above the page's own fixed elements), with a shadow root holding all
 * of its styles. `all: initial` on the host keeps the page's CSS out; nothing leaks out because
 * no style lives outside the shadow root.
 */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** The element to render into. */
  mount: HTMLElement;
  remove(): void;
}

export const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'z-index: 2147483647',
  'right: 16px',
  'bottom: 16px',
  'display: block',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

export function createShadowHost(
  doc: Document,
  name: `veriguide-${string}`,
  css: string,
  style: string = HOST_STYLE,
): ShadowHost {
  doc.querySelector(name)?.remove();
  const host = doc.createElement(name);
  host.setAttribute('style', style);
  // Open so screen readers and the browser tests see in; it never holds page data.
  const root = host.attachShadow({ mode: 'open' });
  const sheet = doc.createElement('style');
  sheet.textContent = css;
  const mount = doc.createElement('div');
  root.append(sheet, mount);
  doc.documentElement.append(host);
  return { host, root, mount, remove: () => host.remove() };
}

/** Removes every `veriguide-*` element at the top of the document (ours and other features'). */
export function removeAllHosts(doc: Document): void {
  for (const parent of [doc.documentElement, doc.body]) {
    if (!parent) continue;
    for (const el of [...parent.children]) {
      if (el.localName.startsWith('veriguide-')) el.remove();
    }
  }
}
