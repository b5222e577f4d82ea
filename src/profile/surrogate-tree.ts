/**
 * Rules that explain segments: a small decision tree (CART with Gini impurity, Breiman et al. 1984)
 * trained to predict each customer's segment from the input columns as the user knows them (raw
 * numbers, category levels), then read out as rules "income > 70 and age ≤ 40 → Segment 3" with each
 * rule's precision (share of its customers in that segment) and coverage (share of the segment's
 * customers it catches). The tree's accuracy on the training customers says how far to trust the
 * rules; permutation importance (accuracy lost when one column is shuffled) says which columns the
 * rules rely on. Numbers split at up to 16 quantile thresholds, categories one level against the rest;
 * a missing value goes to the "else" side (> t, ≠ level). Above 20,000 customers a uniform sample.
 * Our own code: no maintained npm CART gives thresholds on raw columns with category splits and
 * rule read-out; the data is columns of typed arrays, so no per-row objects.
 * @module
 */
import type { Frame } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';
import type { Rng } from '../math/rng.js';

/** One condition on a path. */
export type Condition = { column: string; op: '<=' | '>'; value: number } | { column: string; op: '=' | '≠'; level: string };

/** A leaf as a rule. */
export interface Rule { segment: number; conditions: Condition[]; precision: number; coverage: number; rows: number; text: string }

/** The surrogate and what it says. */
export interface SurrogateTree { accuracy: number; depth: number; rules: Rule[]; importance: { column: string; drop: number }[] }

interface Col { name: string; num?: Float64Array; codes?: Int32Array; levels?: string[] }
type Node = { leaf: true; counts: Float64Array; rows: number } | { leaf: false; cond: Condition; col: number; threshold: number; level: number; left: Node; right: Node };

const THRESHOLDS = 16;
/** Rows the tree learns from at most. */
export const MAX_ROWS = 20_000;

/** Trains the tree on `columns` of `frame` for `labels` (k segments; -1 rows left out). */
export function surrogateTree(frame: Frame, labels: Int32Array, k: number, columns: readonly string[], rng: Rng, o: { maxDepth?: number; minLeafShare?: number } = {}): SurrogateTree {
  const maxDepth = o.maxDepth ?? 3;
  const cols: Col[] = frame.columns.filter((c) => columns.includes(c.name)).map((c) => {
    if (isNumericColumn(c)) return { name: c.name, num: c.values };
    const levels = [...new Set(c.values.filter((v): v is string => v !== null))].sort();
    const index = new Map(levels.map((l, i) => [l, i]));
    return { name: c.name, codes: Int32Array.from(c.values, (v) => (v === null ? -1 : index.get(v)!)), levels };
  });
  let assigned = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) assigned++;
  let rows = new Int32Array(assigned);
  for (let i = 0, t = 0; i < labels.length; i++) if (labels[i] >= 0) rows[t++] = i;
  // Above MAX_ROWS the tree learns from (and is scored on) a uniform sample: rules need thousands of
  // customers, not millions, and each split sorts its rows.
  if (rows.length > MAX_ROWS) rows = rng.fork(1_000).shuffle(rows).slice(0, MAX_ROWS).sort();
  const minLeaf = Math.max(1, Math.floor((o.minLeafShare ?? 0.01) * rows.length));
  const root = grow(cols, labels, k, rows, 0, maxDepth, minLeaf);
  const predictRow = (c: Col[], i: number) => predictWith(root, c, i);
  const accuracy = accuracyOf(cols, labels, rows, predictRow);
  // Permutation importance: shuffle one column's values among the rows, measure the accuracy lost.
  const importance = cols.map((c, j) => {
    const perm = rng.fork(j).shuffle(Int32Array.from(rows));
    const shuffled: Col = c.num ? { ...c, num: permuted(c.num, rows, perm) } : { ...c, codes: permuted(c.codes!, rows, perm) };
    const swapped = cols.map((x, t) => (t === j ? shuffled : x));
    return { column: c.name, drop: accuracy - accuracyOf(swapped, labels, rows, predictRow) };
  }).sort((a, b) => b.drop - a.drop);
  const sizes = new Float64Array(k);
  for (const i of rows) sizes[labels[i]]++;
  const rules: Rule[] = [];
  readRules(root, [], cols, sizes, rules);
  rules.sort((a, b) => a.segment - b.segment || b.coverage - a.coverage);
  return { accuracy, depth: maxDepth, rules, importance };
}

function grow(cols: Col[], labels: Int32Array, k: number, rows: Int32Array, depth: number, maxDepth: number, minLeaf: number): Node {
  const counts = new Float64Array(k);
  for (const i of rows) counts[labels[i]]++;
  const leaf: Node = { leaf: true, counts, rows: rows.length };
  if (depth >= maxDepth || rows.length < 2 * minLeaf || counts.filter((c) => c > 0).length < 2) return leaf;
  const parentGini = gini(counts, rows.length);
  let best = { gain: 1e-12, col: -1, threshold: NaN, level: -1 };
  cols.forEach((c, j) => {
    if (c.num) {
      for (const t of thresholds(c.num, rows)) {
        const s = splitAt(rows, labels, k, c.num, t, minLeaf);
        if (s !== null && parentGini - s > best.gain) best = { gain: parentGini - s, col: j, threshold: t, level: -1 };
      }
    } else {
      for (let l = 0; l < c.levels!.length; l++) {
        const s = splitOn(rows, labels, k, c.codes!, l, minLeaf);
        if (s !== null && parentGini - s > best.gain) best = { gain: parentGini - s, col: j, threshold: NaN, level: l };
      }
    }
  });
  if (best.col < 0) return leaf;
  const c = cols[best.col];
  const goesLeft = c.num ? (i: number) => c.num![i] <= best.threshold : (i: number) => c.codes![i] === best.level;
  const left = rows.filter(goesLeft), right = rows.filter((i) => !goesLeft(i));
  const cond: Condition = c.num ? { column: c.name, op: '<=', value: best.threshold } : { column: c.name, op: '=', level: c.levels![best.level] };
  return { leaf: false, cond, col: best.col, threshold: best.threshold, level: best.level, left: grow(cols, labels, k, left, depth + 1, maxDepth, minLeaf), right: grow(cols, labels, k, right, depth + 1, maxDepth, minLeaf) };
}

// The two split scorers are written out for numbers and for levels (no predicate closure): this loop
// runs for every candidate split of every node, and a monomorphic loop over typed arrays is several
// times faster than a call per row.

/** Weighted Gini of the split x ≤ t (missing values go right), or null when a side is smaller than minLeaf. */
function splitAt(rows: Int32Array, labels: Int32Array, k: number, x: Float64Array, t: number, minLeaf: number): number | null {
  const l = new Float64Array(k), r = new Float64Array(k);
  let nl = 0, nr = 0;
  for (let p = 0; p < rows.length; p++) {
    const i = rows[p];
    if (x[i] <= t) (l[labels[i]]++, nl++);
    else (r[labels[i]]++, nr++);
  }
  return splitGini(l, nl, r, nr, minLeaf);
}

/** Weighted Gini of the split code = level, or null when a side is smaller than minLeaf. */
function splitOn(rows: Int32Array, labels: Int32Array, k: number, codes: Int32Array, level: number, minLeaf: number): number | null {
  const l = new Float64Array(k), r = new Float64Array(k);
  let nl = 0, nr = 0;
  for (let p = 0; p < rows.length; p++) {
    const i = rows[p];
    if (codes[i] === level) (l[labels[i]]++, nl++);
    else (r[labels[i]]++, nr++);
  }
  return splitGini(l, nl, r, nr, minLeaf);
}

function splitGini(l: Float64Array, nl: number, r: Float64Array, nr: number, minLeaf: number): number | null {
  if (nl < minLeaf || nr < minLeaf) return null;
  return (nl * gini(l, nl) + nr * gini(r, nr)) / (nl + nr);
}

function gini(counts: Float64Array, n: number): number {
  let s = 1;
  for (const c of counts) s -= (c / n) * (c / n);
  return s;
}

/** Midpoints between distinct values at up to THRESHOLDS quantiles of the rows' values (missing skipped). */
function thresholds(x: Float64Array, rows: Int32Array): number[] {
  let m = 0;
  const all = new Float64Array(rows.length);
  for (let p = 0; p < rows.length; p++) {
    const a = x[rows[p]];
    if (!Number.isNaN(a)) all[m++] = a;
  }
  const v = all.subarray(0, m).sort();
  const out = new Set<number>();
  for (let q = 1; q < THRESHOLDS; q++) {
    const j = Math.floor((q / THRESHOLDS) * (v.length - 1));
    let e = j + 1;
    while (e < v.length && v[e] === v[j]) e++;
    if (e < v.length) out.add((v[j] + v[e]) / 2);
  }
  return [...out];
}

function predictWith(node: Node, cols: Col[], i: number): number {
  while (!node.leaf) {
    const c = cols[node.col];
    // A missing number or level goes right (the "else" branch), as the rule text says.
    node = (c.num ? c.num[i] <= node.threshold : c.codes![i] === node.level) ? node.left : node.right;
  }
  let best = 0;
  for (let s = 1; s < node.counts.length; s++) if (node.counts[s] > node.counts[best]) best = s;
  return best;
}

function accuracyOf(cols: Col[], labels: Int32Array, rows: Int32Array, predict: (c: Col[], i: number) => number): number {
  let ok = 0;
  for (const i of rows) if (predict(cols, i) === labels[i]) ok++;
  return rows.length > 0 ? ok / rows.length : NaN;
}

function permuted<T extends Float64Array | Int32Array>(a: T, rows: Int32Array, perm: Int32Array): T {
  const out = a.slice() as T;
  for (let t = 0; t < rows.length; t++) out[rows[t]] = a[perm[t]];
  return out;
}

function readRules(node: Node, path: Condition[], cols: Col[], sizes: Float64Array, out: Rule[]): void {
  if (node.leaf) {
    let s = 0;
    for (let t = 1; t < node.counts.length; t++) if (node.counts[t] > node.counts[s]) s = t;
    const precision = node.rows > 0 ? node.counts[s] / node.rows : 0;
    out.push({ segment: s, conditions: path, precision, coverage: sizes[s] > 0 ? node.counts[s] / sizes[s] : 0, rows: node.rows, text: path.map(conditionText).join(' and ') || 'every customer' });
    return;
  }
  const c = node.cond;
  const negated: Condition = c.op === '<=' ? { column: c.column, op: '>', value: c.value } : { column: c.column, op: '≠', level: (c as { level: string }).level };
  readRules(node.left, [...path, c], cols, sizes, out);
  readRules(node.right, [...path, negated], cols, sizes, out);
}

function conditionText(c: Condition): string {
  return 'value' in c ? `${c.column} ${c.op} ${Number.isInteger(c.value) ? c.value : Number(c.value.toPrecision(4))}` : `${c.column} ${c.op} ${c.level}`;
}
