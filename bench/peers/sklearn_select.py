"""The scikit-learn equivalent of `segkit select`, written by hand as a user would (scikit-learn has no
gap statistic or stability selection): for k in a range, KMeans (k-means++, n_init=1) on the data with
silhouette (random sample of 5,000 rows), Davies-Bouldin and Calinski-Harabasz; the gap statistic with B
uniform references over the principal-component box (each drawn once, clustered at every k); bootstrap
stability from resamples fitted as distinct rows with sample_weight = draw counts, ARI of ring pairs on
common rows. Prints one JSON line. Usage: sklearn_select.py file rows cols kmin kmax B boot threads
"""
import json, sys, time, resource, numpy as np, sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score, davies_bouldin_score, calinski_harabasz_score, adjusted_rand_score
from threadpoolctl import threadpool_limits

file, rows, cols, kmin, kmax, B, boot, threads = sys.argv[1:9]
n, d, kmin, kmax, B, boot = int(rows), int(cols), int(kmin), int(kmax), int(B), int(boot)
X = np.fromfile(file, dtype="<f8").reshape(n, d)
ks = list(range(kmin, kmax + 1))
rng = np.random.default_rng(1)

with threadpool_limits(int(threads)):
    t0 = time.perf_counter()
    c0 = time.process_time()  # CPU seconds of all threads: robust to other processes sharing the cores
    per = {k: {} for k in ks}
    for k in ks:
        km = KMeans(n_clusters=k, n_init=1, random_state=k, algorithm="lloyd").fit(X)
        per[k].update(inertia=float(km.inertia_), logW=float(np.log(km.inertia_)),
                      silhouette=float(silhouette_score(X, km.labels_, sample_size=5000, random_state=k)),
                      daviesBouldin=float(davies_bouldin_score(X, km.labels_)),
                      calinskiHarabasz=float(calinski_harabasz_score(X, km.labels_)))
    # Gap statistic (Tibshirani et al. 2001), principal-component box as R's clusGap.
    mean = X.mean(0)
    V = np.linalg.svd(X - mean, full_matrices=False)[2].T
    P = (X - mean) @ V
    lo, hi = P.min(0), P.max(0)
    ref = np.zeros((B, len(ks)))
    for b in range(B):
        z = rng.uniform(lo, hi, size=(n, d)) @ V.T + mean
        for i, k in enumerate(ks):
            ref[b, i] = np.log(KMeans(n_clusters=k, n_init=1, random_state=1000 * b + k, algorithm="lloyd").fit(z).inertia_)
    for i, k in enumerate(ks):
        per[k].update(gap=float(ref[:, i].mean() - per[k]["logW"]), gapSE=float(ref[:, i].std(ddof=1) * np.sqrt(1 + 1 / B)))
    # Bootstrap stability: the same resamples at every k, fitted as distinct rows weighted by their counts.
    samples = []
    for b in range(boot):
        counts = np.bincount(rng.integers(0, n, n), minlength=n)
        rows_b = np.nonzero(counts)[0]
        samples.append((rows_b, counts[rows_b].astype(float)))
    for k in ks:
        labels = [KMeans(n_clusters=k, n_init=1, random_state=b, algorithm="lloyd").fit(X[r], sample_weight=w).labels_
                  for b, (r, w) in enumerate(samples)]
        aris = []
        for b in range(boot):
            c = (b + 1) % boot
            _, ia, ic = np.intersect1d(samples[b][0], samples[c][0], assume_unique=True, return_indices=True)
            aris.append(adjusted_rand_score(labels[b][ia], labels[c][ic]))
        per[k].update(stability=float(np.mean(aris)), stabilitySd=float(np.std(aris, ddof=1)))
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0

gap = [per[k]["gap"] for k in ks]
se = [per[k]["gapSE"] for k in ks]
gap_k = next((ks[i] for i in range(len(ks) - 1) if gap[i] >= gap[i + 1] - se[i + 1]), None)
print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds, "perK": [{"k": k, **per[k]} for k in ks], "gapK": gap_k,
                  "silhouetteK": max(ks, key=lambda k: per[k]["silhouette"]),
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "version": sklearn.__version__}))
