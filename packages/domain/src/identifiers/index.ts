/** Identifier validators, parsers and demo-data generators of the registry (一企一档). */
export * from './uscc.ts';
export * from './licence-number.ts';
export * from './product-number.ts';
export * from './gtin.ts';
export * from './messages.ts';
