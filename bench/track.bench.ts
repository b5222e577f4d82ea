/**
 * The store on 1M customers: recording a snapshot (DuckDB appender inside the transaction; PostgreSQL
 * unnest batches), scoring + recording, and the transition matrix between two 1M snapshots (one SQL
 * join + GROUP BY in the store). Targets (issue 13): snapshot < 10 s, matrix < 2 s.
 * Usage: node --import tsx bench/track.bench.ts [--quick] [--postgres]   (quick: 200k customers)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitModel } from '../src/model/fit-model.js';
import { scoreFrame } from '../src/model/predict.js';
import type { Frame } from '../src/data/frame.js';
import { openStore, type StoreDb } from '../src/track/store.js';
import { recordSnapshot } from '../src/track/snapshot.js';
import { migrations } from '../src/track/transitions.js';
import { startPostgres } from '../test/helpers/postgres.js';

const quick = process.argv.includes('--quick');
const withPostgres = process.argv.includes('--postgres');
const N = quick ? 200_000 : 1_000_000;
const D = 8;

/** N customers, D numeric features from a hashed mixture of 6 groups; `drift` moves 10% of them. */
function frame(drift: number): Frame {
  const cols = Array.from({ length: D }, () => new Float64Array(N));
  for (let i = 0; i < N; i++) {
    const g = ((i * 2654435761) >>> 0) % 6;
    const moved = ((i * 40503) >>> 0) % 100 < drift * 100 ? (g + 1) % 6 : g;
    for (let j = 0; j < D; j++) cols[j][i] = moved * ((j % 3) + 1) + (((i * (j + 7) * 97) >>> 0) % 1000) / 500;
  }
  return {
    source: 'bench', rows: N,
    columns: [{ name: 'customer_id', kind: 'id', values: Array.from({ length: N }, (_, i) => `C${String(i).padStart(8, '0')}`) }, ...cols.map((values, j) => ({ name: `f${j}`, kind: 'numeric' as const, values }))],
  } as Frame;
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
};

async function bench(db: StoreDb, label: string): Promise<string[]> {
  const f1 = frame(0), f2 = frame(0.1);
  const { model } = await fitModel(frame(0), { options: { nClusters: 6 }, idColumn: 'customer_id', seed: 1 });
  const ids = f1.columns[0].values as string[];
  const [s1, scoreSeconds] = await time(async () => scoreFrame(model, f1));
  const [, write1] = await time(() => recordSnapshot(db, { model, asOf: '2024-01-31', ids, labels: s1.labels, confidence: s1.confidence, dataHash: 'a' }));
  const [, both] = await time(async () => {
    const s2 = scoreFrame(model, f2);
    return recordSnapshot(db, { model, asOf: '2024-02-29', ids, labels: s2.labels, confidence: s2.confidence, dataHash: 'b' });
  });
  const runs: number[] = [];
  let m;
  for (let r = 0; r < 3; r++) {
    const [x, s] = await time(() => migrations(db, { from: '2024-01-31', to: '2024-02-29' }));
    (m = x), runs.push(s);
  }
  runs.sort((a, b) => a - b);
  return [
    `| ${label} | record a snapshot of ${N.toLocaleString('en-US')} customers | ${write1.toFixed(2)} |`,
    `| ${label} | score (k-means, ${D} features) + record, ${N.toLocaleString('en-US')} customers | ${both.toFixed(2)} (scoring alone ${scoreSeconds.toFixed(2)}) |`,
    `| ${label} | transition matrix + entered/left + ARI between two ${N.toLocaleString('en-US')}-customer snapshots (median of 3) | ${runs[1].toFixed(2)} (ARI ${m!.ari.toFixed(3)}) |`,
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'segkit-bench-track-'));
const lines = ['| store | operation | seconds |', '|---|---|---:|'];
try {
  const duck = await openStore(join(dir, 'bench.duckdb'));
  lines.push(...(await bench(duck, 'DuckDB file')));
  await duck.close();
  if (withPostgres) {
    const pg = await startPostgres();
    try {
      const db = await openStore(pg.url);
      lines.push(...(await bench(db, 'PostgreSQL 15 (local, fsync off)')));
      await db.close();
    } finally {
      pg.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(lines.join('\n'));
