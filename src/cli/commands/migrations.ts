/**
 * `segkit migrations --from DATE --to DATE --store …`: who moved where between two snapshots: the
 * transition matrix (counts and row percentages), entered/left per segment, new and lost customers,
 * temporal stability (ARI), the segment distribution over all snapshots, and with --into the list of
 * customers who entered a segment, printed or written to a file or a store table for a campaign.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag } from '../flags.js';
import { addStoreFlags, openStoreFromFlags, type StoreFlags } from './snapshot.js';
import { migrations, customersInto, writeIntoTable, segmentDistribution, type Migrations, type DistributionRow } from '../../track/transitions.js';
import { writeTable } from '../../data/write-table.js';
import { table, fmt } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';

interface MigrationsFlags extends StoreFlags {
  from: string;
  to: string;
  model?: string;
  into?: string;
  out?: string;
  intoTable?: string;
  json?: boolean;
}

/** Registers the command. */
export function registerMigrations(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('migrations')
    .summary('who moved between segments from one snapshot to another')
    .description('Transition matrix between two snapshots in the store, customers who entered and left each segment, new and lost customers, temporal stability (adjusted Rand index on the common customers) and the segment distribution over every snapshot.');
  addStoreFlags(cmd)
    .requiredOption('--from <date>', 'the earlier snapshot date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'the later snapshot date, YYYY-MM-DD')
    .option('--model <id>', 'use the snapshots of this stored model id (default: the latest snapshot of each date)')
    .option('--into <segment>', 'list the customers who entered this segment (by name), e.g. "At Risk"')
    .option('-o, --out <file>', 'with --into: write the list to this file (.csv, .parquet or .jsonl)')
    .option('--into-table <name>', 'with --into: write the list to this table in the store')
    .option('--json', 'print everything as JSON')
    .action(async (flags: MigrationsFlags) => {
      const db = await openStoreFromFlags(io, flags);
      try {
        const q = { from: flags.from, to: flags.to, model: numberFlag(flags.model, '--model', { integer: true, min: 1 }) };
        const m = await migrations(db, q);
        const distribution = await segmentDistribution(db);
        const into = flags.into !== undefined ? await customersInto(db, q, flags.into) : null;
        if (into && flags.out)
          await writeTable(resolvePath(io, flags.out), [
            { name: 'customer_id', values: into.customers.map((c) => c.customerId) },
            { name: 'from_segment', values: into.customers.map((c) => (c.fromSegment === null ? '' : String(c.fromSegment))) },
            { name: 'to_segment', values: Int32Array.from(into.customers, (c) => c.toSegment) },
            { name: 'confidence', values: Float64Array.from(into.customers, (c) => c.confidence ?? NaN) },
          ]);
        const tableRows = into && flags.intoTable ? await writeIntoTable(db, q, flags.into!, flags.intoTable) : null;
        if (flags.json) io.stdout(JSON.stringify({ ...m, distribution, ...(into ? { into: { segment: into.segment, customers: into.customers } } : {}) }, null, 2) + '\n');
        else {
          io.stdout(formatMigrations(m));
          io.stdout(formatDistribution(distribution));
          if (into) {
            io.stdout(`\n${into.customers.length} customers entered "${into.segment.name}":\n`);
            const byId = new Map(m.segments.map((s) => [s.id, s.name]));
            io.stdout(table(['customer', 'from', 'confidence'], into.customers.slice(0, 20).map((c) => [c.customerId, c.fromSegment === null ? '(new)' : byId.get(c.fromSegment) ?? String(c.fromSegment), fmt(c.confidence)])));
            if (into.customers.length > 20) io.stdout(`… and ${into.customers.length - 20} more${flags.out || flags.intoTable ? '' : ' (write them all with --out FILE or --into-table NAME)'}\n`);
            if (flags.out) io.stdout(`wrote ${flags.out}\n`);
            if (tableRows !== null) io.stdout(`wrote table ${flags.intoTable} in ${db.location} (${tableRows} rows)\n`);
          }
        }
        setExit(EXIT_OK);
      } finally {
        await db.close();
      }
    });
}

/** The text report: matrix (count and row %), entered/left, new/lost, ARI. */
export function formatMigrations(m: Migrations): string {
  const names = m.segments.map((s) => s.name);
  const out = [`segkit migrations: ${m.from.asOf} (${m.from.rows} customers) → ${m.to.asOf} (${m.to.rows} customers)\n`];
  out.push(`\nTransition matrix (rows: segment on ${m.from.asOf}, columns: on ${m.to.asOf}; count and row %):\n`);
  out.push(table(['from \\ to', ...names], m.counts.map((r, i) => [names[i], ...r.map((v, j) => `${v} (${m.rowPercent[i][j].toFixed(1)}%)`)])));
  out.push(`\n${table(['segment', 'entered', 'left'], m.segments.map((s, i) => [s.name, String(m.entered[i]), String(m.left[i])]))}`);
  out.push(`\ncustomers in both: ${m.common} · new: ${m.newCustomers} · lost: ${m.lostCustomers}\n`);
  out.push(`temporal stability (adjusted Rand index on common customers): ${m.ari.toFixed(3)}\n`);
  return out.join('');
}

/** Segment shares in every snapshot: one row per snapshot, one column per segment id. */
export function formatDistribution(rows: readonly DistributionRow[]): string {
  const ids = [...new Set(rows.map((r) => r.segment))].sort((a, b) => a - b);
  const names = new Map(rows.map((r) => [r.segment, r.name]));
  const snaps = [...new Map(rows.map((r) => [r.snapshot, r.asOf])).entries()];
  const share = new Map(rows.map((r) => [`${r.snapshot}:${r.segment}`, r.share]));
  const body = snaps.map(([id, asOf]) => [asOf, ...ids.map((g) => `${((share.get(`${id}:${g}`) ?? 0) * 100).toFixed(1)}%`)]);
  return `\nSegment shares over all snapshots:\n${table(['as of', ...ids.map((g) => names.get(g) ?? String(g))], body)}`;
}
