/**
 * The path to go back to after signing in, from `?next=`: only a same-origin absolute path, never
 * `//host` or a full URL (an open redirect), never the sign-in page itself.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

/** `/login?next=<current path>` for the current location. */
export function loginPathFor(location: { pathname: string; search: string; hash?: string }): string {
  const current = `${location.pathname}${location.search}${location.hash ?? ''}`;
  if (location.pathname === '/login') return '/login';
  return current === '/' ? '/login' : `/login?next=${encodeURIComponent(current)}`;
}
