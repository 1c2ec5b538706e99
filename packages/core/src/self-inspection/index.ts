export * from './self-inspection-queries.ts';
export * from './self-inspection-service.ts';
export * from './rectification-items.ts';
export * from './self-inspection-kpis.ts';
