export * from './plan-types.ts';
export * from './plan-reasons.ts';
export * from './schedule-months.ts';
export * from './generate-plan.ts';
