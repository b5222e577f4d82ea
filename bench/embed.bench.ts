/**
 * Issue 12's speed lines: the built-in embedding + k-means on 45,211 bank rows (the bundled 4,521-row
 * bank sample cycled to the size of the full bank data, since only the sample is bundled), the tiny ONNX
 * model's throughput (rows/s, cache off), and the autoencoder (20 epochs on 45,211 × 30 generated rows).
 * Run: node --import tsx bench/embed.bench.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFrame } from '../src/data/read-frame.js';
import { parseSourceSpec } from '../src/data/source-spec.js';
import type { Frame, Column } from '../src/data/frame.js';
import { fitModel } from '../src/model/fit-model.js';
import { renderRows } from '../src/embed/render-text.js';
import { embedOnnx } from '../src/embed/onnx-embedder.js';
import { trainAutoencoder } from '../src/embed/autoencoder.js';
import { createRng } from '../src/math/rng.js';
import { writeTinyBert } from '../test/helpers/tiny-bert.js';

const SEED_COLUMNS = ['age', 'job', 'marital', 'education', 'default', 'balance', 'housing', 'loan'];

function cycle(frame: Frame, rows: number): Frame {
  const columns = frame.columns.map((c) => ({ ...c, values: c.kind === 'numeric' || c.kind === 'boolean' || c.kind === 'date' ? Float64Array.from({ length: rows }, (_, i) => (c.values as Float64Array)[i % frame.rows]) : Array.from({ length: rows }, (_, i) => (c.values as (string | null)[])[i % frame.rows]) })) as Column[];
  return { source: `${frame.source} ×${(rows / frame.rows).toFixed(1)}`, rows, columns };
}

const bank = cycle(await readFrame(parseSourceSpec(new URL('../data/samples/bank.csv', import.meta.url).pathname)), 45_211);
let t = performance.now();
const fit = await fitModel(bank, { method: 'embed-kmeans', options: { nClusters: 5 }, prep: { features: SEED_COLUMNS }, seed: 1 });
const builtin = (performance.now() - t) / 1000;
console.log(`| built-in embedding + k-means, 45,211 bank rows, k = 5 (whole fit incl. metrics and profiles) | ${builtin.toFixed(1)} s | < 30 s | silhouette ${fit.model.metrics.silhouette?.toFixed(3)} |`);

process.env.SEGKIT_CACHE_DIR = '';
const dir = mkdtempSync(join(tmpdir(), 'segkit-bench-onnx-'));
const model = writeTinyBert(dir);
const texts = renderRows(bank, { columns: SEED_COLUMNS, template: null }).slice(0, 5000).map((s, i) => `${s} ${i}`);
embedOnnx(model, texts.slice(0, 64));
t = performance.now();
embedOnnx(model, texts, { batchSize: 64 });
const rps = texts.length / ((performance.now() - t) / 1000);
console.log(`| tiny ONNX model (JS-built BERT shape), 5,000 rows, batches of 64, cache off | ${rps.toFixed(0)} rows/s | ≥ 1,000 rows/s | |`);

const rng = createRng(1);
const n = 45_211, d = 30;
const x = { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => rng.normal()) };
t = performance.now();
trainAutoencoder(x, { hidden: 32, bottleneck: 8, epochs: 20, batchSize: 256, learningRate: 0.001, validationShare: 0.1, patience: 100 }, createRng(2));
console.log(`| autoencoder 30-32-8-32-30, 20 epochs on 45,211 × 30 | ${((performance.now() - t) / 1000).toFixed(1)} s | < 60 s | |`);
process.exit(0);
