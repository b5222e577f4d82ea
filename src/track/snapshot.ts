/**
 * Recording a snapshot: the model (once, with its segment names and lineage), a run (who, when, which
 * data, options, metrics) and every customer's segment and confidence, all in ONE transaction, so a
 * crash or a kill leaves either the whole snapshot or nothing (tested with SIGKILL in
 * test/track/snapshot-kill.test.ts).
 * @module
 */
import { userInfo } from 'node:os';
import type { SegmentationModel } from '../model/artifact.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { StoreDb } from './store-db.js';
import { modelHash } from './model-hash.js';

/** What a snapshot records. */
export interface SnapshotInput {
  readonly model: SegmentationModel;
  /** Where the model file is (for the record). */
  readonly modelPath?: string;
  /** The snapshot's date, YYYY-MM-DD. */
  readonly asOf: string;
  readonly ids: readonly string[];
  readonly labels: Int32Array;
  readonly confidence: Float64Array;
  /** SHA-256 of the scored data (model/data-hash.ts). */
  readonly dataHash: string;
  /** The command's options, kept as JSON in the run. */
  readonly options?: Record<string, unknown>;
  /** Who ran it. **Default:** the OS user name. */
  readonly user?: string;
  /** Replace an existing snapshot of the same model and date. **Default:** `false` (refuse). */
  readonly replace?: boolean;
}

/** What was recorded. */
export interface SnapshotResult {
  readonly snapshot: number;
  readonly run: number;
  readonly model: number;
  readonly rows: number;
  /** The id of the snapshot this one replaced (with `replace`). */
  readonly replaced: number | null;
  /** Customers per segment id. */
  readonly counts: Record<number, number>;
}

/**
 * Records a snapshot in one transaction.
 * @throws {SegkitError} E_OPTION (bad date; date already recorded for the model without `replace`), E_DATA_SHAPE
 */
export async function recordSnapshot(db: StoreDb, s: SnapshotInput): Promise<SnapshotResult> {
  checkDate(s.asOf, '--as-of');
  if (s.ids.length !== s.labels.length || s.ids.length !== s.confidence.length)
    throw new SegkitError('E_DATA_SHAPE', msg.snapshotShape(s.ids.length, s.labels.length, s.confidence.length));
  const counts: Record<number, number> = {};
  for (const l of s.labels) counts[l] = (counts[l] ?? 0) + 1;
  let conf = 0, nConf = 0;
  for (const c of s.confidence) if (!Number.isNaN(c)) (conf += c), nConf++;
  const lit = db.dialect.lit;
  return db.transaction(async () => {
    const model = await registerModel(db, s.model, s.modelPath);
    const existing = await db.query(`SELECT id FROM snapshots WHERE model = ${model} AND as_of = DATE ${lit(s.asOf)}`);
    let replaced: number | null = null;
    if (existing.length > 0) {
      if (!s.replace) throw new SegkitError('E_OPTION', msg.snapshotExists(s.asOf, s.modelPath ?? `model ${model}`), { field: '--as-of' }, msg.snapshotExistsHint());
      replaced = Number(existing[0].id);
      await db.query(`DELETE FROM assignments WHERE snapshot = ${replaced}`);
      await db.query(`DELETE FROM snapshots WHERE id = ${replaced}`);
    }
    const run = await nextId(db);
    const metrics = { rows: s.ids.length, counts, meanConfidence: nConf ? conf / nConf : null };
    await db.query(
      `INSERT INTO runs (id, model, ran_at, user_name, data_hash, options, metrics) VALUES (${run}, ${model}, ${lit(new Date().toISOString())}, ${lit(s.user ?? currentUser())}, ${lit(s.dataHash)}, ${lit(JSON.stringify(s.options ?? {}))}, ${lit(JSON.stringify(metrics))})`,
    );
    const snapshot = await nextId(db);
    await db.query(`INSERT INTO snapshots (id, run, model, as_of, customers) VALUES (${snapshot}, ${run}, ${model}, DATE ${lit(s.asOf)}, ${s.ids.length})`);
    await db.appendAssignments(snapshot, s.ids, s.labels, s.confidence);
    return { snapshot, run, model, rows: s.ids.length, replaced, counts };
  });
}

/**
 * The store id of a model, inserting it (with its segment names and the model it replaced, when
 * that one is in the store) the first time. Call inside a transaction.
 */
export async function registerModel(db: StoreDb, model: SegmentationModel, path?: string): Promise<number> {
  const lit = db.dialect.lit;
  const hash = modelHash(model);
  const found = await db.query(`SELECT id FROM models WHERE file_hash = ${lit(hash)}`);
  if (found.length > 0) return Number(found[0].id);
  const replacesHash = model.lineage?.replaces.fileHash;
  const prev = replacesHash ? await db.query(`SELECT id FROM models WHERE file_hash = ${lit(replacesHash)}`) : [];
  const id = await nextId(db);
  await db.query(
    `INSERT INTO models (id, file_hash, method, k, created, replaces, path) VALUES (${id}, ${lit(hash)}, ${lit(model.clusterer.method)}, ${model.segments.length}, ${lit(model.manifest.createdAt)}, ${prev.length ? Number(prev[0].id) : 'NULL'}, ${path ? lit(path) : 'NULL'})`,
  );
  if (model.segments.length > 0)
    await db.query(`INSERT INTO segments (model, segment, name) VALUES ${model.segments.map((g) => `(${id}, ${g.id}, ${lit(g.name)})`).join(', ')}`);
  return id;
}

async function nextId(db: StoreDb): Promise<number> {
  return Number((await db.query(`SELECT nextval('segkit_id_seq') AS id`))[0].id);
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * A calendar date YYYY-MM-DD that exists.
 * @throws {SegkitError} E_OPTION naming the flag
 */
export function checkDate(s: string, flag: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
    throw new SegkitError('E_OPTION', msg.optionInvalid(flag, 'segkit', 'a date YYYY-MM-DD', s), { field: flag });
}
