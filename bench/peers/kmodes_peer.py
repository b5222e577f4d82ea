"""One fit of the Python kmodes package (nicodv/kmodes 0.12.2) in its own process; prints JSON.

kmodes is not packaged by Debian: point KMODES_SRC at a checkout of github.com/nicodv/kmodes (the bench
used commit 61265b1). Args: <csv> <nNum> <nCat> <k> <method> <init: explicit|cao|huang> <gamma> <nInit> <init json>
"""
import json
import os
import sys
import time

sys.path.insert(0, os.environ["KMODES_SRC"])
import numpy as np  # noqa: E402
from kmodes.kmodes import KModes  # noqa: E402
from kmodes.kprototypes import KPrototypes  # noqa: E402

csv, n_num, n_cat, k, method, init, gamma, n_init, init_file = sys.argv[1:]
n_num, n_cat, k, n_init = int(n_num), int(n_cat), int(k), int(n_init)
x = np.loadtxt(csv, delimiter=",", skiprows=1)
num, cat = x[:, :n_num], x[:, n_num:].astype(np.int64)
explicit = json.load(open(init_file))
t = time.perf_counter()
if method == "kmodes":
    start = np.array(explicit["modes"]) if init == "explicit" else init.capitalize()
    m = KModes(n_clusters=k, init=start, n_init=n_init, max_iter=100).fit(cat)
    gamma_used = 1.0
else:
    start = [np.array(explicit["means"]), np.array(explicit["modes"])] if init == "explicit" else init.capitalize()
    mixed = np.concatenate([num.astype(object), cat.astype(object)], axis=1)
    m = KPrototypes(n_clusters=k, init=start, n_init=n_init, max_iter=100, gamma=None if gamma == "huang" else float(gamma), random_state=0)
    m.fit(mixed, categorical=list(range(n_num, n_num + n_cat)))
    gamma_used = float(m.gamma)
seconds = time.perf_counter() - t
import resource  # noqa: E402
print(json.dumps({"seconds": seconds, "cost": float(m.cost_), "nIter": int(m.n_iter_), "gamma": gamma_used,
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
