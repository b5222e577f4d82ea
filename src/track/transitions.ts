/**
 * Migrations between two snapshots: the transition matrix (one SQL join + GROUP BY in the store, so
 * 1M × 1M customers stay in the database), customers who entered and left each segment, new and lost
 * customers, and temporal stability as the adjusted Rand index of the two labelings on the common
 * customers (Hubert & Arabie 1985, computed from the matrix's counts).
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { StoreDb } from './store-db.js';
import { findSnapshot, segmentNames, type SnapshotInfo } from './store.js';
import { checkDate } from './snapshot.js';

/** Which two snapshots to compare. */
export interface MigrationsQuery {
  /** Earlier snapshot date, YYYY-MM-DD. */
  readonly from: string;
  /** Later snapshot date, YYYY-MM-DD. */
  readonly to: string;
  /** Limit both snapshots to this stored model id. **Default:** the latest snapshot recorded each day. */
  readonly model?: number;
}

/** A segment as the migrations name it. */
export interface SegmentLabel {
  readonly id: number;
  readonly name: string;
}

/** Everything `segkit migrations` reports. */
export interface Migrations {
  readonly from: SnapshotInfo;
  readonly to: SnapshotInfo;
  /** Segments in the rows/columns of `counts`, by id (names of the --to model, else the --from model). */
  readonly segments: readonly SegmentLabel[];
  /** counts[i][j]: customers in segments[i] at --from and segments[j] at --to (common customers only). */
  readonly counts: readonly (readonly number[])[];
  /** Row percentages of `counts` (each row sums to 100; 0 for an empty row). */
  readonly rowPercent: readonly (readonly number[])[];
  /** Per segment: common customers who moved in / out. */
  readonly entered: readonly number[];
  readonly left: readonly number[];
  /** Customers in both snapshots / only in --to / only in --from. */
  readonly common: number;
  readonly newCustomers: number;
  readonly lostCustomers: number;
  /** Adjusted Rand index of the two labelings on the common customers (1 = nobody moved, up to renaming). */
  readonly ari: number;
}

/**
 * Transition matrix and counts between two snapshots.
 * @throws {SegkitError} E_OPTION (bad date, dates in the wrong order), E_NOT_FOUND (no snapshot that day)
 */
export async function migrations(db: StoreDb, q: MigrationsQuery): Promise<Migrations> {
  const { from, to } = await resolvePair(db, q);
  const cells = await db.query(
    `SELECT a.segment AS f, b.segment AS t, COUNT(*) AS n FROM assignments a JOIN assignments b ON a.customer_id = b.customer_id
     WHERE a.snapshot = ${from.id} AND b.snapshot = ${to.id} GROUP BY a.segment, b.segment`,
  );
  const namesTo = await segmentNames(db, to.model);
  const namesFrom = await segmentNames(db, from.model);
  const ids = new Set<number>([...namesTo.keys(), ...namesFrom.keys()]);
  for (const c of cells) ids.add(Number(c.f)), ids.add(Number(c.t));
  const segments = [...ids].sort((a, b) => a - b).map((id) => ({ id, name: namesTo.get(id) ?? namesFrom.get(id) ?? (id < 0 ? 'unassigned' : `Segment ${id + 1}`) }));
  const index = new Map(segments.map((s, i) => [s.id, i]));
  const k = segments.length;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const c of cells) counts[index.get(Number(c.f))!][index.get(Number(c.t))!] += Number(c.n);
  const rowPercent = counts.map((r) => {
    const s = r.reduce((a, b) => a + b, 0);
    return r.map((v) => (s > 0 ? (100 * v) / s : 0));
  });
  const entered = segments.map((_, j) => counts.reduce((a, r, i) => a + (i === j ? 0 : r[j]), 0));
  const left = counts.map((r, i) => r.reduce((a, v, j) => a + (i === j ? 0 : v), 0));
  const common = cells.reduce((a, c) => a + Number(c.n), 0);
  return { from, to, segments, counts, rowPercent, entered, left, common, newCustomers: to.rows - common, lostCustomers: from.rows - common, ari: adjustedRandFromTable(counts) };
}

/** The two snapshots of a query, checked. */
export async function resolvePair(db: StoreDb, q: MigrationsQuery): Promise<{ from: SnapshotInfo; to: SnapshotInfo }> {
  checkDate(q.from, '--from');
  checkDate(q.to, '--to');
  if (q.from >= q.to) throw new SegkitError('E_OPTION', msg.datesOrder(q.from, q.to), { field: '--to' });
  return { from: await findSnapshot(db, q.from, q.model, '--from'), to: await findSnapshot(db, q.to, q.model, '--to') };
}

/** One customer who moved into a segment. */
export interface MovedCustomer {
  readonly customerId: string;
  /** Segment at --from; null for a customer new in --to. */
  readonly fromSegment: number | null;
  readonly toSegment: number;
  readonly confidence: number | null;
}

/**
 * Customers in segment `name` at --to who were elsewhere (or absent) at --from: the campaign list for
 * "who entered At Risk". Sorted by customer id.
 * @throws {SegkitError} E_NOT_FOUND when no segment of the --to model has that name
 */
export async function customersInto(db: StoreDb, q: MigrationsQuery, name: string): Promise<{ segment: SegmentLabel; customers: MovedCustomer[]; sql: string }> {
  const { from, to } = await resolvePair(db, q);
  const names = await segmentNames(db, to.model);
  const hit = [...names].find(([, n]) => n === name);
  if (!hit) throw new SegkitError('E_NOT_FOUND', msg.segmentNameUnknown(name, [...names.values()]), { field: '--into' });
  const sql = intoSql(from.id, to.id, hit[0]);
  const rows = await db.query(`${sql} ORDER BY b.customer_id`);
  const customers = rows.map((r) => ({
    customerId: String(r.customer_id), fromSegment: r.from_segment === null ? null : Number(r.from_segment), toSegment: Number(r.to_segment), confidence: r.confidence === null ? null : Number(r.confidence),
  }));
  return { segment: { id: hit[0], name }, customers, sql };
}

/** Writes the customers of {@link customersInto} to a new table in the store (replacing one of that name). */
export async function writeIntoTable(db: StoreDb, q: MigrationsQuery, name: string, table: string): Promise<number> {
  const { segment } = await customersInto(db, q, name);
  const { from, to } = await resolvePair(db, q);
  const t = table.split('.').map((p) => db.dialect.ident(p)).join('.');
  return db.transaction(async () => {
    await db.query(`DROP TABLE IF EXISTS ${t}`);
    await db.query(`CREATE TABLE ${t} AS ${intoSql(from.id, to.id, segment.id)}`);
    return Number((await db.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  });
}

function intoSql(from: number, to: number, segment: number): string {
  return `SELECT b.customer_id AS customer_id, a.segment AS from_segment, b.segment AS to_segment, b.confidence AS confidence
    FROM assignments b LEFT JOIN assignments a ON a.customer_id = b.customer_id AND a.snapshot = ${from}
    WHERE b.snapshot = ${to} AND b.segment = ${segment} AND (a.segment IS NULL OR a.segment <> ${segment})`;
}

/** One bar of the segment-distribution chart. */
export interface DistributionRow {
  readonly asOf: string;
  readonly snapshot: number;
  readonly model: number;
  readonly segment: number;
  readonly name: string;
  readonly count: number;
  readonly share: number;
}

/** Customers per segment in every snapshot, oldest first (for a stacked chart over time). */
export async function segmentDistribution(db: StoreDb): Promise<DistributionRow[]> {
  const rows = await db.query(
    `SELECT CAST(s.as_of AS VARCHAR) AS as_of, s.id AS snapshot, s.model AS model, a.segment AS segment, COALESCE(g.name, '') AS name, COUNT(*) AS n, MAX(s.customers) AS total
     FROM assignments a JOIN snapshots s ON s.id = a.snapshot LEFT JOIN segments g ON g.model = s.model AND g.segment = a.segment
     GROUP BY s.as_of, s.id, s.model, a.segment, g.name ORDER BY s.as_of, s.id, a.segment`,
  );
  return rows.map((r) => ({
    asOf: String(r.as_of), snapshot: Number(r.snapshot), model: Number(r.model), segment: Number(r.segment),
    name: String(r.name) || (Number(r.segment) < 0 ? 'unassigned' : `Segment ${Number(r.segment) + 1}`), count: Number(r.n), share: Number(r.n) / Number(r.total),
  }));
}

/**
 * Adjusted Rand index from a contingency table of counts (Hubert & Arabie 1985; the same value as
 * evaluate/ari.ts on the two label vectors, which the test checks).
 */
export function adjustedRandFromTable(counts: readonly (readonly number[])[]): number {
  const pairs = (m: number) => (m * (m - 1)) / 2;
  const rowSums = counts.map((r) => r.reduce((a, b) => a + b, 0)).filter((s) => s > 0);
  const colSums = (counts[0] ?? []).map((_, j) => counts.reduce((a, r) => a + r[j], 0)).filter((s) => s > 0);
  const n = rowSums.reduce((a, b) => a + b, 0);
  // As scikit-learn: identical trivial labelings (one cluster each, or all singletons) score 1.
  if (n === 0 || (rowSums.length === colSums.length && (rowSums.length === 1 || rowSums.length === n))) return 1;
  let index = 0, sa = 0, sb = 0;
  for (const r of counts) for (const c of r) index += pairs(c);
  for (const r of rowSums) sa += pairs(r);
  for (const c of colSums) sb += pairs(c);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
