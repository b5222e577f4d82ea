/**
 * The mixture chunk ops by name, as the main-thread runner and the pool workers call them.
 * @module
 */
import { eStepChunk, type EStepArgs } from './e-step.js';
import { scatterChunk, sumsChunk, type MStepArgs } from './m-step.js';

export const MIXTURE_OPS: Record<string, (a: any, chunk: number) => void> = {
  eStep: (a: EStepArgs, c) => eStepChunk(a, c),
  mSums: (a: MStepArgs, c) => sumsChunk(a, c),
  mScatter: (a: MStepArgs, c) => scatterChunk(a, c),
};
