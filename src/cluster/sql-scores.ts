/**
 * SQL forms of the clusterers' distances, in the same floating-point order as the in-process kernels
 * so that the database finds the same nearest segment: `sqDist` (math/distance.ts) sums squares in
 * groups of four, K-Prototypes' `rowCost` (kmodes-core.ts) one by one.
 * @module
 */
import type { Dialect } from '../data/sql-dialect.js';

/** Squared distance of the feature expressions to `center`, grouped as `sqDist` adds. */
export function sqDistSql(features: readonly string[], center: readonly number[], d: Dialect): string {
  const t = (j: number) => `(${features[j]} - ${d.num(center[j])})`;
  const sq = (j: number) => `${t(j)} * ${t(j)}`;
  let s: string | null = null;
  let j = 0;
  for (; j + 3 < features.length; j += 4) {
    const group = `((${sq(j)} + ${sq(j + 1)}) + ${sq(j + 2)}) + ${sq(j + 3)}`;
    s = s === null ? `(${group})` : `(${s} + (${group}))`;
  }
  for (; j < features.length; j++) s = s === null ? `(${sq(j)})` : `(${s} + ${sq(j)})`;
  return s ?? d.num(0);
}

/** Squared distance summed one term at a time (K-Prototypes' numeric part). */
export function sqDistSequentialSql(features: readonly string[], center: readonly number[], d: Dialect): string {
  let s = d.num(0);
  features.forEach((f, j) => {
    const t = `(${f} - ${d.num(center[j])})`;
    s = `(${s} + ${t} * ${t})`;
  });
  return s;
}

/** Number of code expressions that differ from the modes, as a double. */
export function mismatchSql(codes: readonly string[], modes: readonly number[], d: Dialect): string {
  if (codes.length === 0) return d.num(0);
  return `CAST((${codes.map((c, j) => `CASE WHEN ${c} <> ${modes[j]} THEN 1 ELSE 0 END`).join(' + ')}) AS ${d.double})`;
}
