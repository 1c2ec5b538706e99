export * from './checklists/index.ts';
export * from './answers.ts';
export * from './assessment.ts';
