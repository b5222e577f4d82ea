import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { call, fitMall, MALL, tempDir } from '../serve/harness.js';
import { ensureBuilt } from './browser.js';

describe('e2e/dashboard: segkit serve --dashboard', () => {
  const tmp = tempDir('segkit-dashboard-cli-');
  before(async () => {
    ensureBuilt();
    await fitMall(tmp.dir, 'mall');
  });
  after(() => tmp.cleanup());

  it('serves the built dashboard at / next to the API, on one port, and logs where it is', async () => {
    const proc = spawn(process.execPath, [resolve('bin/segkit.mjs'), 'serve', 'mall.json', '--port', '0', '--dashboard', '--customers', resolve(MALL), '--value', 'Annual Income (k$)'], { cwd: tmp.dir, env: { ...process.env, SEGKIT_TOKEN: '' } });
    let out = '', err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    const exit = new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
    try {
      const end = Date.now() + 60_000;
      let line: string | undefined;
      while (!(line = out.split('\n').find((l) => l.includes('"listening"')))) {
        if (proc.exitCode !== null || Date.now() > end) throw new Error(`segkit serve did not start: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const { url, dashboard } = JSON.parse(line);
      assert.equal(dashboard, `${url}/`);
      const page = await call(`${url}/`);
      assert.equal(page.status, 200);
      assert.match(page.text, /<title>segkit dashboard<\/title>/);
      const o = await call(`${url}/models/mall/overview`);
      assert.equal(o.status, 200);
      assert.equal(o.body.customers, 200);
      assert.equal(o.body.valueColumn, 'Annual Income (k$)');
    } finally {
      proc.kill('SIGTERM');
    }
    assert.equal(await exit, 0);
  });
});
