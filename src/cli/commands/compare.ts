/**
 * `segkit compare <source> --methods kmeans,kprototypes,gmm -k 5 [--outliers ecod]`: every method on
 * the same rows and k, side by side (model/compare-methods.ts): metrics in one common space and in
 * each method's own, sizes, pairwise ARI, time and a surrogate-tree explanation. Table or --json.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag, type SourceFlags } from '../flags.js';
import { addColumnFlags, addPrepFlags, prepOptionsFromFlags, type PrepFlags } from '../prep-flags.js';
import { createProgress } from '../progress.js';
import { readSource } from '../read-source.js';
import { addSourceFlags } from './fit.js';
import { EXIT_OK } from '../exit-codes.js';
import { getClusterer } from '../../cluster/registry.js';
import { compareMethods, type Comparison } from '../../model/compare-methods.js';
import { writeFileAtomic } from '../../model/save.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { fmt, table } from '../format.js';
import { compareHtml } from '../../report/compare-html.js';

interface CompareFlags extends SourceFlags, PrepFlags {
  methods: string;
  k: string;
  outliers?: string;
  contamination: string;
  seed?: string;
  out?: string;
  html?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Registers the command. */
export function registerCompare(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('compare')
    .summary('fit several methods on the same customers and compare them side by side')
    .description('Fit each method with the same k on the same rows; report silhouette, Davies-Bouldin and Calinski-Harabasz in one common space and in each method\'s own, segment sizes, pairwise ARI, run time, and which columns explain each segmentation (surrogate decision tree).')
    .argument('<source>', 'CSV/TSV/text, Parquet, JSON lines, duckdb:<file>, or postgres://… (with --table or --query)');
  addSourceFlags(cmd);
  addColumnFlags(cmd);
  cmd
    .option('--methods <list>', 'methods to compare, comma-separated', 'kmeans,kprototypes')
    .option('-k, --k <n>', 'number of segments for every method', '5')
    .option('--outliers <method>', "remove outliers before fitting: 'ecod' (Li et al. 2022, as PyOD)")
    .option('--contamination <x>', 'with --outliers: share of rows removed, in (0, 0.5]', '0.1');
  addPrepFlags(cmd);
  cmd
    .option('--seed <n>', 'random seed (drawn and recorded when absent)')
    .option('-o, --out <file>', 'also write the comparison as JSON')
    .option('--html <file>', 'also write the comparison as a self-contained HTML page with charts')
    .option('--json', 'print the comparison as JSON')
    .option('-q, --quiet', 'no progress output')
    .addHelpText('after', `
Examples:
  segkit compare data/samples/bank.csv --methods kmeans,kprototypes -k 5 --outliers ecod
  segkit compare customers.csv --methods kmeans,gmm,kmedoids -k 4 --json
`)
    .action(async (source: string, flags: CompareFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        // Flags first, so a usage error is reported before any data is read.
        const methods = flags.methods.split(',').map((m) => m.trim()).filter(Boolean);
        for (const m of methods) getClusterer(m);
        const k = numberFlag(flags.k, '-k', { integer: true, min: 1 })!;
        if (flags.outliers !== undefined && flags.outliers !== 'ecod') throw new SegkitError('E_OPTION', msg.keywordUnknown('--outliers method', flags.outliers, ['ecod']), { field: '--outliers' });
        const contamination = numberFlag(flags.contamination, '--contamination')!;
        const seed = numberFlag(flags.seed, '--seed', { integer: true, min: 0 });
        const prep = prepOptionsFromFlags(flags);
        const frame = await readSource(io, source, flags, flags.id, progress);
        const c = await compareMethods(frame, {
          methods, nClusters: k, prep, idColumn: flags.id, seed,
          ...(flags.outliers ? { outliers: { method: 'ecod' as const, contamination } } : {}),
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        const json = comparisonJson(c);
        if (flags.out) writeFileAtomic(resolvePath(io, flags.out), JSON.stringify(json, null, 1) + '\n');
        if (flags.html) writeFileAtomic(resolvePath(io, flags.html), await compareHtml(c));
        if (flags.json) io.stdout(JSON.stringify(json, null, 2) + '\n');
        else io.stdout(formatComparison(c) + (flags.out ? `\ncomparison written to ${flags.out}\n` : ''));
        for (const w of c.warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}

/** The comparison without the per-row labels. */
export function comparisonJson(c: Comparison): Record<string, unknown> {
  return { ...c, methods: c.methods.map(({ labels: _labels, ...m }) => m) };
}

/** The tables people read. */
export function formatComparison(c: Comparison): string {
  const parts: string[] = [];
  parts.push(`segkit compare: ${c.rows} customers, k = ${c.nClusters}, seed ${c.seed}${c.removedOutliers ? ` (${c.removedOutliers} ECOD outliers removed first)` : ''}\n`);
  parts.push(`Common space: ${c.commonSpace}.\n`);
  const ok = c.methods.filter((m) => !m.error);
  parts.push(table(
    ['method', 'silhouette ↑', 'Davies-Bouldin ↓', 'Calinski-Harabasz ↑', 'own silhouette', 'own DB', 'own CH', 'seconds', 'sizes'],
    ok.map((m) => [m.method, fmt(m.common!.silhouette), fmt(m.common!.daviesBouldin), fmt(m.common!.calinskiHarabasz), fmt(m.own!.silhouette), fmt(m.own!.daviesBouldin), fmt(m.own!.calinskiHarabasz), m.seconds.toFixed(2), m.sizes.join('/')]),
  ));
  if (ok.length > 1) {
    parts.push('\nAgreement between methods (adjusted Rand index; 1 = the same segments):\n');
    const idx = c.methods.map((m, i) => (m.error ? -1 : i)).filter((i) => i >= 0);
    parts.push(table(['', ...idx.map((i) => c.methods[i].method)], idx.map((i) => [c.methods[i].method, ...idx.map((j) => fmt(c.ari[i][j]))])));
  }
  parts.push('\nWhat explains each segmentation (a depth-3 decision tree predicting the segment from the input columns):\n');
  parts.push(table(['method', 'tree accuracy', 'columns it relies on'], ok.map((m) => [m.method, `${(100 * m.explanation!.accuracy).toFixed(1)}%`, m.explanation!.topFeatures.join(', ') || '–'])));
  for (const m of c.methods.filter((x) => x.error)) parts.push(`\n${m.method} could not fit these data: ${m.error}\n`);
  return parts.join('');
}
