import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Deps } from '../../../extension/background/context';
import { routeMessage, type Sender } from '../../../extension/background/router';
import type { RuntimeLike } from '../../../extension/records/remote-record-store';

type Port = Browser.runtime.Port;
type Listener = (...args: unknown[]) => void;

/** A runtime event with the three methods the extension's code uses. */
function event() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
  };
}

/**
 * Two ends of a runtime port, as Chrome links them: a message posted on one end arrives (a
 * structured clone, a task later) on the other; `disconnect()` on one end fires the other
 * end's onDisconnect only.
 */
function linkedPorts(name: string, sender: Sender): [Port, Port] {
  const make = (withSender: boolean) => {
    const onMessage = event();
    const onDisconnect = event();
    return { name, sender: withSender ? sender : undefined, onMessage, onDisconnect };
  };
  const a = make(false);
  const b = make(true);
  let open = true;
  const wire = (from: typeof a, to: typeof a) =>
    Object.assign(from, {
      postMessage(message: unknown) {
        if (!open) throw new Error('Attempting to use a disconnected port object');
        const copy = structuredClone(message);
        setTimeout(() => {
          if (open) for (const l of to.onMessage.listeners) l(copy, to);
        });
      },
      disconnect() {
        if (!open) return;
        open = false;
        for (const l of to.onDisconnect.listeners) l(to);
      },
    });
  // The fake ports carry what the extension's code touches of Browser.runtime.Port.
  return [wire(a, b) as unknown as Port, wire(b, a) as unknown as Port];
}

/**
 * Installs a `runtime.onConnect` on WXT's fake browser (it has none) so `startBackground` can
 * listen, and returns a content script's runtime whose messages reach the real router and
 * whose ports reach the background's listener, as sent from `sender`'s tab.
 */
export function contentRuntime(sender: Sender, deps: () => Deps): RuntimeLike {
  const onConnect = event();
  Object.assign(fakeBrowser.runtime, { onConnect });
  return {
    sendMessage: (message) => routeMessage(structuredClone(message), sender, deps()),
    connect: ({ name }) => {
      const [content, background] = linkedPorts(name, sender);
      for (const l of onConnect.listeners) l(background);
      return content;
    },
  };
}
