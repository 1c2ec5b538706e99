export * from './checklists.ts';
export * from './schemas.ts';
export * from './kpis.ts';
export * from './qa-release.ts';
