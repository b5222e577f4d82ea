import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SegkitError } from '../../src/errors.js';
import { msg } from '../../src/messages.js';
import { HTTP_STATUS, toErrorResponse } from '../../src/serve/http-errors.js';
import { bearerTokenChecker } from '../../src/serve/auth.js';
import { parseModelSources } from '../../src/serve/model-registry.js';
import { jsonLineLog } from '../../src/serve/request-log.js';
import { decodeState, decodeStateCached, encodeState } from '../../src/model/state-codec.js';
import { plainPredictBody, predictBodySchema } from '../../src/serve/schemas.js';
import fc from 'fast-check';

describe('serve/http-errors', () => {
  it('maps data and option errors to 400, missing to 404, too large to 413, token to 401', () => {
    for (const c of ['E_OPTION', 'E_UNKNOWN_OPTION', 'E_DATA_TYPE', 'E_DATA_NONFINITE', 'E_FEATURE_MISMATCH', 'E_UNKNOWN_COLUMN', 'E_READ'] as const) assert.equal(HTTP_STATUS[c], 400, c);
    assert.equal(HTTP_STATUS.E_NOT_FOUND, 404);
    assert.equal(HTTP_STATUS.E_TOO_LARGE, 413);
    assert.equal(HTTP_STATUS.E_UNAUTHORIZED, 401);
    assert.equal(HTTP_STATUS.E_INTERNAL, 500);
  });

  it('keeps a SegkitError as the body and answers anything else with a generic 500', () => {
    const e = new SegkitError('E_DATA_TYPE', 'bad', { row: 2, column: 'age' }, 'fix it');
    assert.deepEqual(toErrorResponse(e, { bodyLimit: 1 }), { status: 400, body: { error: e.toJSON() }, internal: false });
    const r = toErrorResponse(new RangeError('secret'), { bodyLimit: 1 });
    assert.deepEqual(r, { status: 500, body: { error: { code: 'E_INTERNAL', message: msg.internalError(), where: {} } }, internal: true });
  });

  it("turns fastify's body errors into SegkitErrors", () => {
    const tooLarge = toErrorResponse(Object.assign(new RangeError('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }), { bodyLimit: 1024 });
    assert.equal(tooLarge.status, 413);
    assert.equal(tooLarge.body.error.message, msg.bodyTooLarge(1024));
    const media = toErrorResponse(Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }), { bodyLimit: 1, contentType: 'text/csv' });
    assert.equal(media.status, 415);
    assert.equal(media.body.error.message, msg.bodyMediaType('text/csv'));
  });
});

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

describe('serve/model-registry', () => {
  it('names models by file name or id=path, resolved against the working directory', () => {
    assert.deepEqual(parseModelSources(['models/mall.json', 'b=other/x.JSON', 'plain'], '/w'), [
      { id: 'mall', file: '/w/models/mall.json' },
      { id: 'b', file: '/w/other/x.JSON' },
      { id: 'plain', file: '/w/plain' },
    ]);
  });
  it('refuses ids with other characters, and duplicates', () => {
    assert.throws(() => parseModelSources(['my model.json'], '/w'), (e: SegkitError) => e.code === 'E_USAGE' && e.message === msg.modelIdInvalid('my model'));
    assert.throws(() => parseModelSources(['a/m.json', 'b/m.json'], '/w'), (e: SegkitError) => e.code === 'E_USAGE' && e.message === msg.modelIdDuplicate('m'));
  });
});

describe('serve/request-log', () => {
  it('writes one JSON line per entry; buffered lines come out together on flush, errors at once', () => {
    const out: string[] = [];
    const log = jsonLineLog((t) => void out.push(t), 10_000);
    log({ event: 'request', status: 200 });
    log({ event: 'request', status: 404 });
    assert.equal(out.length, 0);
    log.flush!();
    assert.equal(out.length, 1);
    assert.deepEqual(out[0].trim().split('\n').map((l) => JSON.parse(l).status), [200, 404]);
    log({ level: 'error', event: 'model-reload-failed' });
    assert.equal(out.length, 2);
    assert.equal(JSON.parse(out[1]).level, 'error');
  });
});

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
