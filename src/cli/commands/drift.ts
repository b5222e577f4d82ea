/**
 * `segkit drift <model> <source>`: has the population moved away from the one the model was trained
 * on? Per feature PSI and a distribution test, segment-share PSI, and a verdict ok | watch | retrain.
 * Exits with EXIT_DRIFT (5) on 'retrain' so a cron job or CI step can act on it.
 * @module
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag } from '../flags.js';
import { createProgress } from '../progress.js';
import { addSourceFlags } from './fit.js';
import { readForModel, type ModelSourceFlags } from './snapshot.js';
import { loadModel } from '../../model/load.js';
import type { SegmentationModel } from '../../model/artifact.js';
import { driftReport, type DriftReport } from '../../track/drift.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { table, fmt } from '../format.js';
import { EXIT_OK, EXIT_DRIFT } from '../exit-codes.js';

interface DriftFlags extends ModelSourceFlags {
  baseline?: string;
  baselineAsOf?: string;
  psiWatch?: string;
  psiRetrain?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Registers the command. */
export function registerDrift(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('drift')
    .summary('compare new data with the training data: PSI, tests, a verdict')
    .description(
      'Population stability index (PSI, on deciles of the training values) and a distribution test (Kolmogorov-Smirnov for numbers, ' +
        'chi-square for categories) for every feature, PSI of the segment shares, and a verdict: ok (every PSI below --psi-watch), ' +
        `watch, or retrain (a PSI at or above --psi-retrain). Exits with code ${EXIT_DRIFT} on 'retrain'.`,
    )
    .argument('<model>', 'model file')
    .argument('<source>', 'the new customer table, or transactions for a model fitted --from-transactions');
  addSourceFlags(cmd);
  cmd
    .option('--baseline <source>', "the training data (default: the model's recorded source, when that file exists)")
    .option('--as-of <date>', 'transactions: compute the new features as of this day')
    .option('--baseline-as-of <date>', "transactions: the training features' as-of day (default: the model's)")
    .option('--id <column>', "customer ID column (default: the model's)")
    .option('--psi-watch <x>', "PSI from which the verdict is 'watch' (default 0.1; Siddiqi 2006)")
    .option('--psi-retrain <x>', "PSI from which the verdict is 'retrain' (default 0.25)")
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (modelPath: string, source: string, flags: DriftFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        const model = loadModel(resolvePath(io, modelPath));
        const thresholds = { watch: numberFlag(flags.psiWatch, '--psi-watch', { min: 0 }), retrain: numberFlag(flags.psiRetrain, '--psi-retrain', { min: 0 }) };
        const base = baselineOf(io, model, flags);
        const baseline = (await readForModel(io, model, base.source, { ...flags, asOf: base.asOf }, progress)).frame;
        const current = (await readForModel(io, model, source, flags, progress)).frame;
        const r = driftReport(model, baseline, current, { ...(thresholds.watch !== undefined ? { watch: thresholds.watch } : {}), ...(thresholds.retrain !== undefined ? { retrain: thresholds.retrain } : {}) });
        progress.stop();
        if (flags.json) io.stdout(JSON.stringify(r, null, 2) + '\n');
        else io.stdout(formatDrift(r));
        setExit(r.verdict === 'retrain' ? EXIT_DRIFT : EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}

/** The training data: --baseline, else the file the model records (its as-of for transaction models). */
function baselineOf(io: Io, model: SegmentationModel, flags: DriftFlags): { source: string; asOf?: string } {
  const asOf = flags.baselineAsOf ?? model.features?.spec.asOf;
  if (flags.baseline) return { source: flags.baseline, asOf };
  const recorded = model.manifest.source.replace(/ \(features as of [0-9-]+\)$/, '');
  if (!existsSync(resolvePath(io, recorded))) throw new SegkitError('E_USAGE', msg.driftBaselineNeeded(), { field: '--baseline' });
  return { source: recorded, asOf };
}

/** The text report. */
export function formatDrift(r: DriftReport): string {
  const rows = r.features.map((f) => [f.name, f.kind, f.psi.toFixed(4), f.test.test, fmt(f.test.statistic), f.test.pValue < 1e-4 ? '<1e-4' : f.test.pValue.toFixed(4), f.verdict]);
  return [
    `segkit drift: ${r.rows.current} customers against ${r.rows.baseline} training customers (PSI thresholds: watch ${r.thresholds.watch}, retrain ${r.thresholds.retrain})\n\n`,
    table(['feature', 'kind', 'PSI', 'test', 'statistic', 'p-value', 'verdict'], rows),
    `\n${table(['segment', 'training share', 'current share'], r.segments.shares.map((s) => [s.name, `${(s.training * 100).toFixed(1)}%`, `${(s.current * 100).toFixed(1)}%`]))}`,
    `segment shares: PSI ${r.segments.psi.toFixed(4)} (${r.segments.verdict})\n`,
    `\nverdict: ${r.verdict}${r.verdict === 'retrain' ? ' (run segkit retrain)' : ''}\n`,
  ].join('');
}
