export * from './qa-release-service.ts';
