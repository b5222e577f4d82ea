/**
 * Hierarchical clustering side by side: segkit (Ward by the nearest-neighbour chain on centroids;
 * average by the chain on the condensed matrix), fastcluster (`linkage_vector` for Ward, `linkage`
 * for average) and scipy `linkage`, on the same generated blobs, each fit in its own process
 * (peer: bench/peers/scipy_linkage.py). Reports wall and CPU seconds of the linkage step (segkit's
 * whole fit: tree, cut into 8 segments, centroids), peak RSS, and the top merge height, which must
 * agree across peers. Usage: npm run bench -- hierarchical [--quick]
 * (the lead wires 'hierarchical' into bench/run.ts; until then: node --import tsx bench/hierarchical.bench.ts)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { blobsFile, readMatrix, type BenchData } from './data-gen.js';

interface Run { seconds: number; cpuSeconds: number; topHeight: number; maxRssMb: number; version?: string }
interface Row { data: string; linkage: string; peer: string; run: Run | null; note?: string }

const PY = '/usr/bin/python3';
const self = fileURLToPath(import.meta.url);

function child(cmd: string, args: string[], timeoutS: number): Run | null {
  try {
    return JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 20 }).trim().split('\n').pop()!);
  } catch {
    return null;
  }
}
const segkit = (d: BenchData, linkage: string) => child('node', ['--import', 'tsx', self, '--child', d.file, String(d.rows), String(d.cols), linkage], 900);
const peer = (d: BenchData, impl: string, linkage: string) =>
  child(PY, [new URL('./peers/scipy_linkage.py', import.meta.url).pathname, d.file, String(d.rows), String(d.cols), impl, linkage], 900);

export async function benchHierarchical(quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const log = (r: Row) => {
    rows.push(r);
    console.error(`${r.data} ${r.linkage} ${r.peer}: ${r.run ? `${r.run.seconds.toFixed(2)} s (cpu ${r.run.cpuSeconds.toFixed(2)} s), ${r.run.maxRssMb.toFixed(0)} MB, top height ${r.run.topHeight}` : r.note ?? 'failed'}`);
  };
  const ward = blobsFile(20_000, 10, 8);
  log({ data: ward.name, linkage: 'ward', peer: 'segkit (NN-chain on centroids)', run: segkit(ward, 'ward') });
  log({ data: ward.name, linkage: 'ward', peer: 'fastcluster linkage_vector', run: peer(ward, 'fastcluster-vector', 'ward') });
  if (!quick) log({ data: ward.name, linkage: 'ward', peer: 'scipy linkage', run: peer(ward, 'scipy', 'ward') });
  const avg = blobsFile(5_000, 10, 8);
  log({ data: avg.name, linkage: 'average', peer: 'segkit (NN-chain on the condensed matrix)', run: segkit(avg, 'average') });
  log({ data: avg.name, linkage: 'average', peer: 'fastcluster linkage', run: peer(avg, 'fastcluster', 'average') });
  if (!quick) log({ data: avg.name, linkage: 'average', peer: 'scipy linkage', run: peer(avg, 'scipy', 'average') });
  return rows;
}

/** Markdown table; ratios are peer ÷ segkit on the same data and linkage (> 1: segkit faster). */
export function hierarchicalTable(rows: Row[]): string {
  const out = ['| data | linkage | peer | wall (s) | CPU (s) | peer CPU ÷ segkit CPU | peak RSS (MB) | top merge height |', '|---|---|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (!r.run) {
      out.push(`| ${r.data} | ${r.linkage} | ${r.peer} | ${r.note ?? 'failed'} | | | | |`);
      continue;
    }
    const ours = rows.find((x) => x.data === r.data && x.linkage === r.linkage && x.peer.startsWith('segkit'))?.run;
    const ratio = ours && !r.peer.startsWith('segkit') ? `${(r.run.cpuSeconds / ours.cpuSeconds).toFixed(2)}×` : '';
    out.push(`| ${r.data} | ${r.linkage} | ${r.peer}${r.run.version ? ` (${r.run.version})` : ''} | ${r.run.seconds.toFixed(2)} | ${r.run.cpuSeconds.toFixed(2)} | ${ratio} | ${r.run.maxRssMb.toFixed(0)} | ${r.run.topHeight.toPrecision(15)} |`);
  }
  return out.join('\n');
}

/** Child mode: one cold segkit fit (no warm-up, as a CLI fit runs), JSON on stdout. */
async function runChild(args: string[]): Promise<void> {
  const { hierarchicalClusterer } = await import('../src/cluster/hierarchical.js');
  const { createFitContext } = await import('../src/cluster/types.js');
  const { createRng } = await import('../src/math/rng.js');
  const [file, rows, cols, linkage] = args;
  const x = readMatrix({ name: '', file, rows: +rows, cols: +cols, k: 8 });
  const params = hierarchicalClusterer.schema.parse({ nClusters: 8, linkage });
  const t = performance.now(), c = process.cpuUsage();
  const f = await hierarchicalClusterer.fit({ numeric: x, featureNames: [] }, params, createFitContext(createRng(1), []));
  const seconds = (performance.now() - t) / 1000, cpu = process.cpuUsage(c);
  const top = f.state.topMerges.height.at(-1)!;
  console.log(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, topHeight: top, maxRssMb: process.resourceUsage().maxRSS / 1024, version: 'segkit' }));
}

if (process.argv[2] === '--child') await runChild(process.argv.slice(3));
else if (process.argv[1] === self) console.log(hierarchicalTable(await benchHierarchical(process.argv.includes('--quick'))));
