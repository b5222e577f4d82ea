/**
 * `segkit similar <model> <source> --customer ID | --row '{…}' --top 5`: the customers of a table
 * closest to one of them, or to a new customer, in the model's feature space.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import type { SourceFlags } from '../flags.js';
import { numberFlag } from '../flags.js';
import { createProgress } from '../progress.js';
import { readSource } from '../read-source.js';
import { addSourceFlags } from './fit.js';
import { readJsonRows } from '../json-rows.js';
import { loadModel } from '../../model/load.js';
import { predict, segmentName } from '../../model/predict.js';
import { buildSimilarityIndex, embedFrame, findSimilar, indexRow, indexVector } from '../../model/similar.js';
import { resolveIds } from '../../data/ids.js';
import { frameFromRecords } from '../../data/frame.js';
import { SegkitError } from '../../errors.js';
import { fmt, table } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';

interface SimilarFlags extends SourceFlags {
  id?: string;
  customer?: string;
  row?: string[];
  top?: string;
  metric: string;
  sameSegment?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function registerSimilar(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('similar')
    .summary('customers most like a given customer or a new one')
    .description("Find the customers of a table closest to one of them (--customer) or to a new customer (--row), in the model's feature space (the preprocessed columns).")
    .argument('<model>', 'model file written by segkit fit')
    .argument('<source>', 'customer table to search (same forms as fit)');
  addSourceFlags(cmd);
  cmd
    .option('--id <column>', "customer ID column (default: the model's ID column when present)")
    .option('--customer <id>', 'the customer to start from')
    .option('--row <json>', 'a new customer as a JSON object', (v: string, prev: string[] = []) => [...prev, v])
    .option('--top <n>', 'how many customers', '5')
    .option('--metric <name>', "'euclidean' or 'cosine'", 'euclidean')
    .option('--same-segment', 'only customers of the same segment')
    .option('--json', 'print JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (modelPath: string, source: string, flags: SimilarFlags) => {
      const top = numberFlag(flags.top, '--top', { integer: true, min: 1 })!;
      if (flags.metric !== 'euclidean' && flags.metric !== 'cosine') throw new SegkitError('E_OPTION', `The --metric option must be 'euclidean' or 'cosine'. Got '${flags.metric}'.`, { field: '--metric' });
      if ((flags.customer === undefined) === (flags.row === undefined)) throw new SegkitError('E_USAGE', 'Give either --customer <id> or --row \'{"col": value, …}\'.');
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        const model = loadModel(resolvePath(io, modelPath));
        const idColumn = flags.id ?? model.manifest.idColumn ?? undefined;
        const frame = await readSource(io, source, flags, idColumn, progress);
        const { ids } = resolveIds(frame, idColumn && frame.columns.some((c) => c.name === idColumn) ? idColumn : undefined);
        progress.update({ step: 'indexing', done: 0, total: 1 });
        const index = buildSimilarityIndex(model, frame, ids);
        progress.stop();
        let query: ArrayLike<number>, segment: number, exclude: number | undefined, about: string;
        if (flags.customer !== undefined) {
          exclude = indexRow(index, flags.customer);
          query = indexVector(index, exclude);
          segment = index.labels[exclude];
          about = `customer ${flags.customer}`;
        } else {
          const records = readJsonRows(io, flags.row, undefined);
          const one = frameFromRecords(records.slice(0, 1), '--row');
          const e = embedFrame(model, one);
          query = e.vectors.subarray(0, e.dims);
          segment = predict(model, one)[0].segment;
          about = 'the new customer';
        }
        const found = findSimilar(index, query, { top, metric: flags.metric, exclude, ...(flags.sameSegment ? { segment } : {}) });
        const scoreName = flags.metric === 'euclidean' ? 'distance' : 'cosine';
        if (flags.json) io.stdout(JSON.stringify({ query: flags.customer ?? null, segment, segmentName: segmentName(model, segment), metric: flags.metric, similar: found.map((f) => ({ id: f.id, segment: f.segment, segmentName: segmentName(model, f.segment), [scoreName]: f.score })) }, null, 2) + '\n');
        else {
          io.stdout(`${found.length} customers most like ${about} (${segmentName(model, segment)}), by ${flags.metric}${flags.sameSegment ? ', same segment' : ''}:\n\n`);
          io.stdout(table(['customer', 'segment', scoreName], found.map((f) => [f.id, segmentName(model, f.segment), fmt(f.score)])));
        }
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}
