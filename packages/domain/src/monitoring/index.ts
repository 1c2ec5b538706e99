export * from './devices.ts';
export * from './rule-sets.ts';
export * from './evaluate.ts';
export * from './camera-events.ts';
