# One R dbscan::dbscan (or dbscan::hdbscan) fit on the bench's float64 file; prints JSON (median of
# `reps` timed fits) and writes the labels (int32, noise = -1) beside the data.
# Args: <f64 file> <rows> <cols> <method: dbscan | hdbscan> <eps (dbscan) | minPts (hdbscan)> <minPts> <labels out> <reps>
# R's minPts counts the point itself, like scikit-learn's min_samples.
suppressMessages({ library(dbscan); library(jsonlite) })
a <- commandArgs(trailingOnly = TRUE)
n <- as.integer(a[2]); d <- as.integer(a[3]); method <- a[4]
con <- file(a[1], "rb"); v <- readBin(con, "double", n * d, size = 8, endian = "little"); close(con)
x <- matrix(v, nrow = n, ncol = d, byrow = TRUE)
reps <- as.integer(a[8])
times <- numeric(reps)
for (r in seq_len(reps)) {
  t <- proc.time()[["elapsed"]]
  fit <- if (method == "dbscan") dbscan(x, eps = as.numeric(a[5]), minPts = as.integer(a[6])) else hdbscan(x, minPts = as.integer(a[6]))
  times[r] <- proc.time()[["elapsed"]] - t
}
lab <- as.integer(fit$cluster) - 1L # R: 0 = noise, clusters 1..k
con <- file(a[7], "wb"); writeBin(lab, con, size = 4, endian = "little"); close(con)
hwm <- as.numeric(gsub("[^0-9]", "", grep("VmHWM", readLines("/proc/self/status"), value = TRUE))) / 1024
cat(toJSON(list(seconds = median(times), nClusters = max(lab) + 1, nNoise = sum(lab == -1), maxRssMb = hwm,
                version = as.character(packageVersion("dbscan"))), auto_unbox = TRUE), "\n")
