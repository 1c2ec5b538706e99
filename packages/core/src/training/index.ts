export * from './training-records.ts';
export * from './exam-sessions.ts';
export * from './exam-attempts.ts';
export * from './training-kpis.ts';
