import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { msg } from '../../../src/messages.js';
import { call, fitMall, post, ROW, tempDir } from './harness.js';

const bin = resolve('bin/segkit.mjs');

interface Running { proc: ChildProcess; url: string; out: () => string; err: () => string; exit: Promise<number | null> }

/** Starts `segkit serve …` as a real process and waits for its "listening" log line. */
async function serve(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Running> {
  const proc = spawn(process.execPath, [bin, 'serve', ...args], { cwd, env: { ...process.env, SEGKIT_TOKEN: '', ...env } });
  let out = '', err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const end = Date.now() + 60_000;
  for (;;) {
    const line = out.split('\n').find((l) => l.includes('"listening"'));
    if (line) return { proc, url: JSON.parse(line).url, out: () => out, err: () => err, exit };
    if (proc.exitCode !== null || Date.now() > end) throw new Error(`segkit serve did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('e2e/serve/cli', () => {
  const tmp = tempDir('segkit-serve-cli-');
  before(async () => {
    await fitMall(tmp.dir, 'mall');
    await fitMall(tmp.dir, 'small', 3, 1);
  });
  after(() => tmp.cleanup());

  it('serves models by file name and id=path, logs JSON lines to stdout, and exits 0 on SIGTERM', async () => {
    const s = await serve(['mall.json', 'three=small.json', '--port', '0'], tmp.dir);
    try {
      assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const models = await call(`${s.url}/models`);
      assert.deepEqual(models.body.models.map((m: any) => [m.id, m.segments]), [['mall', 5], ['three', 3]]);
      const p = await post(`${s.url}/models/three/predict`, JSON.stringify({ row: ROW }));
      assert.equal(p.status, 200);
      assert.ok(p.body.predictions[0].segment < 3);
      assert.equal(s.err(), '', 'no warning on loopback');
    } finally {
      s.proc.kill('SIGTERM');
    }
    assert.equal(await s.exit, 0);
    const log = s.out().trim().split('\n').map((l) => JSON.parse(l));
    const requests = log.filter((e) => e.event === 'request');
    assert.deepEqual(requests.map((e) => [e.method, e.url, e.status]), [['GET', '/models', 200], ['POST', '/models/three/predict', 200]]);
    assert.ok(requests.every((e) => typeof e.ms === 'number' && typeof e.time === 'string'));
    assert.equal(log[log.length - 1].event, 'stopping');
  });

  it('takes the token from SEGKIT_TOKEN', async () => {
    const s = await serve(['mall.json', '--port', '0'], tmp.dir, { SEGKIT_TOKEN: 'from-env' });
    try {
      assert.equal((await post(`${s.url}/models/mall/predict`, JSON.stringify({ row: ROW }))).status, 401);
      assert.equal((await post(`${s.url}/models/mall/predict`, JSON.stringify({ row: ROW }), { authorization: 'Bearer from-env' })).status, 200);
    } finally {
      s.proc.kill('SIGTERM');
    }
    assert.equal(await s.exit, 0);
  });

  it('warns on stderr when the host is not loopback and there is no token; refuses a broken model with exit 4', () => {
    writeFileSync(resolve(tmp.dir, 'broken.json'), '{"format": "segkit-model"');
    // The model fails to load, so nothing ever listens on 0.0.0.0.
    const r = spawnSync(process.execPath, [bin, 'serve', 'broken.json', '--host', '0.0.0.0', '--port', '0'], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, SEGKIT_TOKEN: '' } });
    assert.equal(r.status, 4);
    assert.ok(r.stderr.includes(`warning: ${msg.notLoopbackWithoutToken('0.0.0.0')}`), r.stderr);
    assert.match(r.stderr, /E_MODEL_FORMAT/);
    const withToken = spawnSync(process.execPath, [bin, 'serve', 'broken.json', '--host', '0.0.0.0', '--token', 't', '--port', '0'], { cwd: tmp.dir, encoding: 'utf8' });
    assert.doesNotMatch(withToken.stderr, /warning/);
  });

  it('exits 2 for duplicate ids and bad flags, 3 for a missing model file', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [bin, 'serve', ...args], { cwd: tmp.dir, encoding: 'utf8' });
    const dup = run(['mall.json', 'mall=small.json', '--port', '0']);
    assert.equal(dup.status, 2);
    assert.ok(dup.stderr.includes(msg.modelIdDuplicate('mall')));
    assert.equal(run(['mall.json', '--body-limit', 'lots']).status, 2);
    assert.equal(run(['mall.json', '--max-batch', '0']).status, 2);
    const missing = run(['nope.json', '--port', '0']);
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /E_NOT_FOUND/);
  });
});
