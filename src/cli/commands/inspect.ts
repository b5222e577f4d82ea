/**
 * `segkit inspect <model>`: what the model is and how it was made.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { loadModel } from '../../model/load.js';
import { fmt, formatPrepReport, table } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';

export function registerInspect(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('inspect')
    .summary('what a model is and how it was made')
    .argument('<model>', 'model file written by segkit fit')
    .option('--json', 'print the manifest, segments and metrics as JSON')
    .action(async (modelPath: string, flags: { json?: boolean }) => {
      const model = loadModel(resolvePath(io, modelPath));
      const m = model.manifest;
      if (flags.json) {
        io.stdout(JSON.stringify({ format: model.format, formatVersion: model.formatVersion, manifest: m, segments: model.segments, metrics: model.metrics, prep: model.prepReport, warnings: model.warnings }, null, 2) + '\n');
      } else {
        io.stdout(
          [
            `${modelPath}: ${model.format} v${model.formatVersion}, made by segkit ${m.segkitVersion} on ${m.createdAt}`,
            `method: ${m.method} ${JSON.stringify(m.options)}`,
            `seed: ${m.seed} · fit time: ${m.fitSeconds.toFixed(2)} s`,
            `training data: ${m.source} (${m.rows} rows, sha256 ${m.dataHash.slice(0, 16)}…), ID column: ${m.idColumn ?? '(row number)'}`,
            `columns: ${m.columns.map((c) => `${c.name} [${c.kind}]`).join(', ')}`,
            '',
          ].join('\n'),
        );
        io.stdout(table(['segment', 'size', 'share'], model.segments.map((s) => [s.name, String(s.size), `${(s.share * 100).toFixed(1)}%`])));
        const sel = m.selection as { recommendation?: { k: number; agreement: string }; kRange?: number[]; lpaGrid?: { cells: unknown[] }; picked?: string } | undefined;
        if (sel?.recommendation) io.stdout(`\nk = ${sel.recommendation.k} chosen from ${sel.kRange?.join('..')} by segkit select (${sel.recommendation.agreement}); the per-k evidence is in manifest.selection.\n`);
        if (sel?.lpaGrid) io.stdout(`\nsaved from an LPA grid of ${sel.lpaGrid.cells.length} fits, best by ${String(sel.picked).toUpperCase()}; the fit indices of every cell are in manifest.selection.\n`);
        io.stdout(`\nmetrics: ${Object.entries(model.metrics).map(([k, v]) => `${k} ${fmt(v)}`).join(' · ')}\n`);
        io.stdout(`\npreprocessing:\n${formatPrepReport(model.prepReport)}`);
        if (model.warnings.length) io.stdout(`\nwarnings at fit time:\n${model.warnings.map((w) => `  ${w.code}: ${w.message}`).join('\n')}\n`);
      }
      setExit(EXIT_OK);
    });
}
