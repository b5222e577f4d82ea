/**
 * Benchmark data for K-Modes / K-Prototypes, written once as CSV (numbers first, then level codes)
 * so every peer reads the same table, plus a JSON file of k initial prototypes (distinct rows) so
 * both peers can start from the same place and do the same work.
 * - `mixedBlobs`: k groups; numbers N(center, 1) with centers N(0, 2); each category is its group's
 *   level except for a share `noise` of uniform draws.
 * - `bankLike`: rows resampled from data/samples/bank.csv (7 numbers z-scored with a little jitter, 9
 *   categories as level codes): the 45,211-row shape of the full UCI bank marketing table.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRng, type Rng } from '../src/math/rng.js';

export interface MixedBench { name: string; rows: number; nNum: number; nCat: number; k: number; file: string; initFile: string }

const out = (f: string) => new URL(`./out/${f}`, import.meta.url).pathname;

export function mixedBlobs(rows: number, nNum: number, nCat: number, k: number, levels = 6, noise = 0.4, seed = 1): MixedBench {
  const name = `mixed-${rows}x${nNum}n${nCat}c-k${k}`;
  const b: MixedBench = { name, rows, nNum, nCat, k, file: out(`${name}.csv`), initFile: out(`${name}.init.json`) };
  if (existsSync(b.file) && existsSync(b.initFile)) return b;
  const rng = createRng(seed);
  const centers = Array.from({ length: k }, () => Array.from({ length: nNum }, () => 2 * rng.normal()));
  const modes = Array.from({ length: k }, () => Array.from({ length: nCat }, () => rng.int(levels)));
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const g = rng.int(k);
    const num = centers[g].map((c) => (c + rng.normal()).toFixed(4));
    const cat = modes[g].map((m) => String(rng.float() < noise ? rng.int(levels) : m));
    lines.push([...num, ...cat].join(','));
  }
  return write(b, lines, rng);
}

export function bankLike(rows = 45_211, k = 5, seed = 1): MixedBench {
  const name = `banklike-${rows}-k${k}`;
  const b: MixedBench = { name, rows, nNum: 7, nCat: 9, k, file: out(`${name}.csv`), initFile: out(`${name}.init.json`) };
  if (existsSync(b.file) && existsSync(b.initFile)) return b;
  const text = readFileSync(new URL('../data/samples/bank.csv', import.meta.url), 'utf8').trim().split('\n');
  const header = text[0].split(';').map((h) => h.replaceAll('"', ''));
  const src = text.slice(1).map((l) => l.split(';').map((v) => v.replaceAll('"', '')));
  const numCols = ['age', 'balance', 'day', 'duration', 'campaign', 'pdays', 'previous'].map((c) => header.indexOf(c));
  const catCols = ['job', 'marital', 'education', 'default', 'housing', 'loan', 'contact', 'month', 'poutcome'].map((c) => header.indexOf(c));
  const stats = numCols.map((j) => {
    const v = src.map((r) => +r[j]);
    const mean = v.reduce((a, x) => a + x, 0) / v.length;
    return { mean, sd: Math.sqrt(v.reduce((a, x) => a + (x - mean) ** 2, 0) / v.length) };
  });
  const levels = catCols.map((j) => [...new Set(src.map((r) => r[j]))].sort());
  const rng = createRng(seed);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = src[rng.int(src.length)];
    const num = numCols.map((j, t) => ((+r[j] - stats[t].mean) / stats[t].sd + 0.05 * rng.normal()).toFixed(4));
    const cat = catCols.map((j, t) => String(levels[t].indexOf(r[j])));
    lines.push([...num, ...cat].join(','));
  }
  return write(b, lines, rng);
}

function write(b: MixedBench, lines: string[], rng: Rng): MixedBench {
  mkdirSync(out(''), { recursive: true });
  const header = [...Array.from({ length: b.nNum }, (_, j) => `n${j}`), ...Array.from({ length: b.nCat }, (_, j) => `c${j}`)].join(',');
  writeFileSync(b.file, header + '\n' + lines.join('\n') + '\n');
  // Initial prototypes: k rows with distinct values.
  const seen = new Set<string>();
  const rowsPicked: string[][] = [];
  while (rowsPicked.length < b.k) {
    const l = lines[rng.int(lines.length)];
    if (!seen.has(l)) (seen.add(l), rowsPicked.push(l.split(',')));
  }
  writeFileSync(b.initFile, JSON.stringify({
    means: rowsPicked.map((r) => r.slice(0, b.nNum).map(Number)),
    modes: rowsPicked.map((r) => r.slice(b.nNum).map(Number)),
  }));
  return b;
}

/** Reads a bench CSV back as flat arrays (segkit's side; the timing excludes it). */
export function readMixed(b: MixedBench): { num: Float64Array; cat: Int32Array; levels: number[] } {
  const lines = readFileSync(b.file, 'utf8').trim().split('\n').slice(1);
  const num = new Float64Array(new SharedArrayBuffer(lines.length * b.nNum * 8));
  const cat = new Int32Array(new SharedArrayBuffer(lines.length * b.nCat * 4));
  const levels = new Array(b.nCat).fill(0);
  lines.forEach((l, i) => {
    const v = l.split(',');
    for (let j = 0; j < b.nNum; j++) num[i * b.nNum + j] = +v[j];
    for (let j = 0; j < b.nCat; j++) {
      const c = +v[b.nNum + j];
      cat[i * b.nCat + j] = c;
      if (c + 1 > levels[j]) levels[j] = c + 1;
    }
  });
  return { num, cat, levels };
}
