"""scikit-learn PCA on a raw float64 file, svd_solver 'full' and 'randomized' side by side; prints JSON lines.

Usage: /usr/bin/python3 bench/peers/sklearn_pca.py <file> <rows> <cols> <n_components> <threads>
Median of 3 timed fits (fit_transform, so the scores are computed as segkit's fit does): wall and CPU time.
"""
import json, sys, time, numpy as np, sklearn, resource
from sklearn.decomposition import PCA
from threadpoolctl import threadpool_limits

file, rows, cols, k, threads = sys.argv[1:6]
X = np.fromfile(file, dtype="<f8").reshape(int(rows), int(cols))
with threadpool_limits(int(threads)):
    for solver in ["full", "randomized"]:
        times, cpu, p = [], [], None
        for r in range(3):
            t, c = time.perf_counter(), time.process_time()
            p = PCA(n_components=int(k), svd_solver=solver, random_state=r)
            p.fit_transform(X)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        times.sort()
        cpu.sort()
        print(json.dumps({"solver": solver, "seconds": times[1], "cpuSeconds": cpu[1], "ratios": p.explained_variance_ratio_.tolist(),
                          "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "version": sklearn.__version__}), flush=True)
