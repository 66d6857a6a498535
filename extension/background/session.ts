import { type TeamConnection, teamCache } from '../storage';
import type { Api } from './api';
import type { Deps } from './context';
import { withLock } from './lock';

/**
 * The API client for the current connection, carrying the D1 bookmark from each response to
 * the next request (so the team's replicas answer with our own writes included). The bookmark
 * is kept with the team cache so it survives a service-worker restart.
 */
export async function apiFor(
  conn: Pick<TeamConnection, 'apiUrl' | 'token'>,
  deps: Deps,
): Promise<Api> {
  let bookmark = (await teamCache.getValue()).bookmark;
  return deps.api(conn, {
    bookmark: () => bookmark,
    onBookmark: (next) => {
      if (next === bookmark) return;
      bookmark = next;
      void withLock(async () => {
        const cache = await teamCache.getValue();
        await teamCache.setValue({ ...cache, bookmark: next });
      });
    },
  });
}
