/**
 * Chi-square test of independence between segment and a categorical feature, as
 * scipy.stats.chi2_contingency without Yates' correction (which only applies to 2 × 2 tables; we
 * report it uncorrected everywhere and say so), with Cramér's V = √(χ² / (n · (min(r, c) − 1))) as the
 * effect size. Levels or segments with no rows are left out of the table.
 * @module
 */
import { chiSquareSf } from '../math/chi-square.js';

export interface ChiSquareTest { readonly chi2: number; readonly p: number; readonly dof: number; readonly cramersV: number; readonly n: number }

/** Test on a segments × levels table of counts (row-major, `rows` segments). */
export function chiSquareTest(table: ArrayLike<number>, rows: number, cols: number): ChiSquareTest {
  const rowSum = new Float64Array(rows), colSum = new Float64Array(cols);
  let n = 0;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const v = table[r * cols + c];
    rowSum[r] += v;
    colSum[c] += v;
    n += v;
  }
  const liveRows = [...rowSum.keys()].filter((r) => rowSum[r] > 0), liveCols = [...colSum.keys()].filter((c) => colSum[c] > 0);
  const dof = (liveRows.length - 1) * (liveCols.length - 1);
  if (dof <= 0) return { chi2: NaN, p: NaN, dof, cramersV: NaN, n };
  let chi2 = 0;
  for (const r of liveRows) for (const c of liveCols) {
    const expected = (rowSum[r] * colSum[c]) / n;
    const d = table[r * cols + c] - expected;
    chi2 += (d * d) / expected;
  }
  const m = Math.min(liveRows.length, liveCols.length) - 1;
  return { chi2, p: chiSquareSf(chi2, dof), dof, cramersV: Math.sqrt(chi2 / (n * m)), n };
}
