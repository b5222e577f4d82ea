/**
 * Writes every customer's segment: customer ID, segment, segment name, confidence, distance to the
 * segment, the runner-up segment and the novelty flag with its reasons (CSV, Parquet or JSON lines,
 * atomically). The same fields as `predict`.
 * @module
 */
import { writeTable } from '../data/write-table.js';
import type { Matrix } from '../math/matrix.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { ExtraColumn } from '../cluster/types.js';

/** What an assignments file is written from. */
export interface AssignmentRows {
  readonly ids: readonly string[];
  readonly labels: Int32Array;
  readonly distance: Float64Array;
  readonly runnerUp: Int32Array;
  readonly confidence: Float64Array;
  readonly novelty: readonly (readonly string[])[];
  readonly model: { readonly segments: readonly { id: number; name: string }[] };
  /** rows × k posteriors: written as `p_<segment>` columns and the row's entropy when given. */
  readonly probabilities?: Matrix;
  /** The method's per-row outputs beside the segment (nested levels, neuron, …): one column each. */
  readonly extra?: readonly ExtraColumn[];
  /** Name of label -1 ('outliers' for density methods, else 'unassigned'). */
  readonly noiseName?: string;
}

export async function writeAssignments(path: string, r: AssignmentRows, withProbabilities = false): Promise<void> {
  const names = new Map(r.model.segments.map((s) => [s.id, s.name]));
  const p = withProbabilities ? r.probabilities : undefined;
  if (withProbabilities && !p) throw new SegkitError('E_OPTION', msg.noProbabilities(), { field: '--probabilities' });
  await writeTable(path, [
    { name: 'customer_id', values: r.ids as string[] },
    { name: 'segment', values: r.labels },
    { name: 'segment_name', values: Array.from(r.labels, (l) => names.get(l) ?? r.noiseName ?? 'unassigned') },
    { name: 'confidence', values: r.confidence },
    { name: 'distance', values: r.distance },
    { name: 'runner_up', values: r.runnerUp },
    { name: 'novel', values: Array.from(r.novelty, (n) => (n.length > 0 ? 'yes' : 'no')) },
    { name: 'novelty', values: Array.from(r.novelty, (n) => n.join('; ')) },
    ...(r.extra ?? []).map((c) => ({ name: c.name, values: c.values })),
    ...(p ? probabilityColumns(p) : []),
  ]);
}

/** `p_0 … p_{k-1}` (segment ids as in the `segment` column) and `entropy` = −Σ p log p of each row. */
function probabilityColumns(p: Matrix): { name: string; values: Float64Array }[] {
  const cols = Array.from({ length: p.cols }, (_, j) => ({ name: `p_${j}`, values: Float64Array.from({ length: p.rows }, (_, i) => p.data[i * p.cols + j]) }));
  const entropy = new Float64Array(p.rows);
  for (let i = 0; i < p.rows; i++) {
    let e = 0;
    for (let j = 0; j < p.cols; j++) {
      const v = p.data[i * p.cols + j];
      if (v > 0) e -= v * Math.log(v);
    }
    entropy[i] = e;
  }
  return [...cols, { name: 'entropy', values: entropy }];
}
