import type { Action } from '@shian/domain/access/policy.ts';
import type { CurrentUser } from '../api/types.ts';
import { useCurrentUser } from './current-user.tsx';

/**
 * True when the user's role grants `action` (the server sends `GRANTS[role]` as `permissions`). Typed by the
 * domain's action list, so the supervision actions (`risk.manage`, `clock.extend`…) need no copy here. For a
 * record in scope, prefer the record's `abilities` (the dossier's `can`).
 */
export function hasGrant(user: CurrentUser, action: Action): boolean {
  return user.permissions.includes(action);
}

export function useGrant(action: Action): boolean {
  return hasGrant(useCurrentUser(), action);
}
