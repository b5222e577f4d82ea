/**
 * Reliability of the DuckDB store across processes: SIGKILL in the middle of a 1M-customer snapshot
 * leaves the store consistent (earlier snapshots intact, the partial one absent, a new one works), and
 * a second process gets a clear "store is busy" error while the first writes (or waits with waitMs).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';
import { openStore, listSnapshots } from '../../src/track/store.js';
import { recordSnapshot } from '../../src/track/snapshot.js';
import { blobModel } from './helpers.js';

/** Starts the child and resolves once it printed "begin". */
function startChild(store: string, asOf: string, n: number): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/track/snapshot-child.ts', store, asOf, String(n)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('begin')) (clearInterval(timer), resolve({ child, output: () => out, exited }));
    }, 5);
    exited.then((code) => (clearInterval(timer), reject(new Error(`child exited (${code}) before writing: ${err}`))));
  });
}

describe('track/store across processes (DuckDB)', () => {
  let dir: string, cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('SIGKILL mid-snapshot of 1M customers: earlier snapshot intact, partial absent, a new snapshot works', async () => {
    const store = join(dir, 'kill.duckdb');
    const model = await blobModel();
    const db = await openStore(store);
    await recordSnapshot(db, { model, asOf: '2024-01-31', ids: ['a', 'b', 'c'], labels: Int32Array.from([0, 1, 2]), confidence: Float64Array.from([0.1, 0.2, 0.3]), dataHash: 'first' });
    await db.close();

    const { child, output, exited } = await startChild(store, '2024-02-29', 1_000_000);
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGKILL');
    await exited;
    assert.ok(!output().includes('done'), 'the child finished before the kill; the test did not interrupt a write');

    const after = await openStore(store);
    assert.deepEqual((await listSnapshots(after)).map((s) => [s.asOf, s.rows]), [['2024-01-31', 3]]);
    assert.deepEqual(await after.query('SELECT COUNT(*) AS n FROM assignments'), [{ n: 3 }]);
    assert.deepEqual(await after.query('SELECT COUNT(*) AS n FROM runs'), [{ n: 1 }]);
    assert.deepEqual(await after.query('SELECT customer_id, segment, confidence FROM assignments ORDER BY 1'), [
      { customer_id: 'a', segment: 0, confidence: 0.1 }, { customer_id: 'b', segment: 1, confidence: 0.2 }, { customer_id: 'c', segment: 2, confidence: 0.3 },
    ]);
    const r = await recordSnapshot(after, { model, asOf: '2024-02-29', ids: ['a', 'd'], labels: Int32Array.from([1, 1]), confidence: Float64Array.from([0.5, 0.5]), dataHash: 'again' });
    assert.equal(r.rows, 2);
    assert.deepEqual((await listSnapshots(after)).map((s) => s.asOf), ['2024-01-31', '2024-02-29']);
    await after.close();
  });

  it('a second process while one writes: E_STORE_BUSY with a clear message; with a wait it gets in after', async () => {
    const store = join(dir, 'busy.duckdb');
    await (await openStore(store)).close();
    const { exited } = await startChild(store, '2024-01-31', 1_000_000);
    await assert.rejects(openStore(store), (e: any) => e.code === 'E_STORE_BUSY' && /is busy: another segkit process \(PID \d+\)/.test(e.message) && /--wait/.test(e.hint));
    const db = await openStore(store, { waitMs: 60_000 });
    assert.equal(await exited, 0);
    assert.deepEqual((await listSnapshots(db)).map((s) => [s.asOf, s.rows]), [['2024-01-31', 1_000_000]]);
    await db.close();
  });
});
