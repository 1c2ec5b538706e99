export * from './templates.ts';
export * from './duty-calendar.ts';
export * from './schemas.ts';
export * from './duty-shapes.ts';
