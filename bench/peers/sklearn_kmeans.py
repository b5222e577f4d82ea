"""One scikit-learn KMeans fit per thread count; prints JSON (median of 3 timed fits)."""
import json, sys, time, numpy as np, sklearn, resource
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

file, rows, cols, k, threads, n_init, init = sys.argv[1:8]
X = np.fromfile(file, dtype="<f8").reshape(int(rows), int(cols))
with threadpool_limits(int(threads)):
    times, last, best = [], None, float('inf')
    for r in range(3):
        t = time.perf_counter()
        last = KMeans(n_clusters=int(k), n_init=int(n_init), init=init, random_state=r + 1, algorithm="lloyd").fit(X)
        times.append(time.perf_counter() - t)
        best = min(best, float(last.inertia_))
times.sort()
print(json.dumps({"seconds": times[1], "inertia": best, "nIter": int(last.n_iter_),
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "version": sklearn.__version__}))
