# R mclust me() for one covariance model from a given hard partition (the k-means labels segkit
# starts from): an M-step from the partition, then EM for itmax iterations or to mclust's relative
# tolerance. Prints JSON: median of `reps` timed fits (wall and CPU time), log-likelihood, iterations.
# Usage: Rscript mclust_gmm.R data.f64 rows cols k labels.i32 model itmax tol reps
suppressMessages(library(mclust))
a <- commandArgs(trailingOnly = TRUE)
n <- as.integer(a[2]); d <- as.integer(a[3]); k <- as.integer(a[4])
x <- matrix(readBin(a[1], "double", n * d, size = 8, endian = "little"), nrow = n, ncol = d, byrow = TRUE)
labels <- readBin(a[5], "integer", n, size = 4, endian = "little") + 1L
model <- a[6]; itmax <- as.integer(a[7]); tol <- as.numeric(a[8]); reps <- as.integer(a[9])
z <- unmap(labels)
times <- c(); cpus <- c(); fit <- NULL
for (r in seq_len(reps)) {
  t0 <- proc.time()
  fit <- me(x, modelName = model, z = z, control = emControl(tol = c(tol, sqrt(.Machine$double.eps)), itmax = c(itmax, itmax)))
  t1 <- proc.time()
  times <- c(times, t1[["elapsed"]] - t0[["elapsed"]])
  cpus <- c(cpus, t1[["user.self"]] + t1[["sys.self"]] - t0[["user.self"]] - t0[["sys.self"]])
}
cat(sprintf('{"seconds": %.6f, "cpuSeconds": %.6f, "logLik": %.17g, "nIter": %d, "version": "%s"}\n',
            median(times), median(cpus), fit$loglik, as.integer(attr(fit, "info")[1]), as.character(packageVersion("mclust"))))
