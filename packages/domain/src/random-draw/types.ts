/** The name and version of the published draw algorithm (see `draw.ts`). A change of any rule is a new version. */
export const ALGORITHM = 'shian-draw/1';
export type DrawAlgorithm = typeof ALGORITHM;

/** One entry of the filtered target roster (检查对象名录库). `weight` > 0; a higher weight is drawn more often. */
export interface DrawTarget {
  id: string;
  jurisdictionCode: string;
  weight: number;
}

/** One entry of the inspector roster (执法检查人员名录库), with the targets the inspector declared recusal (回避) from. */
export interface DrawInspector {
  id: string;
  jurisdictionCode: string;
  recusedTargetIds: readonly string[];
}

/**
 * How many targets to draw: a count, or a proportion of the roster in (0, 1]. A count above the roster size
 * is clamped to the roster size; see {@link drawCount}.
 */
export type DrawSize = { mode: 'count'; count: number } | { mode: 'proportion'; proportion: number };

export interface DrawInput {
  /** Public seed, fixed before the draw (e.g. from {@link randomSeed}); non-empty, no control characters. */
  seed: string;
  targets: readonly DrawTarget[];
  size: DrawSize;
  inspectors: readonly DrawInspector[];
  /** Inspectors sent to each target: at least 2 (食品生产经营监督检查管理办法（总局令第49号）第二十三条). */
  inspectorsPerTarget: number;
}

export interface DrawPick {
  /** 1-based rank in the draw. */
  position: number;
  targetId: string;
  /** The assigned inspectors in id order; empty when the target is unstaffed. */
  inspectorIds: string[];
}

export interface DrawOutcome {
  algorithm: DrawAlgorithm;
  seed: string;
  /** Hex SHA-256 of the canonical target roster text. */
  rosterDigest: string;
  /** Hex SHA-256 of the canonical inspector roster text, recusals included. */
  inspectorRosterDigest: string;
  picked: DrawPick[];
  /** Picked targets, in draw order, for which fewer than `inspectorsPerTarget` eligible inspectors exist. */
  unstaffed: string[];
}

/** What was wrong with a draw's input; `problem` is stable for callers that map it to an error code. */
export type DrawInputProblem =
  | 'seed_invalid'
  | 'id_invalid'
  | 'duplicate_target_id'
  | 'duplicate_inspector_id'
  | 'jurisdiction_invalid'
  | 'weight_invalid'
  | 'count_invalid'
  | 'proportion_invalid'
  | 'inspectors_per_target_invalid';

/** Thrown by `runDraw` for input the algorithm refuses; the message names the offending value. */
export class DrawInputError extends Error {
  readonly problem: DrawInputProblem;

  constructor(problem: DrawInputProblem, message: string) {
    super(`${ALGORITHM}: ${message}`);
    this.name = 'DrawInputError';
    this.problem = problem;
  }
}
