"""One scikit-learn DBSCAN fit on the bench's float64 file; prints JSON (median of 3 timed fits) and
writes the labels (int32) beside the data for the label comparison. Single thread (n_jobs=None)."""
import json, sys, time, resource, numpy as np, sklearn
from sklearn.cluster import DBSCAN

file, rows, cols, eps, min_samples, labels_out = sys.argv[1:7]
X = np.fromfile(file, dtype="<f8").reshape(int(rows), int(cols))
times, last = [], None
for r in range(3):
    t = time.perf_counter()
    last = DBSCAN(eps=float(eps), min_samples=int(min_samples)).fit(X)
    times.append(time.perf_counter() - t)
times.sort()
last.labels_.astype("<i4").tofile(labels_out)
print(json.dumps({"seconds": times[1], "nClusters": int(last.labels_.max() + 1), "nNoise": int((last.labels_ == -1).sum()),
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "version": sklearn.__version__}))
