/**
 * The built-in sentence embedding: works on a fresh machine with no downloaded weights, so
 * `--method embed-kmeans` runs offline without a model folder. A row's text becomes
 *
 *   character 3- and 4-grams + words ──hash (FNV-1a) into `buckets` columns──> sublinear tf · idf,
 *   L2-normalised (scikit-learn's HashingVectorizer + TfidfTransformer(sublinear_tf, smooth_idf))
 *   ──truncated SVD (latent semantic analysis)──> `dims` numbers, L2-normalised
 *
 * The SVD is randomized (Halko, Martinsson & Tropp 2011, "Finding structure with randomness",
 * Algorithms 4.3/5.1, one power iteration), seeded, so the same rows give the same embedding.
 * Character n-grams make "management" and "manager" close, and numbers rendered as text share
 * n-grams with nearby numbers of the same length — coarse, but that is what a text view of a row
 * gives; a real sentence model (--embed-model) is the better choice when one is at hand.
 * Written here: no maintained npm package does hashed TF-IDF + randomized SVD on typed arrays.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import { symmetricEigen } from '../math/eigen.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** The fitted embedding: plain data (typed arrays are base64 in the model file). */
export interface HashedTfidfState {
  readonly kind: 'hashed-tfidf';
  readonly buckets: number;
  readonly dims: number;
  /** Inverse document frequency per bucket. */
  readonly idf: Float64Array;
  /** dims × buckets: row r is the r-th right singular vector. */
  readonly components: Float64Array;
  /** Share of the TF-IDF matrix's squared norm each dimension keeps. */
  readonly explained: number[];
}

/** Rows as a compressed sparse row matrix of bucket counts. */
interface Csr { rows: number; indptr: Int32Array; indices: Int32Array; values: Float64Array }

const OVERSAMPLE = 10;

/**
 * Fits the embedding on training texts and returns it with their embeddings.
 * @throws {SegkitError} E_OPTION when dims ≥ rows.
 */
export function fitHashedTfidf(texts: readonly string[], o: { buckets: number; dims: number }, rng: Rng): { state: HashedTfidfState; x: Matrix } {
  const n = texts.length;
  if (o.dims >= n) throw new SegkitError('E_OPTION', msg.embedDimsTooLarge(o.dims, n), { field: 'dims' });
  const counts = hashCounts(texts, o.buckets);
  const df = new Float64Array(o.buckets);
  for (const j of counts.indices) df[j]++;
  const idf = Float64Array.from(df, (v) => Math.log((1 + n) / (1 + v)) + 1);
  const a = weigh(counts, idf);
  const { components, explained } = randomizedSvd(a, o.buckets, Math.min(o.dims, o.buckets - 1), rng);
  const state: HashedTfidfState = { kind: 'hashed-tfidf', buckets: o.buckets, dims: o.dims, idf, components, explained };
  return { state, x: project(a, components, o.dims, o.buckets) };
}

/** Embeds texts with a fitted state (the same path as training rows). */
export function embedHashedTfidf(state: HashedTfidfState, texts: readonly string[]): Matrix {
  return project(weigh(hashCounts(texts, state.buckets), state.idf), state.components, state.dims, state.buckets);
}

/** FNV-1a, 32 bits, over UTF-16 code units (fast and stable across runs and machines). */
function fnv1a(s: string, start: number, end: number, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Bucket counts of each text: char 3- and 4-grams of " text " and its words. */
function hashCounts(texts: readonly string[], buckets: number): Csr {
  const mask = buckets - 1;
  const indptr = new Int32Array(texts.length + 1);
  let indices: Int32Array<ArrayBuffer> = new Int32Array(texts.length * 64), values = new Float64Array(texts.length * 64);
  let nnz = 0;
  let ids: Int32Array<ArrayBuffer> = new Int32Array(1024);
  for (let r = 0; r < texts.length; r++) {
    const s = ` ${texts[r].toLowerCase()} `;
    let m = 0;
    const push = (h: number) => {
      if (m === ids.length) ids = growInt(ids, m * 2);
      ids[m++] = h & mask;
    };
    for (const g of [3, 4]) for (let i = 0; i + g <= s.length; i++) push(fnv1a(s, i, i + g, g));
    for (let i = 0; i < s.length; ) {
      while (i < s.length && !isWordChar(s.charCodeAt(i))) i++;
      const start = i;
      while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
      if (i > start) push(fnv1a(s, start, i, 7));
    }
    const row = ids.subarray(0, m).sort();
    if (nnz + m > indices.length) {
      const size = Math.max(indices.length * 2, nnz + m);
      indices = growInt(indices, size);
      const v = new Float64Array(size);
      v.set(values);
      values = v;
    }
    for (let t = 0; t < m; ) {
      let u = t;
      while (u < m && row[u] === row[t]) u++;
      indices[nnz] = row[t];
      values[nnz++] = u - t;
      t = u;
    }
    indptr[r + 1] = nnz;
  }
  return { rows: texts.length, indptr, indices: indices.slice(0, nnz), values: values.slice(0, nnz) };
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c > 127;
}

function growInt(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Sublinear tf (1 + ln count) times idf, each row scaled to unit length. */
function weigh(c: Csr, idf: Float64Array): Csr {
  const values = new Float64Array(c.values.length);
  for (let r = 0; r < c.rows; r++) {
    let norm = 0;
    for (let t = c.indptr[r]; t < c.indptr[r + 1]; t++) {
      const v = (1 + Math.log(c.values[t])) * idf[c.indices[t]];
      values[t] = v;
      norm += v * v;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let t = c.indptr[r]; t < c.indptr[r + 1]; t++) values[t] *= s;
  }
  return { ...c, values };
}

/** A · B for sparse A (n × D) and dense B (D × l, row-major). */
function sparseTimesDense(a: Csr, b: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r++) {
    const o = r * l;
    for (let t = a.indptr[r]; t < a.indptr[r + 1]; t++) {
      const v = a.values[t], bo = a.indices[t] * l;
      for (let j = 0; j < l; j++) out[o + j] += v * b[bo + j];
    }
  }
  return out;
}

/** Aᵀ · Y for sparse A (n × D) and dense Y (n × l). */
function sparseTransposeTimesDense(a: Csr, y: Float64Array, l: number, d: number): Float64Array {
  const out = new Float64Array(d * l);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * l;
    for (let t = a.indptr[r]; t < a.indptr[r + 1]; t++) {
      const v = a.values[t], o = a.indices[t] * l;
      for (let j = 0; j < l; j++) out[o + j] += v * y[yo + j];
    }
  }
  return out;
}

/** Orthonormalises the l columns of an m × l row-major matrix in place (modified Gram-Schmidt, twice). */
function orthonormalize(q: Float64Array, m: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < l; j++) {
      for (let p = 0; p < j; p++) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q[i * l + j] * q[i * l + p];
        for (let i = 0; i < m; i++) q[i * l + j] -= dot * q[i * l + p];
      }
      let norm = 0;
      for (let i = 0; i < m; i++) norm += q[i * l + j] * q[i * l + j];
      const s = norm > 1e-300 ? 1 / Math.sqrt(norm) : 0;
      for (let i = 0; i < m; i++) q[i * l + j] *= s;
    }
  }
}

/** Top `dims` right singular vectors of A (n × D), as rows of a dims × D matrix, with sign fixed. */
function randomizedSvd(a: Csr, d: number, dims: number, rng: Rng): { components: Float64Array; explained: number[] } {
  const l = Math.min(dims + OVERSAMPLE, d, a.rows);
  const omega = Float64Array.from({ length: d * l }, () => rng.normal());
  let y = sparseTimesDense(a, omega, l);
  orthonormalize(y, a.rows, l);
  // One power iteration sharpens the spectrum (text matrices decay slowly).
  const z = sparseTransposeTimesDense(a, y, l, d);
  orthonormalize(z, d, l);
  y = sparseTimesDense(a, z, l);
  orthonormalize(y, a.rows, l);
  // B = Qᵀ A is l × D; we hold Bᵀ = Aᵀ Q (D × l). B Bᵀ = (Bᵀ)ᵀ Bᵀ is l × l.
  const bt = sparseTransposeTimesDense(a, y, l, d);
  const g = new Float64Array(l * l);
  for (let i = 0; i < d; i++) {
    const o = i * l;
    for (let p = 0; p < l; p++) {
      const v = bt[o + p];
      if (v === 0) continue;
      for (let q = p; q < l; q++) g[p * l + q] += v * bt[o + q];
    }
  }
  const eig = symmetricEigen(g, l);
  let total = 0;
  for (let t = 0; t < a.values.length; t++) total += a.values[t] * a.values[t];
  const components = new Float64Array(dims * d);
  const explained: number[] = [];
  for (let r = 0; r < dims; r++) {
    const sigma = Math.sqrt(Math.max(eig.values[r], 0));
    explained.push(total > 0 ? eig.values[r] / total : 0);
    if (sigma === 0) continue;
    // v_r = Bᵀ u_r / σ_r, sign fixed so its largest entry is positive (deterministic output).
    let big = 0;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let p = 0; p < l; p++) s += bt[i * l + p] * eig.vectors[r * l + p];
      components[r * d + i] = s / sigma;
      if (Math.abs(s) > Math.abs(big)) big = s;
    }
    if (big < 0) for (let i = 0; i < d; i++) components[r * d + i] = -components[r * d + i];
  }
  return { components, explained };
}

/** Rows times the components, each row scaled to unit length (as sentence-transformers normalise). */
function project(a: Csr, components: Float64Array, dims: number, d: number): Matrix {
  const out = new Float64Array(new SharedArrayBuffer(a.rows * dims * 8));
  // Transposed once (D × dims), so each non-zero reads one contiguous row.
  const ct = new Float64Array(d * dims);
  for (let c = 0; c < dims; c++) for (let j = 0; j < d; j++) ct[j * dims + c] = components[c * d + j];
  for (let r = 0; r < a.rows; r++) {
    const o = r * dims;
    for (let t = a.indptr[r]; t < a.indptr[r + 1]; t++) {
      const v = a.values[t], jo = a.indices[t] * dims;
      for (let c = 0; c < dims; c++) out[o + c] += v * ct[jo + c];
    }
    let norm = 0;
    for (let c = 0; c < dims; c++) norm += out[o + c] * out[o + c];
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < dims; c++) out[o + c] *= s;
  }
  return { rows: a.rows, cols: dims, data: out };
}
