/**
 * Winner search of batch SOM training after the first epoch, from each row's previous winner
 * (som-train.ts). Exact: the same winners as the full search of nearest-center.ts.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';

/** Above this many neurons the M × M table of {@link NearPrevious} (8 bytes per pair) is not built. */
export const NEAR_MAX_NEURONS = 2048;

/**
 * Exact winners from the previous epoch's: for a row whose previous winner b is at distance r, a
 * neuron k can only be nearer than the best so far (distance ρ) if D(b, k) < r + ρ (triangle
 * inequality; Elkan 2003, lemma 1), so most neurons are ruled out by one comparison with the
 * table D of distances between the neurons' vectors instead of a distance to the row. A trained
 * map keeps each row near its old winner, which keeps r + ρ small. Ties go to the lowest index, as
 * in the full search.
 */
export class NearPrevious {
  private readonly gap: Float64Array;
  constructor(private readonly m: number, private readonly d: number) {
    this.gap = new Float64Array(m * m);
  }
  /** Replaces each row's previous winner in `bmu` by its winner on `codebook`. */
  update(x: Matrix, codebook: Float64Array, bmu: Int32Array): void {
    const { m, d, gap } = this;
    for (let a = 0; a < m; a++)
      for (let b = a + 1; b < m; b++) gap[a * m + b] = gap[b * m + a] = Math.sqrt(sqDist(codebook, a * d, codebook, b * d, d));
    const xd = x.data;
    for (let i = 0; i < x.rows; i++) {
      const b = bmu[i], xo = i * d, base = b * m;
      let best = sqDist(xd, xo, codebook, b * d, d), win = b;
      const r = Math.sqrt(best);
      // Slack for the rounding of the square roots, so that no possible winner is ruled out.
      let bound = 2 * r * (1 + 1e-12);
      for (let k = 0; k < m; k++) {
        if (gap[base + k] > bound || k === b) continue;
        const s = sqDist(xd, xo, codebook, k * d, d);
        if (s < best || (s === best && k < win)) {
          (best = s), (win = k);
          bound = (r + Math.sqrt(s)) * (1 + 1e-12);
        }
      }
      bmu[i] = win;
    }
  }
}
