import { hashKey, onlineManager, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import type { CurrentUser } from '../../api/types.ts';
import { isUnreachable } from './inspection-packages.ts';
import { forgetUser, readLastUser, rememberUser } from './offline-db.ts';

/**
 * The signed-in user for offline use. The session guard loads `/api/v1/auth/me` (`useCurrentUserQuery`); this
 * watches that query:
 * - on every answer from the server (and the sign-in form's, which it puts in the query), the user is
 *   remembered on the device;
 * - when the server cannot be reached (no network, or a gateway reporting the server gone), the guard gets
 *   the last remembered user instead of an error, so an inspector who reloads in a basement still sees the
 *   inspection pages. The query stays stale and is asked again when the network returns;
 * - when the server says 401, or the session is cleared (sign-out), the remembered user is forgotten.
 */

function isCurrentUser(value: unknown): value is CurrentUser {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' && 'permissions' in value;
}

/**
 * Starts watching the session query of `queryClient`. `onUser` hears the user whenever it is known (from the
 * server or from the device) and null when it is forgotten.
 */
export function keepSessionForOffline(queryClient: QueryClient, onUser: (user: CurrentUser | null) => void): void {
  // TanStack Query assumes it is online until an `offline` event: tell it the truth at start, so a reload
  // with no network pauses the session request at once instead of failing it after its retries.
  if (typeof navigator !== 'undefined' && navigator.onLine === false) onlineManager.setOnline(false);

  let known: CurrentUser | null = null;
  /** Set once the server has spoken in this page: the stored user read at start is then out of date. */
  let decided = false;
  /** The user this module put in the query itself (not an answer from the server). */
  let seeded: CurrentUser | null = null;
  const loaded = readLastUser()
    .then((user) => {
      if (!decided) known = user;
    })
    .catch(() => undefined);
  const meHash = hashKey(queryKeys.me);

  const remember = (user: CurrentUser) => {
    decided = true;
    known = user;
    onUser(user);
    void rememberUser(user).catch(() => undefined);
  };
  const forget = () => {
    decided = true;
    known = null;
    onUser(null);
    void forgetUser().catch(() => undefined);
  };
  const fallBack = () => {
    void loaded.then(() => {
      const query = queryClient.getQueryCache().get(meHash);
      if (!known || !query || query.state.status === 'success') return;
      onUser(known);
      seeded = known;
      // Stale at once (updatedAt 0): the server is asked again as soon as the network is back.
      queryClient.setQueryData(queryKeys.me, known, { updatedAt: 0 });
    });
  };

  queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== meHash) return;
    if (event.type === 'removed') {
      forget();
      return;
    }
    if (event.type !== 'updated') return;
    const { action } = event;
    if (action.type === 'success' && isCurrentUser(action.data) && !(action.manual && action.data === seeded)) remember(action.data);
    else if (action.type === 'error' && action.error instanceof ApiError && action.error.status === 401) forget();
    else if (action.type === 'error' && isUnreachable(action.error)) fallBack();
    else if (action.type === 'pause') fallBack();
  });
}
