/**
 * One queue for every read-modify-write of the background's storage (outbox, team cache,
 * conflicts, records). The service worker is the only writer of these items, so serialising
 * here is enough; network calls run outside it so a slow API never blocks the overlay.
 */
let tail: Promise<unknown> = Promise.resolve();

export function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
