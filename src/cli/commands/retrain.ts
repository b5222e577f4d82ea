/**
 * `segkit retrain <source> --from MODEL -o NEW`: fit the old model's method on new data, warm-started
 * from the old segments, with segment ids and names carried over (Hungarian matching on co-membership,
 * reported with its quality). The new model file records which model it replaced.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag } from '../flags.js';
import { createProgress } from '../progress.js';
import { addSourceFlags } from './fit.js';
import { readForModel, type ModelSourceFlags } from './snapshot.js';
import { loadModel } from '../../model/load.js';
import { saveModel } from '../../model/save.js';
import { retrain, type RetrainResult } from '../../track/retrain.js';
import { writeAssignments } from '../write-assignments.js';
import { table } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';

interface RetrainFlags extends ModelSourceFlags {
  from: string;
  out: string;
  nClusters?: string;
  seed?: string;
  minJaccard?: string;
  assignments?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Registers the command. */
export function registerRetrain(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('retrain')
    .summary('refit a model on new data, keeping its segment ids and names')
    .description(
      'Fit the method and preprocessing of an existing model on new data (k-means and mixtures: warm-started from its segments), and match the new segments to ' +
        'the old ids (Hungarian algorithm on the customers they share), so dashboards and CRM rules keep working. A new segment gets a new id; ' +
        'an old one that lost its customers is reported as vanished.',
    )
    .argument('<source>', 'customer table, or transactions for a model fitted --from-transactions');
  addSourceFlags(cmd);
  cmd
    .requiredOption('--from <model>', 'the model to replace')
    .requiredOption('-o, --out <file>', 'new model file to write')
    .option('--as-of <date>', 'models fitted --from-transactions: compute features as of this day (default: the day after the last transaction)')
    .option('--id <column>', "customer ID column (default: the old model's)")
    .option('-k, --n-clusters <k>', "segments in the new model (default: the old model's; at least that many)")
    .option('--seed <n>', "random seed (default: the old model's)")
    .option('--min-jaccard <x>', 'report an old segment as vanished when its match shares less than this Jaccard index (default 0.2)')
    .option('--assignments <file>', 'also write every customer\'s new segment (.csv, .parquet, .jsonl)')
    .option('--json', 'print the alignment as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (source: string, flags: RetrainFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        const old = loadModel(resolvePath(io, flags.from));
        const { frame, plan } = await readForModel(io, old, source, flags, progress);
        const r = await retrain(old, frame, {
          nClusters: numberFlag(flags.nClusters, '-k/--n-clusters', { integer: true, min: 1 }),
          seed: numberFlag(flags.seed, '--seed', { integer: true, min: 0 }),
          minJaccard: numberFlag(flags.minJaccard, '--min-jaccard', { min: 0 }),
          oldPath: flags.from, features: plan, onProgress: (p) => progress.update(p),
        });
        progress.stop();
        if (flags.assignments) await writeAssignments(resolvePath(io, flags.assignments), r);
        saveModel(r.model, resolvePath(io, flags.out));
        if (flags.json) io.stdout(JSON.stringify({ model: flags.out, replaces: flags.from, warmStart: r.warmStart, alignment: r.alignment, segments: r.model.segments.map((g) => ({ id: g.id, name: g.name, size: g.size })), metrics: r.model.metrics }, null, 2) + '\n');
        else io.stdout(formatRetrain(r, flags.from, flags.out));
        for (const w of r.warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}

/** The alignment table users read after a retrain. */
export function formatRetrain(r: RetrainResult, from: string, out: string): string {
  const a = r.alignment;
  const byId = new Map(r.model.segments.map((g) => [g.id, g]));
  const rows = a.pairs.map((p) => [String(p.segment), byId.get(p.segment)!.name, String(byId.get(p.segment)!.size), String(p.shared), p.jaccard.toFixed(3), a.vanished.includes(p.segment) ? 'vanished (weak match)' : 'kept']);
  for (const id of a.newSegments) rows.push([String(id), byId.get(id)!.name, String(byId.get(id)!.size), '0', '–', 'new']);
  return [
    `segkit retrain: ${r.model.manifest.rows} customers, ${r.model.segments.length} segments (${r.model.manifest.method}, ${r.warmStart ? 'warm start from the old segments' : 'fresh start with the old seed'}) → ${out}, replacing ${from}\n\n`,
    table(['id', 'segment', 'size', 'shared with old', 'Jaccard', ''], rows),
    `\n${(a.agreement * 100).toFixed(1)}% of customers kept their segment id (matching: Hungarian algorithm on the customers old and new segments share).\n`,
    a.vanished.length ? `vanished: ${a.vanished.map((id) => `${id} (${byId.get(id)!.name})`).join(', ')}\n` : '',
  ].join('');
}
