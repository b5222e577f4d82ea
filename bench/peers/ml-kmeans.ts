/** One ml-kmeans fit (npm peer) in its own process: k-means++ init, same iteration cap. */
import { kmeans } from 'ml-kmeans';
import { readMatrix } from '../data-gen.js';

const [file, rows, cols, k, maxIterations] = process.argv.slice(2);
const x = readMatrix({ name: '', file, rows: +rows, cols: +cols, k: +k });
const data: number[][] = Array.from({ length: x.rows }, (_, i) => Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols)));
const t = performance.now();
const r = kmeans(data, +k, { initialization: 'kmeans++', maxIterations: +maxIterations, seed: 1 });
const seconds = (performance.now() - t) / 1000;
let inertia = 0;
for (let i = 0; i < data.length; i++) {
  const c = r.centroids[r.clusters[i]];
  for (let j = 0; j < c.length; j++) inertia += (data[i][j] - c[j]) ** 2;
}
console.log(JSON.stringify({ seconds, inertia, nIter: r.iterations, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
