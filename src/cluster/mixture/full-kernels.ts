/**
 * Unrolled kernels for full covariances, generated once per feature count. The generic loops over
 * a d×d triangle spend most of their time on loop control and array loads for d ≈ 10; with one
 * component's P (or scatter sums) held in local variables and the triangle written out, V8 keeps
 * them in registers. Each kernel does the same operations in the same order as the loops in
 * e-step.ts / m-step.ts, so results are bit-identical (tested). Used for d ≤ MAX_UNROLLED_D.
 * The weighted-sums kernel serves every covariance model (means and counts).
 * @module
 */

/** Above this many features the loops are used (the unrolled body grows as d²). */
export const MAX_UNROLLED_D = 24;

/** out[i·k + c] = base − ½‖(xᵢ − μ)ᵀP‖² for rows [start, end) of one component. */
export type FullLogProbKernel = (x: Float64Array, start: number, end: number, means: Float64Array, mo: number, prec: Float64Array, po: number, out: Float64Array, k: number, c: number, base: number) => void;

/** cov[o + a·d + b] += Σᵢ (rᵢ(xᵢₐ − μₐ))(xᵢ_b − μ_b) for b ≥ a over rows [start, end), rᵢ = resp[i·k + c]·wᵢ. */
export type FullScatterKernel = (x: Float64Array, start: number, end: number, resp: Float64Array, k: number, c: number, w: Float64Array | null, means: Float64Array, mo: number, cov: Float64Array, o: number) => void;

/** sums[so + j] += Σᵢ rᵢ·xᵢⱼ over rows [start, end) and returns Σᵢ rᵢ, rᵢ = resp[i·k + c]·wᵢ (one component's count and mean numerator). */
export type WeightedSumsKernel = (x: Float64Array, start: number, end: number, resp: Float64Array, k: number, c: number, w: Float64Array | null, sums: Float64Array, so: number) => number;

const sumsCache = new Map<number, WeightedSumsKernel>();
const logProbCache = new Map<number, FullLogProbKernel>();
const scatterCache = new Map<number, FullScatterKernel>();

/** The unrolled log-density kernel for d features. */
export function fullLogProbKernel(d: number): FullLogProbKernel {
  let f = logProbCache.get(d);
  if (!f) {
    const lines: string[] = [];
    for (let a = 0; a < d; a++) for (let j = a; j < d; j++) lines.push(`const p${a}_${j} = prec[po + ${a * d + j}];`);
    for (let j = 0; j < d; j++) lines.push(`const m${j} = means[mo + ${j}];`);
    lines.push(`for (let i = start, xo = start * ${d}; i < end; i++, xo += ${d}) {`);
    for (let j = 0; j < d; j++) lines.push(`  const d${j} = x[xo + ${j}] - m${j};`);
    lines.push('  let q = 0, y;');
    for (let j = 0; j < d; j++) {
      // Same order as the loop: y = 0; y += d_a·P[a][j] for a = 0..j.
      const terms = Array.from({ length: j + 1 }, (_, a) => `d${a} * p${a}_${j}`);
      lines.push(`  y = 0 + ${terms.join(' + ')};`);
      lines.push('  q += y * y;');
    }
    lines.push('  out[i * k + c] = base - 0.5 * q;');
    lines.push('}');
    f = new Function('x', 'start', 'end', 'means', 'mo', 'prec', 'po', 'out', 'k', 'c', 'base', lines.join('\n')) as FullLogProbKernel;
    logProbCache.set(d, f);
  }
  return f;
}

/** The unrolled scatter kernel for d features. */
export function fullScatterKernel(d: number): FullScatterKernel {
  let f = scatterCache.get(d);
  if (!f) {
    const lines: string[] = [];
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) lines.push(`let s${a}_${b} = cov[o + ${a * d + b}];`);
    for (let j = 0; j < d; j++) lines.push(`const m${j} = means[mo + ${j}];`);
    lines.push(`for (let i = start, xo = start * ${d}; i < end; i++, xo += ${d}) {`);
    lines.push('  const r = resp[i * k + c] * (w === null ? 1 : w[i]);');
    lines.push('  if (r === 0) continue;');
    for (let j = 0; j < d; j++) lines.push(`  const d${j} = x[xo + ${j}] - m${j};`);
    for (let a = 0; a < d; a++) {
      lines.push(`  const r${a} = r * d${a};`);
      for (let b = a; b < d; b++) lines.push(`  s${a}_${b} += r${a} * d${b};`);
    }
    lines.push('}');
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) lines.push(`cov[o + ${a * d + b}] = s${a}_${b};`);
    f = new Function('x', 'start', 'end', 'resp', 'k', 'c', 'w', 'means', 'mo', 'cov', 'o', lines.join('\n')) as FullScatterKernel;
    scatterCache.set(d, f);
  }
  return f;
}

/** The unrolled weighted-sums kernel for d features (every covariance model uses it for the means). */
export function weightedSumsKernel(d: number): WeightedSumsKernel {
  let f = sumsCache.get(d);
  if (!f) {
    const lines: string[] = ['let nk = 0;'];
    for (let j = 0; j < d; j++) lines.push(`let s${j} = sums[so + ${j}];`);
    lines.push(`for (let i = start, xo = start * ${d}; i < end; i++, xo += ${d}) {`);
    lines.push('  const r = resp[i * k + c] * (w === null ? 1 : w[i]);');
    lines.push('  if (r === 0) continue;');
    lines.push('  nk += r;');
    for (let j = 0; j < d; j++) lines.push(`  s${j} += r * x[xo + ${j}];`);
    lines.push('}');
    for (let j = 0; j < d; j++) lines.push(`sums[so + ${j}] = s${j};`);
    lines.push('return nk;');
    f = new Function('x', 'start', 'end', 'resp', 'k', 'c', 'w', 'sums', 'so', lines.join('\n')) as WeightedSumsKernel;
    sumsCache.set(d, f);
  }
  return f;
}
