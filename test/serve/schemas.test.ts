import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { plainPredictBody, predictBodySchema } from '../../src/serve/schemas.js';
import fc from 'fast-check';

describe('serve/schemas (fast path of the predict body)', () => {
  it('accepts a body exactly when the zod schema does, and then as the schema parses it', () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(Infinity), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 1 }));
    const row = fc.oneof({ weight: 6, arbitrary: fc.dictionary(fc.constantFrom('age', 'city', 'income', 'constructor', 'toString'), value, { maxKeys: 4 }) }, { weight: 1, arbitrary: fc.jsonValue() });
    const body = fc.oneof(
      { weight: 6, arbitrary: fc.record({ rows: fc.array(row, { maxLength: 4 }), row, extra: value }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    fc.assert(
      fc.property(body, (generated) => {
        const b = structuredClone(generated); // plain objects, as JSON.parse makes them (fast-check may make null-prototype ones)
        const zod = predictBodySchema.safeParse(b);
        const fast = plainPredictBody(b);
        assert.equal(fast !== undefined, zod.success, JSON.stringify(b));
        if (zod.success) assert.deepEqual(fast, zod.data);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
