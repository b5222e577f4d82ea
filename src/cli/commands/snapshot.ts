/**
 * `segkit snapshot <model> <source> --as-of DATE --store …`: score every customer with a saved model
 * and record the assignments in the store, in one transaction. Also the `--store` flags and the
 * "read a source the way the model expects" step that retrain and drift share.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag, type SourceFlags } from '../flags.js';
import { createProgress, type ProgressReporter } from '../progress.js';
import { readSource } from '../read-source.js';
import { addSourceFlags } from './fit.js';
import { transactionFrame } from './features.js';
import { loadModel } from '../../model/load.js';
import { scoreFrame, type Scores } from '../../model/predict.js';
import { frameHash } from '../../model/data-hash.js';
import type { SegmentationModel } from '../../model/artifact.js';
import type { Frame } from '../../data/frame.js';
import type { FeaturePlan } from '../../features/prepare-features.js';
import { resolveIds } from '../../data/ids.js';
import { openStore, type StoreDb } from '../../track/store.js';
import { recordSnapshot, checkDate } from '../../track/snapshot.js';
import { table } from '../format.js';
import { msg } from '../../messages.js';
import { EXIT_OK } from '../exit-codes.js';

/** Flags of every command that opens a store. */
export interface StoreFlags {
  store: string;
  wait?: string;
}

/** Adds --store and --wait. */
export function addStoreFlags(cmd: Command): Command {
  return cmd
    .option('--store <file|url>', 'the store: a DuckDB file (created when absent) or postgres://user@host/db', 'segkit.duckdb')
    .option('--wait <seconds>', 'DuckDB store busy with another process: wait this long before giving up (default 0)');
}

/** Opens the store the flags name (relative paths against the working directory). */
export async function openStoreFromFlags(io: Io, f: StoreFlags): Promise<StoreDb> {
  const isUrl = /^postgres(ql)?:\/\//i.test(f.store);
  const waitMs = (numberFlag(f.wait, '--wait', { min: 0 }) ?? 0) * 1000;
  return openStore(isUrl ? f.store : resolvePath(io, f.store.replace(/^duckdb:/i, '')), { waitMs });
}

/** Flags for reading a source as a model expects it. */
export interface ModelSourceFlags extends SourceFlags {
  id?: string;
  asOf?: string;
}

/**
 * Reads `source` for `model`: transactions through the model's feature plan (as of `asOf`) when it
 * was fitted --from-transactions, else a customer table; plus the customer ids.
 */
export async function readForModel(io: Io, model: SegmentationModel, source: string, flags: ModelSourceFlags, progress: ProgressReporter): Promise<{ frame: Frame; ids: string[]; idColumn: string | null; plan?: FeaturePlan }> {
  const idColumn = flags.id ?? model.manifest.idColumn ?? undefined;
  const tx = model.features ? await transactionFrame(io, source, flags, model.features) : null;
  for (const w of tx?.warnings ?? []) io.stderr(`warning ${w.code}: ${w.message}\n`);
  const frame = tx ? tx.frame : await readSource(io, source, flags, idColumn, progress);
  const { ids, column } = resolveIds(frame, idColumn && frame.columns.some((c) => c.name === idColumn) ? idColumn : undefined);
  return { frame, ids, idColumn: column, ...(tx ? { plan: tx.plan } : {}) };
}

interface SnapshotFlags extends ModelSourceFlags, StoreFlags {
  asOf: string;
  replace?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** Registers the command. */
export function registerSnapshot(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('snapshot')
    .summary('score every customer and record the segments in the store')
    .description(
      'Score a customer table (or, for a model fitted --from-transactions, the transactions as of --as-of) with a saved model and record ' +
        'every customer\'s segment and confidence in the store as the snapshot of that date. One transaction: a failed or killed run records nothing.',
    )
    .argument('<model>', 'model file written by segkit fit or segkit retrain')
    .argument('<source>', 'customer table, or transactions for a model fitted --from-transactions');
  addSourceFlags(cmd);
  addStoreFlags(cmd)
    .requiredOption('--as-of <date>', 'the snapshot date, YYYY-MM-DD (transactions: features use the lines before this day)')
    .option('--id <column>', "customer ID column (default: the model's)")
    .option('--replace', 'replace the snapshot of this date for this model (default: refuse)')
    .option('--json', 'print the result as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (modelPath: string, source: string, flags: SnapshotFlags) => {
      checkDate(flags.asOf, '--as-of');
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        const model = loadModel(resolvePath(io, modelPath));
        const { frame, ids, idColumn } = await readForModel(io, model, source, flags, progress);
        // Row numbers are no identity across months: migrations would compare unrelated customers.
        if (idColumn === null) io.stderr(`warning: ${msg.snapshotRowNumbers()}\n`);
        progress.update({ step: 'scoring', done: 0, total: 1 });
        const s: Scores = scoreFrame(model, frame);
        progress.update({ step: 'recording the snapshot', done: 0, total: 1 });
        const db = await openStoreFromFlags(io, flags);
        try {
          const r = await recordSnapshot(db, {
            model, modelPath, asOf: flags.asOf, ids, labels: s.labels, confidence: s.confidence, dataHash: frameHash(frame), replace: Boolean(flags.replace),
            options: { source, asOf: flags.asOf, replace: Boolean(flags.replace) },
          });
          progress.stop();
          const rows = model.segments.map((g) => [g.name, String(r.counts[g.id] ?? 0), `${(((r.counts[g.id] ?? 0) / Math.max(1, r.rows)) * 100).toFixed(1)}%`]);
          if (flags.json) io.stdout(JSON.stringify({ store: db.location, ...r, asOf: flags.asOf, segments: model.segments.map((g) => ({ id: g.id, name: g.name, size: r.counts[g.id] ?? 0 })) }, null, 2) + '\n');
          else io.stdout(`segkit snapshot: ${r.rows} customers as of ${flags.asOf} → ${db.location} (snapshot ${r.snapshot}${r.replaced !== null ? `, replacing ${r.replaced}` : ''})\n\n${table(['segment', 'size', 'share'], rows)}`);
        } finally {
          await db.close();
        }
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}
