/**
 * Choosing k side by side: `selectK` (k-means, k = 2..12, 10 gap references, 20 bootstrap fits per k)
 * and the same loop written with scikit-learn (bench/peers/sklearn_select.py), on the same 100,000 × 10
 * generated blobs, each in its own process. Reports wall time, the ratio, peak RSS and how the two
 * agree (gap per k within the two SEs, the gap rule's k, best silhouette k).
 * Usage: npm run bench -- select [--quick]   (--quick: 20,000 rows, k 2..8, 5 references, 6 fits)
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { blobsFile } from './data-gen.js';

interface PerK { k: number; inertia: number; silhouette: number; gap: number; gapSE: number; stability: number; stabilitySd: number }
interface Run { seconds: number; cpuSeconds?: number; perK: PerK[]; gapK: number | null; silhouetteK: number | null; maxRssMb: number; version?: string }

const run = (cmd: string, args: string[]): Run | null => {
  try {
    return JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', timeout: 1_800_000, maxBuffer: 1 << 22 }).trim().split('\n').pop()!);
  } catch (e) {
    console.error(String(e));
    return null;
  }
};

export async function benchSelect(quick: boolean) {
  const [rows, cols, kmax, refs, boot] = quick ? [20_000, 10, 8, 5, 6] : [100_000, 10, 12, 10, 20];
  const d = blobsFile(rows, cols, 8);
  const args = [d.file, rows, cols, 2, kmax, refs, boot].map(String);
  const segkit = run('node', ['--import', 'tsx', new URL('./peers/segkit-select.ts', import.meta.url).pathname, ...args]);
  console.error(`segkit: ${segkit?.seconds.toFixed(1)} s (load average before: ${loadavg()[0].toFixed(1)})`);
  const sklearn = run('/usr/bin/python3', [new URL('./peers/sklearn_select.py', import.meta.url).pathname, ...args, '2']);
  console.error(`scikit-learn: ${sklearn?.seconds.toFixed(1)} s`);
  return { load: loadavg()[0], data: d.name, setup: `k 2..${kmax}, ${refs} gap references, ${boot} bootstrap fits per k`, segkit, sklearn };
}

export function selectTable(r: Awaited<ReturnType<typeof benchSelect>>): string {
  const { segkit: s, sklearn: k } = r;
  const out = [
    `data: ${r.data}; ${r.setup}; 1-minute load average at the end: ${r.load.toFixed(1)} on 2 cores`,
    '',
    '| peer | wall time (s) | CPU time (s) | peak RSS (MB) | gap rule k | best silhouette k | scikit-learn ÷ segkit, wall | scikit-learn ÷ segkit, CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    `| segkit selectK (k-means) | ${s?.seconds.toFixed(1) ?? 'failed'} | ${s?.cpuSeconds?.toFixed(1) ?? ''} | ${s?.maxRssMb.toFixed(0) ?? ''} | ${s?.gapK ?? '–'} | ${s?.silhouetteK ?? '–'} | | |`,
    `| scikit-learn ${k?.version ?? ''} KMeans + hand-written gap/bootstrap loop, 2 threads | ${k?.seconds.toFixed(1) ?? 'failed'} | ${k?.cpuSeconds?.toFixed(1) ?? ''} | ${k?.maxRssMb.toFixed(0) ?? ''} | ${k?.gapK ?? '–'} | ${k?.silhouetteK ?? '–'} | ${s && k ? (k.seconds / s.seconds).toFixed(2) + '×' : ''} | ${s?.cpuSeconds && k?.cpuSeconds ? (k.cpuSeconds / s.cpuSeconds).toFixed(2) + '×' : ''} |`,
  ];
  if (s && k) {
    out.push('', '| k | inertia segkit / sklearn | gap segkit ± SE | gap sklearn ± SE | silhouette segkit / sklearn | stability segkit ± sd | stability sklearn ± sd |', '|---:|---:|---:|---:|---:|---:|---:|');
    for (const a of s.perK) {
      const b = k.perK.find((x) => x.k === a.k)!;
      out.push(`| ${a.k} | ${(a.inertia / b.inertia).toFixed(5)} | ${a.gap.toFixed(4)} ± ${a.gapSE.toFixed(4)} | ${b.gap.toFixed(4)} ± ${b.gapSE.toFixed(4)} | ${a.silhouette.toFixed(3)} / ${b.silhouette.toFixed(3)} | ${a.stability.toFixed(3)} ± ${a.stabilitySd.toFixed(3)} | ${b.stability.toFixed(3)} ± ${b.stabilitySd.toFixed(3)} |`);
    }
  }
  return out.join('\n');
}
