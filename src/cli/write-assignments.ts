/**
 * Writes every customer's segment: customer ID, segment, segment name, confidence, distance to the
 * segment, the runner-up segment and the novelty flag with its reasons (CSV, Parquet or JSON lines,
 * atomically). The same fields as `predict`.
 * @module
 */
import { writeTable } from '../data/write-table.js';

/** What an assignments file is written from. */
export interface AssignmentRows {
  readonly ids: readonly string[];
  readonly labels: Int32Array;
  readonly distance: Float64Array;
  readonly runnerUp: Int32Array;
  readonly confidence: Float64Array;
  readonly novelty: readonly (readonly string[])[];
  readonly model: { readonly segments: readonly { id: number; name: string }[] };
}

export async function writeAssignments(path: string, r: AssignmentRows): Promise<void> {
  const names = new Map(r.model.segments.map((s) => [s.id, s.name]));
  await writeTable(path, [
    { name: 'customer_id', values: r.ids as string[] },
    { name: 'segment', values: r.labels },
    { name: 'segment_name', values: Array.from(r.labels, (l) => names.get(l) ?? 'unassigned') },
    { name: 'confidence', values: r.confidence },
    { name: 'distance', values: r.distance },
    { name: 'runner_up', values: r.runnerUp },
    { name: 'novel', values: Array.from(r.novelty, (n) => (n.length > 0 ? 'yes' : 'no')) },
    { name: 'novelty', values: Array.from(r.novelty, (n) => n.join('; ')) },
  ]);
}
