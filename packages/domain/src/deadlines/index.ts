export * from './calendar.ts';
export * from './working-days.ts';
export * from './clock.ts';
export * from './clock-rules.ts';
