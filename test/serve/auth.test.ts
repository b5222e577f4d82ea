import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearerTokenChecker } from '../../src/serve/auth.js';

describe('serve/auth', () => {
  it('accepts exactly the token, after "Bearer " in any case', () => {
    const check = bearerTokenChecker('abc');
    assert.equal(check('Bearer abc'), 'ok');
    assert.equal(check('bearer abc'), 'ok');
    assert.equal(check('Bearer abd'), 'wrong');
    assert.equal(check('Bearer abcd'), 'wrong');
    assert.equal(check('Bearer '), 'wrong');
    assert.equal(check('abc'), 'missing');
    assert.equal(check(undefined), 'missing');
  });
});
