/**
 * `segkit report <model> <source> --out report.html [--png DIR] [--value COL]`: one self-contained
 * HTML file (segment cards with what sets each apart and rules, charts as inline SVG) and, if asked,
 * every chart as PNG for slides.
 * @module
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { SegkitError } from '../../errors.js';
import { parsePlaybook } from '../../profile/playbook.js';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import type { SourceFlags } from '../flags.js';
import { createProgress } from '../progress.js';
import { readSource } from '../read-source.js';
import { addSourceFlags } from './fit.js';
import { loadModel } from '../../model/load.js';
import { writeFileAtomic } from '../../model/save.js';
import { buildReport } from '../../report/report-model.js';
import { reportHtml } from '../../report/html.js';
import { reportMarkdown } from '../../report/markdown.js';
import { renderSvg, svgToPng } from '../../report/render-svg.js';
import { driftChart, overTimeCharts } from '../../report/over-time.js';
import { driftReport } from '../../track/drift.js';
import { EXIT_OK } from '../exit-codes.js';

interface ReportFlags extends SourceFlags { id?: string; out: string; png?: string; markdown?: string; value?: string; title?: string; playbook?: string; store?: string; baseline?: string; json?: boolean; quiet?: boolean }

/** A JSON file, with read and parse errors naming the file. */
function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SegkitError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ', `Cannot read ${file}: ${(e as Error).message}`, { file });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new SegkitError('E_READ', `${file} is not valid JSON.`, { file });
  }
}

export function registerReport(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('report')
    .summary('self-contained HTML report with segment cards and charts')
    .argument('<model>', 'model file written by segkit fit')
    .argument('<source>', 'customer table (same forms as fit)');
  addSourceFlags(cmd);
  cmd
    .option('--id <column>', "customer ID column (default: the model's ID column when present)")
    .option('-o, --out <file>', 'HTML file to write', 'segkit-report.html')
    .option('--png <dir>', 'also write every chart as PNG into this directory')
    .option('--markdown <file>', 'also write the segment cards as Markdown')
    .option('--value <column>', 'numeric value column (revenue): each segment\'s share of it')
    .option('--title <text>', 'report title')
    .option('--store <file|url>', 'segkit store (DuckDB file or postgres://): adds the "over time" charts (transitions between the last two snapshots, shares over time)')
    .option('--baseline <source>', 'training data to measure drift against (adds a PSI-per-feature chart to the "over time" section)')
    .option('--playbook <file>', 'JSON playbook of suggested actions (replaces the default plays; see profile/playbook.ts)')
    .option('--json', 'print the report model (cards and chart specs) as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (modelPath: string, source: string, flags: ReportFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        const model = loadModel(resolvePath(io, modelPath));
        const idColumn = flags.id ?? model.manifest.idColumn ?? undefined;
        const frame = await readSource(io, source, flags, idColumn, progress);
        progress.update({ step: 'profiling', done: 0, total: 1 });
        const playbook = flags.playbook ? parsePlaybook(readJsonFile(resolvePath(io, flags.playbook))) : undefined;
        const { report } = buildReport(model, frame, { ...(flags.value ? { valueColumn: flags.value } : {}), ...(flags.title ? { title: flags.title } : {}), ...(playbook ? { playbook } : {}) });
        if (flags.baseline) {
          const baseline = await readSource(io, flags.baseline, flags, idColumn, progress);
          report.charts.push(driftChart(driftReport(model, baseline, frame)));
        }
        if (flags.store) report.charts.push(...(await overTimeCharts(/^postgres(ql)?:\/\//i.test(flags.store) ? flags.store : resolvePath(io, flags.store))));
        const svgs: string[] = [];
        for (const [i, c] of report.charts.entries()) {
          progress.update({ step: 'drawing charts', done: i, total: report.charts.length });
          svgs.push(await renderSvg(c.spec));
        }
        progress.stop();
        writeFileAtomic(resolvePath(io, flags.out), reportHtml(report, svgs));
        if (flags.markdown) writeFileAtomic(resolvePath(io, flags.markdown), reportMarkdown(report));
        if (flags.png) {
          const dir = resolvePath(io, flags.png);
          mkdirSync(dir, { recursive: true });
          report.charts.forEach((c, i) => writeFileAtomic(join(dir, `${c.id}.png`), svgToPng(svgs[i])));
        }
        if (flags.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
        else io.stdout(`segkit report: ${report.cards.length} segment cards and ${report.charts.length} charts → ${flags.out}${flags.png ? ` (PNG in ${flags.png})` : ''}\n`);
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}
