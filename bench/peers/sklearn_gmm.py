"""scikit-learn GaussianMixture from a given hard partition (the same k-means labels segkit starts
from): weights, means and precisions from that partition, then EM for a fixed number of iterations
(tol=0) or to a tolerance. Prints JSON: median of 3 timed fits (wall and CPU time of all threads), log-likelihood, iterations, peak RSS.

Usage: python3 sklearn_gmm.py data.f64 rows cols k labels.i32 covariance_type max_iter tol threads
"""
import json, sys, time, resource
import numpy as np, sklearn
from sklearn.mixture import GaussianMixture
from sklearn.mixture._gaussian_mixture import _estimate_gaussian_parameters
from threadpoolctl import threadpool_limits

file, rows, cols, k, labels_file, cov_type, max_iter, tol, threads = sys.argv[1:10]
n, d, k = int(rows), int(cols), int(k)
X = np.fromfile(file, dtype="<f8").reshape(n, d)
labels = np.fromfile(labels_file, dtype="<i4")
resp = np.zeros((n, k))
resp[np.arange(n), labels] = 1
nk, means, covs = _estimate_gaussian_parameters(X, resp, 1e-6, cov_type)
if cov_type == "full":
    prec = np.array([np.linalg.inv(c) for c in covs])
elif cov_type == "tied":
    prec = np.linalg.inv(covs)
else:
    prec = 1.0 / covs
with threadpool_limits(int(threads)):
    times, cpus, g = [], [], None
    for r in range(3):
        t, c = time.perf_counter(), time.process_time()
        g = GaussianMixture(n_components=k, covariance_type=cov_type, weights_init=nk / n, means_init=means,
                            precisions_init=prec, reg_covar=1e-6, max_iter=int(max_iter), tol=float(tol)).fit(X)
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
times.sort()
cpus.sort()
print(json.dumps({"seconds": times[1], "cpuSeconds": cpus[1], "logLik": float(g.score(X) * n), "nIter": int(g.n_iter_),
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "version": sklearn.__version__}))
