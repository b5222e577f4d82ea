"""Peer for bench/hierarchical.bench.ts: one linkage fit by fastcluster or scipy on the benchmark data.

Usage: /usr/bin/python3 bench/peers/scipy_linkage.py <file.f64> <rows> <cols> <fastcluster-vector|fastcluster|scipy> <method>
Prints one JSON line: seconds (wall, the linkage call only), cpu seconds, top merge height, peak RSS (MB), version.
"""
import json, resource, sys, time
import numpy as np

path, rows, cols, impl, method = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
X = np.fromfile(path, dtype="<f8").reshape(rows, cols)
if impl == "scipy":
    import scipy
    from scipy.cluster.hierarchy import linkage
    fn, version = (lambda: linkage(X, method)), f"scipy {scipy.__version__}"
else:
    import fastcluster
    fn = (lambda: fastcluster.linkage_vector(X, method)) if impl == "fastcluster-vector" else (lambda: fastcluster.linkage(X, method))
    version = f"fastcluster {fastcluster.__version__}"
t0, c0 = time.perf_counter(), time.process_time()
Z = fn()
t1, c1 = time.perf_counter(), time.process_time()
print(json.dumps({"seconds": t1 - t0, "cpuSeconds": c1 - c0, "topHeight": float(Z[-1, 2]),
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "version": version}))
