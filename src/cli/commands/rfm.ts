/**
 * `segkit rfm <transactions> … [--bins 5|3] [--quantiles] [--scheme classic|klaviyo|file.json]`:
 * R, F and M scores, the score string and a named segment per customer, and a summary per segment.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag } from '../flags.js';
import { EXIT_OK } from '../exit-codes.js';
import { fmt, table } from '../format.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { writeTable } from '../../data/write-table.js';
import { readFrame } from '../../data/read-frame.js';
import { parseSourceSpec } from '../../data/source-spec.js';
import { isNumericColumn } from '../../data/frame.js';
import { transactionFeatures } from '../../features/transaction-features.js';
import { rfmAnalysis, type RfmResult } from '../../features/rfm.js';
import { RFM_SCHEMES, parseRfmScheme, type RfmScheme } from '../../features/rfm-schemes.js';
import { addTransactionFlags, formatTransactionReport, transactionSource, transactionSpecFromFlags, type TransactionFlags } from './features.js';

interface RfmFlags extends TransactionFlags {
  bins?: string;
  quantiles?: boolean;
  scheme?: string;
  out?: string;
  compare?: string;
  json?: boolean;
  quiet?: boolean;
}

const SCHEMES_HELP = `
Scores: customers are ranked on recency (reversed: most recent = highest), frequency (orders) and
monetary (total spend) and cut into --bins equal groups (pandas qcut on rank(method='first'): ties
are broken by customer ID order). With --quantiles, equal values always share a score (value
quantiles; fewer levels when many values tie, e.g. most customers ordering once).

Schemes (first matching rule wins; unmatched customers are 'Other'):
  classic  (--bins 5) R×F grid: Champions, Loyal Customers, Potential Loyalists, New Customers, Promising,
           Need Attention, About to Sleep, At Risk, Can't Lose Them, Hibernating, Lost
  klaviyo  (--bins 3) Champions, Loyal, Recent, Needs Attention, At Risk, Inactive
  FILE     a JSON table: {"bins": 5, "segments": [{"name": "VIP", "r": [4, 5], "f": [4, 5], "m": [5, 5]}, …]}

Example:
  segkit rfm data/samples/cdnow_master.txt --customer column1 --date column2 --amount column4 --out rfm.csv
`;

/** Registers the command. */
export function registerRfm(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('rfm')
    .summary('RFM scores and named RFM segments from transactions')
    .description('Score every customer on recency, frequency and monetary value (1–5 or 1–3) and name their RFM segment by a rule table.')
    .argument('<transactions>', 'CSV/TSV/text, Parquet, JSON lines, duckdb:<file>, or postgres://… (with --table or --query)');
  addTransactionFlags(cmd);
  cmd
    .option('--bins <n>', 'score levels: 5 (quintiles, default) or 3')
    .option('--quantiles', 'score by value quantiles: equal values share a score')
    .option('--scheme <name|file>', "segment rules: 'classic' (default with 5 bins), 'klaviyo' (default with 3 bins) or a JSON file")
    .option('-o, --out <file>', 'per-customer scores and segments to write (.csv, .parquet or .jsonl)')
    .option('--compare <assignments>', 'assignments written by fit/assign (customer_id, segment_name): show RFM segments against those segments')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .addHelpText('after', SCHEMES_HELP)
    .action(async (source: string, flags: RfmFlags) => {
      const spec = transactionSpecFromFlags(flags);
      const bins = numberFlag(flags.bins, '--bins', { integer: true, min: 2 }) ?? 5;
      if (bins > 9) throw new SegkitError('E_OPTION', msg.rfmBins(flags.bins), { field: '--bins' });
      const scheme = schemeOf(io, flags.scheme, bins);
      const r = await transactionFeatures(transactionSource(io, source, flags), spec);
      const rfm = rfmAnalysis(r.table!, scheme, { bins, ties: flags.quantiles ? 'together' : 'first' });
      if (flags.out) await writeRfm(resolvePath(io, flags.out), rfm);
      const cross = flags.compare ? await crossTable(resolvePath(io, flags.compare), rfm) : null;
      if (flags.json) io.stdout(JSON.stringify({ out: flags.out ?? null, customers: rfm.ids.length, scheme: rfm.scheme, levels: rfm.levels, segments: rfm.summary, ...(cross ? { compare: cross } : {}), report: r.report, warnings: r.warnings }, null, 2) + '\n');
      else {
        io.stdout(`segkit rfm: ${formatTransactionReport(r, rfm.ids.length)}`);
        io.stdout(`scheme ${rfm.scheme}, scores 1–${bins}${flags.quantiles ? ` by value quantiles (levels R ${rfm.levels[0]}, F ${rfm.levels[1]}, M ${rfm.levels[2]})` : ''}${flags.out ? ` → ${flags.out}` : ''}\n\n`);
        io.stdout(table(['segment', 'customers', 'share', 'revenue share', 'recency (days)', 'orders', 'spend'], rfm.summary.map((g) => [
          g.segment, String(g.customers), pct(g.shareOfCustomers), pct(g.shareOfRevenue), fmt(g.meanRecencyDays), fmt(g.meanFrequency), fmt(g.meanMonetary),
        ])));
        if (cross) {
          io.stdout(`\nRFM segments (rows) against the segments in ${flags.compare} (columns), customers:\n\n`);
          io.stdout(table(['RFM segment', ...cross.columns], cross.rows.map((x) => [x.segment, ...x.counts.map(String)])));
        }
      }
      for (const w of r.warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
      setExit(EXIT_OK);
    });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function schemeOf(io: Io, name: string | undefined, bins: number): RfmScheme {
  if (name === undefined) return bins === 3 ? RFM_SCHEMES.klaviyo : RFM_SCHEMES.classic;
  if (name === 'classic' || name === 'klaviyo') return RFM_SCHEMES[name];
  const path = resolvePath(io, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SegkitError('E_OPTION', msg.keywordUnknown('RFM scheme', name, ['classic', 'klaviyo', '<file.json>']), { field: '--scheme' });
  }
  return parseRfmScheme(text, name);
}

/** Customers per (RFM segment, other segment) from an assignments file; customers missing there count as '(none)'. */
async function crossTable(path: string, r: RfmResult): Promise<{ columns: string[]; rows: { segment: string; counts: number[] }[] }> {
  const frame = await readFrame(parseSourceSpec(path), { id: 'customer_id' });
  const id = frame.columns.find((c) => c.name === 'customer_id');
  const seg = frame.columns.find((c) => c.name === 'segment_name');
  if (!id || !seg || isNumericColumn(id) || isNumericColumn(seg))
    throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(!id || isNumericColumn(id) ? 'customer_id' : 'segment_name', '--compare', frame.columns.map((c) => c.name)), { file: path });
  const other = new Map<string, string>();
  id.values.forEach((v, i) => v !== null && other.set(v, seg.values[i] ?? '(none)'));
  const columns = [...new Set(seg.values.map((v) => v ?? '(none)'))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (r.ids.some((x) => !other.has(x))) columns.push('(none)');
  const rows = r.summary.map((g) => ({ segment: g.segment, counts: columns.map(() => 0) }));
  const rowOf = new Map(rows.map((x) => [x.segment, x]));
  r.ids.forEach((x, i) => rowOf.get(r.segment[i])!.counts[columns.indexOf(other.get(x) ?? '(none)')]++);
  return { columns, rows };
}

async function writeRfm(path: string, r: RfmResult): Promise<void> {
  await writeTable(path, [
    { name: 'customer_id', values: r.ids.map(String) },
    { name: 'recency_days', values: r.recency },
    { name: 'frequency', values: r.frequency },
    { name: 'monetary_total', values: r.monetary },
    { name: 'r', values: r.r },
    { name: 'f', values: r.f },
    { name: 'm', values: r.m },
    { name: 'rfm', values: r.score },
    { name: 'segment', values: r.segment },
  ]);
}
