/** The published demo password: accepted in demo mode only; production refuses to start while any demo account has it. */
export const DEMO_PASSWORD = 'Demo@2026';

/** The documented demo accounts (README). More demo users exist; these are the ones people sign in with. */
export const DEMO_USERNAMES = ['city-admin', 'city-supervisor', 'huangpu-inspector', 'pudong-inspector', 'pudong-supervisor', 'ent-admin-1', 'ent-seller-1', 'ent-seller-2'] as const;
