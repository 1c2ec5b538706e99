export * from './device-service.ts';
export * from './rule-set-service.ts';
export * from './reading-partitions.ts';
export * from './ingest-readings.ts';
export * from './silent-devices.ts';
export * from './alert-service.ts';
export * from './device-credentials.ts';
