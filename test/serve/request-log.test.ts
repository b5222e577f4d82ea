import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonLineLog } from '../../src/serve/request-log.js';

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
