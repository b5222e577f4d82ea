/**
 * The segment cards as Markdown (for a wiki, a ticket or a slide's notes): name, size and value share,
 * what sets the segment apart, key numbers, suggested actions and rules, from the same report model
 * as the HTML report.
 * @module
 */
import type { ReportModel } from './report-model.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
import { num } from './text.js';
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function reportMarkdown(r: ReportModel): string {
  const o = r.overview;
  const cards = r.cards.map((c) => [
    `## ${c.name}`,
    '',
    `${c.size.toLocaleString('en-US')} customers (${pct(c.share)})${c.valueShare !== null ? ` · ${pct(c.valueShare)} of ${o.valueColumn}` : ''}`,
    '',
    '**What sets it apart**',
    '',
    ...(c.apart.length ? c.apart.map((a) => `- ${a}`) : ['- close to the average customer']),
    '',
    ...(c.numbers.length ? ['| feature | segment | all | z |', '|---|---:|---:|---:|', ...c.numbers.map((n) => `| ${cell(n.feature)} | ${num(n.mean)} | ${num(n.overall)} | ${n.z >= 0 ? '+' : ''}${n.z.toFixed(2)} |`), ''] : []),
    ...(c.levels.length ? [...c.levels.map((l) => `- ${l.feature} = ${l.level}: ${pct(l.share)} (×${l.lift.toFixed(2)} the base rate)`), ''] : []),
    ...(c.actions.length ? ['**Suggested actions**', '', ...c.actions.map((a) => `- ${a.action} _(${a.because.join('; ')})_`), ''] : []),
    ...(c.rules.length ? ['**Rules**', '', ...c.rules.map((x) => `- ${x.text} (precision ${pct(x.precision)}, covers ${pct(x.coverage)})`), ''] : []),
  ].join('\n'));
  return [`# ${r.title}`, '', `${o.method} model · ${o.customers.toLocaleString('en-US')} customers · ${o.segments} segments · rules from a decision tree ${pct(o.treeAccuracy)} accurate`, '', ...cards].join('\n') + '\n';
}
