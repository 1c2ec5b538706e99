import { createContext, useContext, type ReactNode } from 'react';
import type { CurrentUser, Permission } from '../api/types.ts';

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext value={user}>{children}</CurrentUserContext>;
}

/** The signed-in user; only rendered below the authentication guard, which provides it. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used below <RequireAuth>');
  return user;
}

export function hasPermission(user: CurrentUser, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

/** True when the signed-in user holds `permission` (menu items and buttons are hidden otherwise). */
export function usePermission(permission: Permission): boolean {
  return hasPermission(useCurrentUser(), permission);
}

const REGULATOR_ROLES: readonly string[] = ['city_admin', 'city_supervisor', 'district_supervisor', 'inspector'];

export function isRegulator(user: CurrentUser): boolean {
  return REGULATOR_ROLES.includes(user.role);
}
