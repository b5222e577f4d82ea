"""MiniSom's online training re-implemented in NumPy (NOT MiniSom itself: MiniSom is not packaged
by Debian and only Debian packages can be installed here). One process; prints JSON.

The loop has MiniSom's cost profile (github JustGlowing/minisom, MiniSom.train / winner / update):
per update, a NumPy norm over all neurons for the winner, a separable Gaussian from two 1-D exps and
an in-place update of the whole (rows, cols, d) weight array. Same rule as
test/fixtures/som/minisom_rule.py: eta, sigma / (1 + t / (T/2)), rows visited cyclically.
Args: <f64 file> <rows> <cols> <grid rows> <grid cols> <updates> <sigma> <learning rate> <reps>
"""
import json, resource, sys, time
import numpy as np

path = sys.argv[1]
n, p, gr, gc, T = (int(v) for v in sys.argv[2:7])
sigma0, eta0, reps = float(sys.argv[7]), float(sys.argv[8]), int(sys.argv[9])
X = np.fromfile(path, dtype="<f8", count=n * p).reshape(n, p)
ri, ci = np.arange(gr, dtype=float), np.arange(gc, dtype=float)


def train():
    W = X[: gr * gc].copy().reshape(gr, gc, p)
    for t in range(T):
        x = X[t % n]
        act = np.linalg.norm(x - W, axis=-1)
        wi, wj = np.unravel_index(act.argmin(), act.shape)
        eta = eta0 / (1 + t / (T / 2))
        sig = sigma0 / (1 + t / (T / 2))
        d = 2 * sig * sig
        g = np.outer(np.exp(-np.power(ri - wi, 2) / d), np.exp(-np.power(ci - wj, 2) / d)) * eta
        W += g[:, :, None] * (x - W)
    return W.reshape(gr * gc, p)


times, cpu = [], []
for _ in range(reps):
    t0, c0 = time.perf_counter(), time.process_time()
    W = train()
    times.append(time.perf_counter() - t0)
    cpu.append(time.process_time() - c0)
D = np.sqrt(((X[:, None, :] - W[None, :, :]) ** 2).sum(-1))
print(json.dumps({"seconds": float(np.median(times)), "cpuSeconds": float(np.median(cpu)), "qe": float(D.min(1).mean()), "updates": T,
                  "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
