# One R kohonen::som fit in its own process; prints JSON (median time of `reps` fits).
# Args: <f64 file> <rows> <cols> <grid rows> <grid cols> <mode: online | batch> <rlen> <reps>
# The initial codebook is the first gridRows × gridCols data rows (segkit and the NumPy MiniSom
# reproduction start from the same rows). Radius and alpha are kohonen's defaults
# (radius = 2/3 quantile of the unit distances, falling linearly; alpha 0.05 → 0.01).
# Online: rlen epochs of nrow(X) updates each. Rectangular grid, Gaussian neighbourhood.
suppressMessages({ library(kohonen); library(jsonlite) })
a <- commandArgs(trailingOnly = TRUE)
n <- as.integer(a[2]); p <- as.integer(a[3]); gr <- as.integer(a[4]); gc <- as.integer(a[5])
mode <- a[6]; rlen <- as.integer(a[7]); reps <- as.integer(a[8])
X <- matrix(readBin(a[1], "double", n * p, endian = "little"), n, p, byrow = TRUE)
init <- X[seq_len(gr * gc), , drop = FALSE]
grid <- somgrid(xdim = gc, ydim = gr, topo = "rectangular", neighbourhood.fct = "gaussian")
times <- numeric(reps); cpu <- numeric(reps)
for (r in seq_len(reps)) {
  set.seed(r)
  t <- proc.time()
  fit <- som(X, grid = grid, rlen = rlen, mode = mode, init = init, keep.data = TRUE)
  u <- proc.time() - t
  times[r] <- u[["elapsed"]]; cpu[r] <- u[["user.self"]] + u[["sys.self"]]
}
qe <- mean(fit$distances^0.5) # kohonen's distances are squared Euclidean (sumofsquares)
hwm <- as.numeric(gsub("[^0-9]", "", grep("VmHWM", readLines("/proc/self/status"), value = TRUE))) / 1024
cat(toJSON(list(seconds = median(times), cpuSeconds = median(cpu), qe = qe, updates = if (mode == "online") rlen * n else NA, maxRssMb = hwm), auto_unbox = TRUE, digits = NA), "\n")
