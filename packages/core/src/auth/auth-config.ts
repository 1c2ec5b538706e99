/** Sign-in rules. Data, not scattered constants; the server may override them from its configuration. */
export interface AuthPolicy {
  maxFailedAttempts: number;
  lockMinutes: number;
  sessionHours: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailedAttempts: 5, lockMinutes: 15, sessionHours: 12 };
