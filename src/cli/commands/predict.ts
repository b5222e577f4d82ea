/**
 * `segkit predict <model> --row '{…}' | --rows file.jsonl`: the segment of a few new customers, as JSON.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { loadModel } from '../../model/load.js';
import { predictRecords } from '../../model/predict-records.js';
import { SegkitError } from '../../errors.js';
import { readJsonRows } from '../json-rows.js';
import { EXIT_OK } from '../exit-codes.js';

interface PredictFlags {
  row?: string[];
  rows?: string;
}

export function registerPredict(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('predict')
    .summary('segment of one or a few new customers (JSON out)')
    .description('Predict the segment of new customers given as JSON objects; prints one JSON object per customer.')
    .argument('<model>', 'model file written by segkit fit')
    .option('--row <json>', 'one customer as a JSON object (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--rows <file>', 'a JSON lines file, one customer per line')
    .action(async (modelPath: string, flags: PredictFlags) => {
      const model = loadModel(resolvePath(io, modelPath));
      const records = readJsonRows(io, flags.row, flags.rows);
      if (records.length === 0) throw new SegkitError('E_USAGE', 'Give at least one customer with --row \'{"col": value, …}\' or --rows file.jsonl.');
      const out = predictRecords(model, records, flags.rows ?? '--row');
      io.stdout(JSON.stringify(out.length === 1 && !flags.rows ? out[0] : out, null, 2) + '\n');
      setExit(EXIT_OK);
    });
}
