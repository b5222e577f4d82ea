/**
 * `segkit assign <model> <source> --out FILE`: score a whole table with a saved model.
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
import { resolveIds } from '../../data/ids.js';
import { writeAssignments } from '../write-assignments.js';
import { table } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';
import { transactionFrame } from './features.js';

interface AssignFlags extends SourceFlags {
  asOf?: string;
  id?: string;
  out: string;
  probabilities?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function registerAssign(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('assign')
    .summary('score a whole table with a saved model')
    .description('Assign every customer of a table to a segment of a saved model and write the assignments.')
    .argument('<model>', 'model file written by segkit fit')
    .argument('<source>', 'customer table (same forms as fit)');
  addSourceFlags(cmd);
  cmd
    .option('--id <column>', "customer ID column (default: the model's ID column when present)")
    .option('--as-of <date>', 'models fitted --from-transactions: compute features as of this day (default: the day after the last transaction)')
    .requiredOption('-o, --out <file>', 'assignments file to write (.csv, .parquet or .jsonl)')
    .option('--probabilities', 'gmm/lpa: add every segment\'s probability (p_0 …) and the entropy')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (modelPath: string, source: string, flags: AssignFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        const model = loadModel(resolvePath(io, modelPath));
        const idColumn = flags.id ?? model.manifest.idColumn ?? undefined;
        // Models fitted --from-transactions: the source is transactions, turned into features by the model's plan.
        const tx = model.features ? await transactionFrame(io, source, flags, model.features) : null;
        for (const w of tx?.warnings ?? []) io.stderr(`warning ${w.code}: ${w.message}\n`);
        const frame = tx ? tx.frame : await readSource(io, source, flags, idColumn, progress);
        const { ids } = resolveIds(frame, idColumn && frame.columns.some((c) => c.name === idColumn) ? idColumn : undefined);
        progress.update({ step: 'scoring', done: 0, total: 1 });
        const s = scoreFrame(model, frame);
        await writeAssignments(resolvePath(io, flags.out), { ids, ...s, model, noiseName: segmentName(model, -1) }, Boolean(flags.probabilities));
        progress.stop();
        const sizes = model.segments.map((g) => ({ ...g, count: 0 }));
        for (const l of s.labels) if (l >= 0 && sizes[l]) sizes[l].count++;
        const withNotes = s.notes.filter((n) => n.length > 0).length;
        if (flags.json) io.stdout(JSON.stringify({ out: flags.out, rows: frame.rows, segments: sizes.map((g) => ({ id: g.id, name: g.name, size: g.count })), rowsWithNotes: withNotes }, null, 2) + '\n');
        else {
          io.stdout(`segkit assign: ${frame.rows} customers scored with ${modelPath} → ${flags.out}\n\n`);
          io.stdout(table(['segment', 'size', 'share'], sizes.map((g) => [g.name, String(g.count), `${((g.count / Math.max(1, frame.rows)) * 100).toFixed(1)}%`])));
          if (withNotes > 0) io.stderr(`note: ${withNotes} rows had values not seen in training (see notes with segkit predict)\n`);
        }
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}
