# One R cluster::pam / cluster::clara fit in its own process; prints JSON (median of `reps` fits).
# Args: <csv> <nNum> <nCat> <k> <setup: build-original | build-faster | start-original | start-faster | clara>
#       <reps> [samples sampsize]
# Mixed data: categorical columns become factors and the dissimilarity is daisy(metric = "gower")
# (its time is included: segkit's fit includes its matrix too). Numbers only: Euclidean, as pam's default.
# "start-*" begins from rows 1..k; clara takes numbers only (it has no Gower).
suppressMessages({ library(cluster); library(jsonlite) })
a <- commandArgs(trailingOnly = TRUE)
csv <- a[1]; n_num <- as.integer(a[2]); n_cat <- as.integer(a[3]); k <- as.integer(a[4]); setup <- a[5]
reps <- as.integer(a[6])
x <- read.csv(csv)
if (n_cat > 0) for (j in (n_num + 1):(n_num + n_cat)) x[[j]] <- factor(x[[j]])
n <- nrow(x)
fit <- function() {
  if (setup == "clara") {
    return(clara(as.matrix(x[, 1:n_num]), k, samples = as.integer(a[7]), sampsize = as.integer(a[8]), pamLike = TRUE, rngR = TRUE))
  }
  d <- if (n_cat > 0) daisy(x, metric = "gower") else dist(x)
  variant <- if (grepl("faster", setup)) "faster" else "original"
  if (startsWith(setup, "start")) pam(d, k, diss = TRUE, medoids = 1:k, variant = variant)
  else pam(d, k, diss = TRUE, medoids = NULL, variant = variant) # NULL = BUILD (faster defaults to random)
}
times <- numeric(reps)
for (r in seq_len(reps)) {
  set.seed(r)
  t <- proc.time()[["elapsed"]]
  p <- fit()
  times[r] <- proc.time()[["elapsed"]] - t
}
hwm <- as.numeric(gsub("[^0-9]", "", grep("VmHWM", readLines("/proc/self/status"), value = TRUE))) / 1024
med <- if (setup == "clara") p$i.med else p$id.med
cost <- if (setup == "clara") p$objective * n else p$objective[["swap"]] * n
cat(toJSON(list(seconds = median(times), cost = cost, medoids = sort(med - 1L), maxRssMb = hwm), auto_unbox = TRUE, digits = NA), "\n")
