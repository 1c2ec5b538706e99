export * from './types.ts';
export { compareIds } from './canonical.ts';
export { drawCount, runDraw } from './draw.ts';
export { SEED_MIN_BYTES, ZDrawOutcome, randomSeed, verifyDraw } from './verify.ts';
