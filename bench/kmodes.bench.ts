/**
 * K-Prototypes / K-Modes side by side with the Python kmodes package (nicodv/kmodes 0.12.2; set
 * KMODES_SRC to a checkout, Debian does not package it), each fit in its own process.
 * - "same start": both from the same explicit prototypes with kmodes' γ: the same work, so the
 *   costs must agree and the time ratio is the speed-up of the implementation.
 * - "defaults": each with its default initialisation (kmodes: Cao, n_init 10 (ten identical runs);
 *   segkit: Cao's start and 4 Huang runs), γ 'huang' on both so the costs compare.
 * - K-Modes on 1M rows × 10 categories, k = 8: segkit only (kmodes would take hours).
 * Usage: KMODES_SRC=… npm run bench -- kmodes [--quick]
 */
import { execFileSync } from 'node:child_process';
import { mixedBlobs, bankLike, type MixedBench } from './mixed-data.js';

interface Run { seconds: number; cost: number; nIter: number; gamma: number; maxRssMb: number }
interface Row { data: string; peer: string; setup: string; run: Run | null; note?: string }

const segkit = (b: MixedBench, method: string, init: string, gamma: string, nInit: number | 'auto'): Run | null => {
  try {
    const script = new URL('./peers/segkit-kmodes.ts', import.meta.url).pathname;
    return JSON.parse(execFileSync('node', ['--import', 'tsx', script, JSON.stringify(b), method, init, gamma, String(nInit)], { encoding: 'utf8', timeout: 900_000 }).trim().split('\n').pop()!);
  } catch {
    return null;
  }
};
const kmodes = (b: MixedBench, method: string, init: string, gamma: string, nInit: number): Run | null => {
  if (!process.env.KMODES_SRC) return null;
  try {
    const script = new URL('./peers/kmodes_peer.py', import.meta.url).pathname;
    const args = [script, b.file, String(method === 'kmodes' ? 0 : b.nNum), String(b.nCat), String(b.k), method, init, gamma, String(nInit), b.initFile];
    return JSON.parse(execFileSync('/usr/bin/python3', args, { encoding: 'utf8', timeout: 3_600_000 }).trim());
  } catch {
    return null;
  }
};

export async function benchKmodes(quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const log = (r: Row) => (rows.push(r), console.error(`${r.data} ${r.peer} ${r.setup}: ${r.run ? `${r.run.seconds.toFixed(3)} s, cost ${r.run.cost.toPrecision(10)}, ${r.run.nIter} epochs` : r.note ?? 'failed'}`));
  const missing = process.env.KMODES_SRC ? 'failed' : 'KMODES_SRC not set';
  for (const b of [mixedBlobs(45_000, 5, 4, 4), bankLike()]) {
    log({ data: b.name, peer: 'segkit kprototypes', setup: 'same start', run: segkit(b, 'kprototypes', 'explicit', 'huang', 1) });
    log({ data: b.name, peer: 'kmodes KPrototypes', setup: 'same start', run: kmodes(b, 'kprototypes', 'explicit', 'huang', 1), note: missing });
    log({ data: b.name, peer: 'segkit kprototypes', setup: 'defaults (Cao + 4 Huang runs)', run: segkit(b, 'kprototypes', 'cao', 'huang', 'auto') });
    if (!quick) log({ data: b.name, peer: 'kmodes KPrototypes', setup: 'defaults (Cao, n_init 10)', run: kmodes(b, 'kprototypes', 'cao', 'huang', 10), note: missing });
  }
  const big = mixedBlobs(quick ? 200_000 : 1_000_000, 0, 10, 8);
  log({ data: big.name, peer: 'segkit kmodes', setup: 'Cao, 1 run', run: segkit(big, 'kmodes', 'cao', '1', 1) });
  log({ data: big.name, peer: 'segkit kmodes', setup: 'defaults (Cao + 4 Huang runs)', run: segkit(big, 'kmodes', 'cao', '1', 'auto') });
  log({ data: big.name, peer: 'segkit kmodes', setup: 'same start', run: segkit(big, 'kmodes', 'explicit', '1', 1) });
  return rows;
}

/** Markdown table; ratio = kmodes time ÷ segkit time for the same data and setup. */
export function kmodesTable(rows: Row[]): string {
  const out = ['| data | peer | setup | time (s) | epochs | cost | γ | kmodes time ÷ segkit time | peak RSS (MB) |', '|---|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (!r.run) {
      out.push(`| ${r.data} | ${r.peer} | ${r.setup} | ${r.note ?? 'failed'} | | | | | |`);
      continue;
    }
    const ours = rows.find((x) => x.data === r.data && x.peer.startsWith('segkit') && x.setup.split(' ')[0] === r.setup.split(' ')[0])?.run;
    const ratio = ours && r.peer.startsWith('kmodes') ? `${(r.run.seconds / ours.seconds).toFixed(0)}×` : '';
    out.push(`| ${r.data} | ${r.peer} | ${r.setup} | ${r.run.seconds.toFixed(3)} | ${r.run.nIter} | ${r.run.cost.toPrecision(10)} | ${r.run.gamma.toPrecision(4)} | ${ratio} | ${r.run.maxRssMb.toFixed(0)} |`);
  }
  return out.join('\n') + '\n';
}
