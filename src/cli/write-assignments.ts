/**
 * Writes every customer's segment: customer ID, segment, segment name, distance to the
 * segment center and the runner-up segment (CSV, Parquet or JSON lines, atomically).
 * @module
 */
import { writeTable } from '../data/write-table.js';

/** What an assignments file is written from. */
export interface AssignmentRows {
  readonly ids: readonly string[];
  readonly labels: Int32Array;
  readonly distance: Float64Array;
  readonly runnerUp: Int32Array;
  readonly model: { readonly segments: readonly { id: number; name: string }[] };
}

export async function writeAssignments(path: string, r: AssignmentRows): Promise<void> {
  const names = new Map(r.model.segments.map((s) => [s.id, s.name]));
  await writeTable(path, [
    { name: 'customer_id', values: r.ids as string[] },
    { name: 'segment', values: r.labels },
    { name: 'segment_name', values: Array.from(r.labels, (l) => names.get(l) ?? 'unassigned') },
    { name: 'distance', values: r.distance },
    { name: 'runner_up', values: r.runnerUp },
  ]);
}
