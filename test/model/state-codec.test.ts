import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeState, decodeStateCached, encodeState } from '../../src/model/state-codec.js';

describe('model/state-codec (cached decode)', () => {
  it('decodes once per encoded object and equals the plain decode', () => {
    const encoded = encodeState({ centers: [[1, 2]], w: new Float64Array([0.5, -1e-300]), codes: new Int32Array([3, -1]) }) as object;
    const a = decodeStateCached(encoded);
    assert.equal(decodeStateCached(encoded), a);
    assert.deepEqual(a, decodeState(encoded));
    // A structurally equal but distinct object is decoded on its own.
    assert.notEqual(decodeStateCached(JSON.parse(JSON.stringify(encoded))), a);
  });
});
