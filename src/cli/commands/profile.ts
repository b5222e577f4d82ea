/**
 * `segkit profile <model> <source> [--value COL]`: what each segment is: per feature the segment's mean
 * (and its z against all customers) or its most common level (with lift), the test that segments differ
 * with its effect size, the value share, and each segment's distinguishing features. Table, --json or
 * --markdown.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import type { SourceFlags } from '../flags.js';
import { createProgress } from '../progress.js';
import { readSource } from '../read-source.js';
import { addSourceFlags } from './fit.js';
import { loadModel } from '../../model/load.js';
import { scoreFrame, segmentName } from '../../model/predict.js';
import { profileSegments, type ProfileReport } from '../../profile/segment-profile.js';
import { surrogateTree, type SurrogateTree } from '../../profile/surrogate-tree.js';
import { createRng } from '../../math/rng.js';
import type { SegmentationModel } from '../../model/artifact.js';
import { fmt, table } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';

interface ProfileFlags extends SourceFlags { id?: string; value?: string; json?: boolean; markdown?: boolean; quiet?: boolean }

export function registerProfile(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('profile')
    .summary('what each segment is: statistics, tests, distinguishing features')
    .description('Score a table with a model and describe every segment: means and z-scores of numbers, top levels and lift of categories, a test per feature with its effect size (Kruskal-Wallis ε², chi-square Cramér\'s V), the share of a value column, and the features that set each segment apart.')
    .argument('<model>', 'model file written by segkit fit')
    .argument('<source>', 'customer table (same forms as fit)');
  addSourceFlags(cmd);
  cmd
    .option('--id <column>', "customer ID column (default: the model's ID column when present)")
    .option('--value <column>', 'numeric value column (revenue): each segment\'s total and share of it')
    .option('--json', 'print the profile as JSON')
    .option('--markdown', 'print the profile as Markdown')
    .option('-q, --quiet', 'no progress output')
    .action(async (modelPath: string, source: string, flags: ProfileFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json || flags.markdown));
      try {
        const model = loadModel(resolvePath(io, modelPath));
        const idColumn = flags.id ?? model.manifest.idColumn ?? undefined;
        const frame = await readSource(io, source, flags, idColumn, progress);
        progress.update({ step: 'scoring and profiling', done: 0, total: 1 });
        const { labels } = scoreFrame(model, frame);
        const columns = model.manifest.columns.map((c) => c.name).filter((c) => c !== idColumn);
        const report = profileSegments(frame, labels, model.segments.length, columns, flags.value);
        const tree = surrogateTree(frame, labels, model.segments.length, columns.filter((c) => c !== flags.value), createRng(model.manifest.seed));
        progress.stop();
        if (flags.json) io.stdout(JSON.stringify({ ...report, segments: report.segments.map((s) => ({ ...s, name: segmentName(model, s.segment) })), rules: tree }, null, 2) + '\n');
        else io.stdout(formatProfile(model, report, flags.markdown ? 'markdown' : 'text') + formatRules(model, tree, flags.markdown ? 'markdown' : 'text'));
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}

/** Features as rows, segments as columns, then each segment's distinguishing features. */
export function formatProfile(model: SegmentationModel, r: ProfileReport, style: 'text' | 'markdown'): string {
  const names = r.segments.map((s) => segmentName(model, s.segment));
  const header = ['', ...names, 'test (effect, p)'];
  const rows: string[][] = [
    ['customers', ...r.segments.map((s) => `${s.size} (${(s.share * 100).toFixed(1)}%)`), ''],
    ...(r.valueColumn ? [[`share of ${r.valueColumn}`, ...r.segments.map((s) => `${((s.value?.share ?? 0) * 100).toFixed(1)}%`), '']] : []),
    ...Object.keys(r.overall.numeric).map((f) => {
      const t = r.tests.numeric[f];
      return [`${f} mean (z)`, ...r.segments.map((s) => `${fmt(s.numeric[f].mean)} (${signed(s.numeric[f].z)})`), `ε² ${fmt(t.epsilonSquared)}, p ${pValue(t.p)}`];
    }),
    ...Object.keys(r.overall.categorical).map((f) => {
      const t = r.tests.categorical[f];
      return [`${f} top (lift)`, ...r.segments.map((s) => (s.categorical[f][0] ? `${s.categorical[f][0].level} ${(s.categorical[f][0].share * 100).toFixed(0)}% (×${s.categorical[f][0].lift.toFixed(2)})` : '–')), `V ${fmt(t.cramersV)}, p ${pValue(t.p)}`];
    }),
  ];
  const body = style === 'markdown'
    ? [`| ${header.join(' | ')} |`, `|${header.map((_, j) => (j === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n') + '\n'
    : table(header, rows);
  const bullets = r.segments.map((s, i) => `${style === 'markdown' ? '- **' : '  '}${names[i]}${style === 'markdown' ? '**' : ''}: ${s.distinguishing.slice(0, 3).map((d) => d.text).join('; ') || 'no feature stands out'}`).join('\n');
  const intro = style === 'markdown' ? `## Segments of ${model.manifest.method} model (${r.rows} customers)\n\n` : `segkit profile: ${r.rows} customers in ${r.segments.length} segments\n\n`;
  return `${intro}${body}\n${style === 'markdown' ? '### What sets each segment apart\n\n' : 'what sets each segment apart:\n'}${bullets}\n\n` +
    `z: (segment mean − overall mean) / overall standard deviation. lift: share in the segment ÷ share among all customers.\n` +
    `Tests: Kruskal-Wallis (ε² effect size) for numbers, chi-square (Cramér's V) for categories; with many customers nearly every p is tiny, so rank features by the effect size.\n`;
}

/** The surrogate tree's rules per segment (best coverage first), its accuracy and the columns it relies on. */
export function formatRules(model: SegmentationModel, t: SurrogateTree, style: 'text' | 'markdown'): string {
  const head = `${style === 'markdown' ? '\n### ' : '\n'}Rules (a depth-${t.depth} decision tree predicts the segment from the columns with ${(t.accuracy * 100).toFixed(1)}% accuracy${t.accuracy < 0.8 ? ': treat the rules as rough' : ''})${style === 'markdown' ? '\n' : ':'}\n`;
  const lines = t.rules.filter((r) => r.coverage >= 0.05).map((r) => `${style === 'markdown' ? '- ' : '  '}${segmentName(model, r.segment)} ← ${r.text} (precision ${(r.precision * 100).toFixed(0)}%, covers ${(r.coverage * 100).toFixed(0)}% of the segment)`);
  const imp = t.importance.filter((x) => x.drop > 0).slice(0, 5).map((x) => `${x.column} ${(x.drop * 100).toFixed(1)} pts`).join(', ');
  return `${head}${lines.join('\n')}\n${style === 'markdown' ? '\n' : '  '}columns the rules rely on (accuracy lost when shuffled): ${imp || 'none'}\n`;
}

const signed = (z: number) => `${z >= 0 ? '+' : ''}${z.toFixed(2)}`;
const pValue = (p: number) => (Number.isNaN(p) ? '–' : p < 1e-4 ? '<1e-4' : p.toPrecision(2));
