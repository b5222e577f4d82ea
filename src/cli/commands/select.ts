/**
 * `segkit select <source> -k 2..12`: read and preprocess like `fit`, measure every k of the range
 * (cost, silhouette, Davies-Bouldin, Calinski-Harabasz, gap, BIC/ICL, stability, smallest segment),
 * print a table (or --json) with the recommended k and its reasons; --out writes the report.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag, type SourceFlags } from '../flags.js';
import { addColumnFlags, addPrepFlags, prepOptionsFromFlags, type PrepFlags } from '../prep-flags.js';
import { addMethodOptionFlags, methodOptionsFromFlags, type MethodFlags } from '../method-flags.js';
import { createProgress } from '../progress.js';
import { readSource } from '../read-source.js';
import { addSourceFlags } from './fit.js';
import { EXIT_OK } from '../exit-codes.js';
import { getClusterer } from '../../cluster/registry.js';
import { parseKRange } from '../../select/k-range.js';
import { checkMethodTakesK, selectK } from '../../select/select-k.js';
import { selectOptionsSchema } from '../../select/select-options.js';
import { formatSelectionReport } from '../../select/format-report.js';
import { prepareData } from '../../model/fit-model.js';
import { writeFileAtomic } from '../../model/save.js';
import { parseOptions } from '../../options.js';

interface SelectFlags extends SourceFlags, PrepFlags, MethodFlags {
  k: string;
  gapReferences?: string;
  spaceH0?: string;
  bootstrap?: string;
  minSegmentShare?: string;
  seed?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Registers the command. */
export function registerSelect(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('select')
    .summary('measure a range of k and recommend the number of segments')
    .description('Fit the method at every k of a range and measure cost, silhouette, Davies-Bouldin, Calinski-Harabasz, the gap statistic, BIC/ICL and bootstrap stability; recommend a k with its reasons.')
    .argument('<source>', 'CSV/TSV/text, Parquet, JSON lines, duckdb:<file>, or postgres://… (with --table or --query)');
  addSourceFlags(cmd);
  addColumnFlags(cmd);
  cmd
    .option('--method <name>', 'clustering method (any method with a number of segments)', 'kmeans')
    .option('-k, --k <range>', "range of k to try, 'min..max'", '2..10')
    .option('--gap-references <n>', 'reference data sets for the gap statistic (0 = none)', '10')
    .option('--space-h0 <box>', "gap reference box: 'scaledPCA' or 'original'")
    .option('--bootstrap <n>', 'bootstrap fits per k for stability (0 = none)', '20')
    .option('--min-segment-share <x>', 'never recommend a k whose smallest segment is below this share of rows', '0.01');
  addMethodOptionFlags(cmd);
  addPrepFlags(cmd);
  cmd
    .option('--seed <n>', 'random seed (drawn and recorded when absent)')
    .option('-o, --out <file>', 'also write the report (per-k numbers, criteria, recommendation) as JSON')
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (source: string, flags: SelectFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        // Flags first, so a usage error is reported before any data is read.
        const kRange = parseKRange(flags.k, '-k');
        const select = parseOptions(selectOptionsSchema, {
          method: flags.method,
          options: methodOptionsFromFlags(flags),
          kRange,
          gapReferences: numberFlag(flags.gapReferences, '--gap-references', { integer: true, min: 0 }),
          bootstrap: numberFlag(flags.bootstrap, '--bootstrap', { integer: true, min: 0 }),
          minSegmentShare: numberFlag(flags.minSegmentShare, '--min-segment-share', { min: 0 }),
          ...(flags.spaceH0 !== undefined ? { spaceH0: flags.spaceH0 } : {}),
          ...(flags.seed !== undefined ? { seed: numberFlag(flags.seed, '--seed', { integer: true, min: 0 }) } : {}),
        }, 'segkit select');
        const clusterer = getClusterer(flags.method);
        checkMethodTakesK(clusterer);
        parseOptions(clusterer.schema, { ...select.options, nClusters: kRange[0] }, flags.method);
        const prep = prepOptionsFromFlags(flags);
        const frame = await readSource(io, source, flags, flags.id, progress);
        const { prep: fitted } = prepareData(frame, { method: flags.method, prep, idColumn: flags.id, weightColumn: flags.weight, onProgress: (p) => progress.update(p) });
        const report = await selectK(fitted.dataset, { ...select, onProgress: (p) => progress.update(p) });
        progress.stop();
        if (flags.out) writeFileAtomic(resolvePath(io, flags.out), JSON.stringify(report, null, 1) + '\n');
        if (flags.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
        else io.stdout(formatSelectionReport(report) + (flags.out ? `\nreport written to ${flags.out}\n` : ''));
        for (const w of fitted.warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}
