import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SegkitError } from '../../src/errors.js';
import { msg } from '../../src/messages.js';
import { HTTP_STATUS, toErrorResponse } from '../../src/serve/http-errors.js';

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
