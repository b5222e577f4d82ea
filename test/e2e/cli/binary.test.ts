import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { tempDir } from '../../helpers/temp.js';

const bin = resolve('bin/segkit.mjs');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

describe('e2e/cli/binary', () => {
  it('--version answers fast, with the same text as the library (with and without the native kernels)', async () => {
    const { versionText } = await import('../../../src/cli/version-text.js');
    const started = performance.now();
    const r = run(['--version'], process.cwd());
    const ms = performance.now() - started;
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, versionText() + '\n');
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
    const ts = spawnSync(process.execPath, [bin, '-V'], { encoding: 'utf8', env: { ...process.env, SEGKIT_KERNELS: 'ts' } });
    assert.equal(ts.stdout, `${JSON.parse(readFileSync('package.json', 'utf8')).version}\nkernels: TypeScript (SEGKIT_KERNELS=ts)\n`);
  });

  it('prints help for every command and exits 0', () => {
    for (const cmd of [[], ['fit'], ['assign'], ['predict'], ['inspect']]) {
      const r = run([...cmd, '--help'], process.cwd());
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Usage: segkit/);
    }
  });
  it('runs fit and inspect as a real process, with exit codes', () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = run(['fit', resolve('data/samples/wholesale_customers.csv'), '-k', '3', '--seed', '2', '--out', 'w.json', '--assignments', 'w.parquet'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(existsSync(join(dir, 'w.json')) && existsSync(join(dir, 'w.parquet')));
      assert.match(r.stdout, /440 customers/);
      assert.match(r.stdout, /log1p/);
      const i = run(['inspect', 'w.json', '--json'], dir);
      assert.equal(i.status, 0);
      assert.equal(JSON.parse(i.stdout).manifest.rows, 440);
      const bad = run(['fit', 'missing.csv', '-k', '2'], dir);
      assert.equal(bad.status, 3);
      assert.match(bad.stderr, /E_NOT_FOUND/);
      const usage = run(['fit', 'missing.csv', '-k', 'x'], dir);
      assert.equal(usage.status, 2);
    } finally {
      cleanup();
    }
  });
});
