import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { msg } from '../../../src/messages.js';
import { createServer } from '../../../src/serve/app.js';
import { errorBodySchema } from '../../../src/serve/schemas.js';
import { call, fitMall, post, ROW, startServer, tempDir, type Answer, type TestServer } from './harness.js';

/** Every error answer: the SegkitError body, and nothing of the server's insides. */
function expectError(r: Answer, status: number, code: string, message: string): void {
  assert.equal(r.status, status, r.text);
  errorBodySchema.parse(r.body);
  assert.equal(r.body.error.code, code);
  assert.equal(r.body.error.message, message);
  assert.doesNotMatch(r.text, /\n\s+at |"stack"|\.ts:\d+/);
  assert.match(r.headers.get('content-type') ?? '', /application\/json/);
}

describe('e2e/serve/bad-input', () => {
  const tmp = tempDir('segkit-serve-bad-');
  let srv: TestServer;
  let small: TestServer;
  let predictUrl: string;
  const { Age: _, ...noAge } = ROW;

  before(async () => {
    const fit = await fitMall(tmp.dir, 'mall');
    srv = await startServer([{ id: 'mall', file: fit.file }]);
    small = await startServer([{ id: 'mall', file: fit.file }], { maxBatch: 3, bodyLimit: 2000, watch: false });
    predictUrl = `${srv.url}/models/mall/predict`;
  });
  after(async () => {
    await srv.close();
    await small.close();
    tmp.cleanup();
  });

  it('answers 404 for an unknown model id, naming the loaded ones', async () => {
    expectError(await call(`${srv.url}/models/nope`), 404, 'E_NOT_FOUND', msg.modelNotFound('nope', ['mall']));
    expectError(await post(`${srv.url}/models/nope/predict`, JSON.stringify({ row: ROW })), 404, 'E_NOT_FOUND', msg.modelNotFound('nope', ['mall']));
  });

  it('answers 404 for an unknown route', async () => {
    expectError(await call(`${srv.url}/segments`), 404, 'E_NOT_FOUND', msg.routeNotFound('GET', '/segments'));
  });

  it('answers 400 in the same shape for a malformed URL (an error fastify raises before routing)', async () => {
    const r = await call(`${srv.url}/models/%E0%A4%A`);
    expectError(r, 400, 'E_USAGE', msg.badRequest("'/models/%E0%A4%A' is not a valid url component"));
  });

  it('answers 400 for a body that is not JSON, NaN or Infinity literals included, and for an empty body', async () => {
    expectError(await post(predictUrl, '{"row": {"Age": 3'), 400, 'E_READ', msg.bodyNotJson());
    expectError(await post(predictUrl, '{"row": {"Age": NaN}}'), 400, 'E_READ', msg.bodyNotJson());
    expectError(await post(predictUrl, '{"row": {"Age": Infinity}}'), 400, 'E_READ', msg.bodyNotJson());
    expectError(await post(predictUrl, ''), 400, 'E_READ', msg.bodyEmpty());
  });

  it('answers 415 for a body that is not sent as JSON', async () => {
    const r = await call(predictUrl, { method: 'POST', body: JSON.stringify({ row: ROW }) }); // fetch sends text/plain
    expectError(r, 415, 'E_READ', msg.bodyMediaType('text/plain;charset=UTF-8'));
  });

  it('answers 400 naming row and column for a number that overflows to Infinity (1e999)', async () => {
    const r = await post(predictUrl, `{"rows": [${JSON.stringify(ROW)}, {"Gender": "Male", "Age": 1e999, "Annual Income (k$)": 18, "Spending Score (1-100)": 6}]}`);
    expectError(r, 400, 'E_DATA_NONFINITE', msg.dataNonFinite(2, 'Age', Infinity));
    assert.deepEqual(r.body.error.where, { row: 2, column: 'Age', field: 'rows.1.Age' });
  });

  it('answers 400 naming row and column for "NaN" and other text in a numeric column (the pipeline\'s coercion)', async () => {
    const rows = [ROW, ROW, { ...ROW, Age: 'NaN' }];
    const r = await post(predictUrl, JSON.stringify({ rows }));
    expectError(r, 400, 'E_DATA_TYPE', msg.notANumber('request body', 3, 'Age', 'NaN'));
    assert.deepEqual(r.body.error.where, { file: 'request body', row: 3, column: 'Age' });
    expectError(await post(predictUrl, JSON.stringify({ row: { ...ROW, 'Spending Score (1-100)': 'high' } })), 400, 'E_DATA_TYPE', msg.notANumber('request body', 1, 'Spending Score (1-100)', 'high'));
  });

  it('answers 400 naming row and column for a missing feature', async () => {
    const r = await post(predictUrl, JSON.stringify({ rows: [ROW, noAge] }));
    expectError(r, 400, 'E_FEATURE_MISMATCH', msg.rowMissingFeature(2, 'Age'));
    assert.equal(r.body.error.where.column, 'Age');
    assert.equal(r.body.error.where.row, 2);
  });

  it('answers 200 when a feature is null (missing, imputed as in training)', async () => {
    const r = await post(predictUrl, JSON.stringify({ row: { ...ROW, Age: null } }));
    assert.equal(r.status, 200, r.text);
  });

  it('answers 400 for wrong types: a row value that is an object, rows that are not an array, a body that is not an object', async () => {
    expectError(await post(predictUrl, JSON.stringify({ row: { ...ROW, Age: { years: 3 } } })), 400, 'E_DATA_TYPE', msg.bodyRowValue(1, 'Age', { years: 3 }));
    expectError(await post(predictUrl, JSON.stringify({ rows: [ROW, { ...ROW, Gender: ['F'] }] })), 400, 'E_DATA_TYPE', msg.bodyRowValue(2, 'Gender', ['F']));
    expectError(await post(predictUrl, JSON.stringify({ rows: 'all' })), 400, 'E_OPTION', msg.bodyFieldInvalid('rows', 'an array of objects', 'all'));
    expectError(await post(predictUrl, JSON.stringify({ row: [1, 2] })), 400, 'E_OPTION', msg.bodyFieldInvalid('row', 'an object', [1, 2]));
    expectError(await post(predictUrl, JSON.stringify([ROW])), 400, 'E_OPTION', msg.bodyNotObject('an array'));
    expectError(await post(predictUrl, JSON.stringify({ rows: [] })), 400, 'E_OPTION', msg.bodyFieldInvalid('rows', 'an array of at least 1 element(s)', []));
  });

  it('answers 400 naming an unknown top-level field (strict bodies), even when something else is wrong too', async () => {
    const r = await post(predictUrl, JSON.stringify({ row: ROW, model: 'mall' }));
    expectError(r, 400, 'E_UNKNOWN_OPTION', msg.bodyFieldUnknown('model', ['rows', 'row']));
    assert.equal(r.body.error.where.field, 'model');
    expectError(await post(predictUrl, JSON.stringify({ rows: [], Rows: [ROW] })), 400, 'E_UNKNOWN_OPTION', msg.bodyFieldUnknown('Rows', ['rows', 'row']));
  });

  it('answers 400 when the body has both rows and row, or neither', async () => {
    expectError(await post(predictUrl, JSON.stringify({ rows: [ROW], row: ROW })), 400, 'E_OPTION', msg.bodyRowsOrRow());
    expectError(await post(predictUrl, JSON.stringify({})), 400, 'E_OPTION', msg.bodyRowsOrRow());
  });

  it('answers 413 for a batch above --max-batch, and 200 at the limit', async () => {
    const url = `${small.url}/models/mall/predict`;
    assert.equal((await post(url, JSON.stringify({ rows: [ROW, ROW, ROW] }))).status, 200);
    expectError(await post(url, JSON.stringify({ rows: [ROW, ROW, ROW, ROW] })), 413, 'E_TOO_LARGE', msg.batchTooLarge(4, 3));
  });

  it('answers 413 for a body above --body-limit', async () => {
    const big = JSON.stringify({ rows: [{ ...ROW, Gender: 'x'.repeat(3000) }] });
    expectError(await post(`${small.url}/models/mall/predict`, big), 413, 'E_TOO_LARGE', msg.bodyTooLarge(2000));
  });

  it('answers 200 for an unseen category, with the novelty flag and a note', async () => {
    const r = await post(predictUrl, JSON.stringify({ row: { ...ROW, Gender: 'Nonbinary' } }));
    assert.equal(r.status, 200, r.text);
    const [p] = r.body.predictions;
    assert.equal(p.novel, true);
    assert.deepEqual(p.noveltyReasons, ['unseen level "Nonbinary" in Gender']);
    assert.deepEqual(p.notes, [msg.unseenLevel('Gender', 'Nonbinary')]);
  });

  it('answers 500 with a generic message for an unexpected error, and logs the details instead', async () => {
    const logs: Record<string, unknown>[] = [];
    const fit = await fitMall(tmp.dir, 'boom');
    const server = await createServer([{ id: 'boom', file: fit.file }], { port: 0, watch: false }, (e) => void logs.push(e));
    server.app.get('/boom', async () => {
      throw new TypeError('secret internal detail');
    });
    const { url } = await server.listen();
    try {
      const r = await call(`${url}/boom`);
      expectError(r, 500, 'E_INTERNAL', msg.internalError());
      assert.doesNotMatch(r.text, /secret/);
      const logged = logs.find((e) => e.event === 'internal-error') as { error: { message: string; stack: string } };
      assert.equal(logged.error.message, 'secret internal detail');
      assert.match(logged.error.stack, /TypeError/);
    } finally {
      await server.close();
    }
  });
});
