/**
 * The shared contract suite every numeric prep step passes (scikit-learn's estimator_checks, Hono's
 * common.case.test.ts), for the contract in src/prep/types.ts. Call
 * `checkTransformer(step, options)` from the step's test file; every skipped check names its reason.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Transformer } from '../../src/prep/types.js';
import { expectClose } from '../helpers/expect.js';

export type TransformerCheck = 'deterministic' | 'json-round-trip' | 'plain-state' | 'no-mutation' | 'inverse' | 'nan' | 'length';

export interface TransformerConformance<O> {
  /** Options passed to `fit` (one suite per options object; label them). */
  options?: Partial<O>;
  label?: string;
  /** Tolerance of inverse(transform(x)) ≈ x, relative to max(1, |x|). **Default:** 1e-12. */
  inverseTol?: number;
  /** Names of {@link SAMPLES} in the domain of the step. **Default:** all. */
  samples?: string[];
  skip?: { reason: string; checks: TransformerCheck[] }[];
}

/** Training columns: small integers with ties, a skewed spend-like column, one with negatives. */
export const SAMPLES: Record<string, number[]> = {
  ties: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9],
  skewed: [12, 0, 3.5, 250, 48, 7, 1900, 0, 65.25, 3, 17, 540, 2, 8, 33],
  signed: [-3.25, 0, 1.5, -12, 7, 2, -0.5, 40, 3, -8, 0.25, 11],
};

/** True when a value holds only numbers, strings, booleans, null, plain arrays and plain objects. */
function isPlain(v: unknown): boolean {
  if (v === null || ['number', 'string', 'boolean'].includes(typeof v)) return true;
  if (Array.isArray(v)) return v.every(isPlain);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(isPlain);
  return false;
}

/** Registers the conformance checks for `step` in the current test file. */
export function checkTransformer<S, O>(step: Transformer<S, O>, o: TransformerConformance<O> = {}): void {
  const skipped = new Map<TransformerCheck, string>();
  for (const s of o.skip ?? []) for (const ch of s.checks) skipped.set(ch, s.reason);
  const check = (name: TransformerCheck, title: string, fn: () => void) =>
    it(`${name}: ${title}`, skipped.has(name) ? { skip: skipped.get(name) } : {}, fn);
  const fit = (x: number[]) => step.fit(Float64Array.from(x), o.options);
  const samples = Object.entries(SAMPLES).filter(([name]) => !o.samples || o.samples.includes(name));

  describe(`conformance/${step.name}${o.label ? ` (${o.label})` : ''}`, () => {
    check('deterministic', 'fitting twice gives the same state and the same output', () => {
      for (const [, x] of samples) {
        const a = fit(x), b = fit(x);
        assert.deepEqual(a, b);
        assert.deepEqual(step.transform(a, Float64Array.from(x)), step.transform(b, Float64Array.from(x)));
      }
    });
    check('plain-state', 'the state holds plain numbers, strings and arrays (no typed arrays)', () => {
      for (const [, x] of samples) assert.ok(isPlain(fit(x)), JSON.stringify(fit(x)));
    });
    check('json-round-trip', 'the state survives JSON.stringify and transforms identically', () => {
      for (const [, x] of samples) {
        const s = fit(x);
        const back = JSON.parse(JSON.stringify(s)) as S;
        assert.deepEqual(back, s);
        assert.deepEqual(step.transform(back, Float64Array.from(x)), step.transform(s, Float64Array.from(x)));
      }
    });
    check('no-mutation', 'fit and transform leave the input and the options untouched', () => {
      const input = Float64Array.from(SAMPLES.skewed);
      const options = structuredClone(o.options);
      const s = step.fit(input, o.options);
      step.transform(s, input);
      assert.deepEqual(Array.from(input), SAMPLES.skewed);
      assert.deepEqual(o.options, options);
    });
    check('length', 'the output has one value per input value, in a new array', () => {
      const input = Float64Array.from(SAMPLES.ties);
      const y = step.transform(fit(SAMPLES.ties), input);
      assert.equal(y.length, input.length);
      assert.notEqual(y, input);
    });
    check('nan', 'NaN is ignored by fit and kept by transform', () => {
      const x = SAMPLES.skewed;
      const withNan = Float64Array.from([NaN, ...x, NaN]);
      const s = step.fit(withNan, o.options);
      assert.deepEqual(s, fit(x));
      const y = step.transform(s, withNan);
      assert.ok(Number.isNaN(y[0]) && Number.isNaN(y[y.length - 1]));
      assert.deepEqual(Array.from(y.subarray(1, -1)), Array.from(step.transform(s, Float64Array.from(x))));
    });
    check('inverse', 'inverse(transform(x)) returns x', () => {
      assert.ok(step.inverse, `${step.name} has no inverse; skip this check with a reason`);
      const tol = o.inverseTol ?? 1e-12;
      for (const [name, x] of samples) {
        const s = fit(x);
        const back = step.inverse!(s, step.transform(s, Float64Array.from(x)));
        back.forEach((v, i) => assert.ok(Math.abs(v - x[i]) <= tol * Math.max(1, Math.abs(x[i])), `${name}[${i}]: ${v} vs ${x[i]}`));
      }
    });
  });
}

/** Compares a step's output on a fixture column, with NaN (null in JSON) positions equal. */
export function expectColumn(actual: ArrayLike<number>, expected: readonly (number | null)[], tol: { rtol: number; atol: number }, label: string): void {
  expectClose(actual, expected.map((v) => (v === null ? NaN : v)), { ...tol, label });
}

/** A fixture column (null = missing) as a Float64Array with NaN. */
export function column(values: readonly (number | null)[]): Float64Array {
  return Float64Array.from(values, (v) => (v === null ? NaN : v));
}
