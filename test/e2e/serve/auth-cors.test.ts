import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { msg } from '../../../src/messages.js';
import { call, fitMall, post, ROW, startServer, tempDir, type TestServer } from './harness.js';

describe('e2e/serve/auth-cors', () => {
  const tmp = tempDir('segkit-serve-auth-');
  let locked: TestServer;
  let open: TestServer;
  let cors: TestServer;

  before(async () => {
    const fit = await fitMall(tmp.dir, 'mall');
    locked = await startServer([{ id: 'mall', file: fit.file }], { token: 's3cret-token', watch: false });
    open = await startServer([{ id: 'mall', file: fit.file }], { watch: false });
    cors = await startServer([{ id: 'mall', file: fit.file }], { cors: 'https://crm.example.com', token: 't', watch: false });
  });
  after(async () => {
    await Promise.all([locked.close(), open.close(), cors.close()]);
    tmp.cleanup();
  });

  it('requires the bearer token on every route but /healthz', async () => {
    assert.equal((await call(`${locked.url}/healthz`)).status, 200);
    for (const [path, init] of [
      ['/models', {}],
      ['/models/mall', {}],
      ['/openapi.json', {}],
      ['/models/mall/predict', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ row: ROW }) }],
    ] as [string, RequestInit][]) {
      const r = await call(`${locked.url}${path}`, init);
      assert.equal(r.status, 401, path);
      assert.equal(r.body.error.code, 'E_UNAUTHORIZED');
      assert.equal(r.body.error.message, msg.unauthorized());
      assert.equal(r.headers.get('www-authenticate'), 'Bearer');
    }
  });

  it('refuses a wrong token (same length or not) and accepts the right one', async () => {
    for (const token of ['s3cret-tokem', 'x', 's3cret-token-and-more']) {
      const r = await call(`${locked.url}/models`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.message, msg.tokenWrong());
      assert.equal(r.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
    }
    assert.equal((await call(`${locked.url}/models`, { headers: { authorization: 'Basic s3cret-token' } })).status, 401);
    const ok = await post(`${locked.url}/models/mall/predict`, JSON.stringify({ row: ROW }), { authorization: 'Bearer s3cret-token' });
    assert.equal(ok.status, 200);
  });

  it('needs no token when none is set', async () => {
    assert.equal((await call(`${open.url}/models`)).status, 200);
  });

  it('sends no CORS headers by default', async () => {
    const r = await call(`${open.url}/models`, { headers: { origin: 'https://crm.example.com' } });
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    const pre = await call(`${open.url}/models/mall/predict`, { method: 'OPTIONS', headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'POST' } });
    assert.notEqual(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
  });

  it('with --cors, answers the preflight of that origin (before the token) and marks its responses; other origins get nothing', async () => {
    const pre = await call(`${cors.url}/models/mall/predict`, {
      method: 'OPTIONS',
      headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /authorization/);
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    const r = await call(`${cors.url}/models`, { headers: { origin: 'https://crm.example.com', authorization: 'Bearer t' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), 'https://crm.example.com');
    assert.equal(r.headers.get('vary'), 'Origin');
    const other = await call(`${cors.url}/models`, { headers: { origin: 'https://evil.example.com', authorization: 'Bearer t' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const otherPre = await call(`${cors.url}/models`, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' } });
    assert.equal(otherPre.status, 403);
    assert.equal(otherPre.headers.get('access-control-allow-origin'), null);
  });
});

describe('e2e/serve/timeouts', () => {
  it('closes an idle connection after connectionTimeoutMs, and sets the request and keep-alive timeouts', async () => {
    const { createConnection } = await import('node:net');
    const tmp = tempDir('segkit-serve-timeout-');
    const fit = await fitMall(tmp.dir, 'mall');
    const srv = await startServer([{ id: 'mall', file: fit.file }], { connectionTimeoutMs: 200, requestTimeoutMs: 5000, keepAliveTimeoutMs: 1000, watch: false });
    try {
      assert.equal(srv.server.app.server.requestTimeout, 5000);
      assert.equal(srv.server.app.server.headersTimeout, 5000);
      assert.equal(srv.server.app.server.keepAliveTimeout, 1000);
      const port = Number(new URL(srv.url).port);
      const started = Date.now();
      await new Promise<void>((done, fail) => {
        const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('POST /models/mall/predict HTTP/1.1\r\nHost: x\r\n')); // headers never finish
        socket.on('close', () => done());
        socket.on('error', () => done());
        setTimeout(() => fail(new Error('the idle connection was not closed')), 5000).unref();
      });
      assert.ok(Date.now() - started >= 150);
    } finally {
      await srv.close();
      tmp.cleanup();
    }
  });
});
