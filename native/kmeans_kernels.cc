// Native k-means kernels (issue 11): the same three chunk kernels as src/cluster/kmeans-kernels.ts,
// compiled with -O3 and GCC target_clones so one build runs AVX-512, AVX2 or baseline x86-64 code,
// whichever the CPU has (resolved once at load time by the dynamic loader).
//
// Results are bit-identical to the TypeScript kernels: every squared distance is summed in exactly
// the order of sqDist in src/math/distance.ts (blocks of four features, ((e0²+e1²)+e2²)+e3² added
// to the running sum, then the tail one by one). SIMD runs ACROSS centers (or k-means++ candidates),
// never across features, so each lane keeps that sequential order; -ffp-contract=off forbids FMA,
// which would round differently. Why native at all: V8 does not emit SIMD for these loops, and the
// issue's targets (≤ 0.5× scikit-learn per Lloyd iteration) need vector width.
#include <napi.h>
#include <cmath>
#include <cstdint>
#include <vector>
#include <limits>

namespace {

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define SEGKIT_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define SEGKIT_CLONES
#endif

// Squared distances of one row to `m` points stored transposed (pt[j*m + c]), in sqDist's order.
SEGKIT_CLONES
void distancesTransposed(const double* __restrict xr, const double* __restrict pt, int d, int m, double* __restrict acc) {
  for (int c = 0; c < m; c++) acc[c] = 0.0;
  int j = 0;
  for (; j + 3 < d; j += 4) {
    const double x0 = xr[j], x1 = xr[j + 1], x2 = xr[j + 2], x3 = xr[j + 3];
    const double* p0 = pt + (size_t)j * m;
    const double* p1 = p0 + m;
    const double* p2 = p1 + m;
    const double* p3 = p2 + m;
    for (int c = 0; c < m; c++) {
      const double e0 = x0 - p0[c], e1 = x1 - p1[c], e2 = x2 - p2[c], e3 = x3 - p3[c];
      acc[c] += e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3;
    }
  }
  for (; j < d; j++) {
    const double xj = xr[j];
    const double* pj = pt + (size_t)j * m;
    for (int c = 0; c < m; c++) {
      const double t = xj - pj[c];
      acc[c] += t * t;
    }
  }
}

// One squared distance in sqDist's order (the Hamerly bound check).
inline double sqDist(const double* a, const double* b, int d) {
  double s = 0.0;
  int j = 0;
  for (; j + 3 < d; j += 4) {
    const double d0 = a[j] - b[j], d1 = a[j + 1] - b[j + 1], d2 = a[j + 2] - b[j + 2], d3 = a[j + 3] - b[j + 3];
    s += d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
  }
  for (; j < d; j++) {
    const double t = a[j] - b[j];
    s += t * t;
  }
  return s;
}

// The data pointer of a typed array, also when it views a SharedArrayBuffer (the worker pool's
// memory): napi_get_typedarray_info gives it directly, where Napi::ArrayBuffer::Data() would refuse
// a shared buffer.
template <typename T>
T* ptr(const Napi::Value& v) {
  napi_typedarray_type type;
  size_t length, offset;
  void* data = nullptr;
  napi_value buffer;
  napi_get_typedarray_info(v.Env(), v, &type, &length, &data, &buffer, &offset);
  return static_cast<T*>(data);
}

int i32(const Napi::Value& v) { return v.As<Napi::Number>().Int32Value(); }

// assign(x, d, k, centers, half, labels, upper, lower, plain, start, end): Hamerly 2010 assignment.
Napi::Value Assign(const Napi::CallbackInfo& info) {
  const double* x = ptr<double>(info[0]);
  const int d = i32(info[1]), k = i32(info[2]);
  const double* centers = ptr<double>(info[3]);
  const double* half = ptr<double>(info[4]);
  int32_t* labels = ptr<int32_t>(info[5]);
  double* upper = ptr<double>(info[6]);
  double* lower = ptr<double>(info[7]);
  const bool plain = info[8].As<Napi::Boolean>().Value();
  const int start = i32(info[9]), end = i32(info[10]);
  std::vector<double> ct((size_t)k * d), acc(k);
  for (int c = 0; c < k; c++)
    for (int j = 0; j < d; j++) ct[(size_t)j * k + c] = centers[(size_t)c * d + j];
  for (int i = start; i < end; i++) {
    const double* xr = x + (size_t)i * d;
    const int a = labels[i];
    if (!plain && a >= 0) {
      const double m = half[a] > lower[i] ? half[a] : lower[i];
      if (upper[i] <= m) continue;
      upper[i] = std::sqrt(sqDist(xr, centers + (size_t)a * d, d));
      if (upper[i] <= m) continue;
    }
    distancesTransposed(xr, ct.data(), d, k, acc.data());
    double b1 = std::numeric_limits<double>::infinity(), b2 = b1;
    int best = 0;
    for (int c = 0; c < k; c++) {
      const double s = acc[c];
      if (s < b1) {
        b2 = b1; b1 = s; best = c;
      } else if (s < b2) b2 = s;
    }
    labels[i] = best;
    upper[i] = std::sqrt(b1);
    lower[i] = std::sqrt(b2);
  }
  return info.Env().Undefined();
}

// accumulate(x, d, k, labels, w|null, chunk, n, out, chunkRows): per-chunk weighted sums per cluster.
Napi::Value Accumulate(const Napi::CallbackInfo& info) {
  const double* x = ptr<double>(info[0]);
  const int d = i32(info[1]), k = i32(info[2]);
  const int32_t* labels = ptr<int32_t>(info[3]);
  const double* w = info[4].IsNull() || info[4].IsUndefined() ? nullptr : ptr<double>(info[4]);
  const int chunk = i32(info[5]), n = i32(info[6]);
  double* out = ptr<double>(info[7]);
  const int chunkRows = i32(info[8]);
  const size_t stride = (size_t)k * d + k, base = (size_t)chunk * stride;
  for (size_t t = 0; t < stride; t++) out[base + t] = 0.0;
  const int begin = chunk * chunkRows;
  const int end = n < begin + chunkRows ? n : begin + chunkRows;
  for (int i = begin; i < end; i++) {
    const int c = labels[i];
    const double wi = w ? w[i] : 1.0;
    out[base + (size_t)k * d + c] += wi;
    const double* xr = x + (size_t)i * d;
    double* o = out + base + (size_t)c * d;
    for (int j = 0; j < d; j++) o[j] += wi * xr[j];
  }
  return info.Env().Undefined();
}

// kppScore(x, d, k, n, closest, nearest, ids, gap, nTrials, w|null, cand, pots, chunk, chunkRows):
// greedy k-means++ candidate scoring with Elkan's lemma-1 pruning, as kppScoreChunk.
Napi::Value KppScore(const Napi::CallbackInfo& info) {
  const double* x = ptr<double>(info[0]);
  const int d = i32(info[1]), k = i32(info[2]), n = i32(info[3]);
  const double* closest = ptr<double>(info[4]);
  const int32_t* nearest = ptr<int32_t>(info[5]);
  const int32_t* ids = ptr<int32_t>(info[6]);
  const double* gap = ptr<double>(info[7]);
  const int nTrials = i32(info[8]);
  const double* w = info[9].IsNull() || info[9].IsUndefined() ? nullptr : ptr<double>(info[9]);
  double* cand = ptr<double>(info[10]);
  double* pots = ptr<double>(info[11]);
  const int chunk = i32(info[12]), chunkRows = i32(info[13]);
  std::vector<double> pt((size_t)nTrials * d), acc(nTrials);
  for (int t = 0; t < nTrials; t++)
    for (int j = 0; j < d; j++) pt[(size_t)j * nTrials + t] = x[(size_t)ids[t] * d + j];
  for (int t = 0; t < nTrials; t++) pots[(size_t)chunk * nTrials + t] = 0.0;
  const int begin = chunk * chunkRows;
  const int end = n < begin + chunkRows ? n : begin + chunkRows;
  for (int i = begin; i < end; i++) {
    const double ci = closest[i], wi = w ? w[i] : 1.0;
    const int a = nearest[i];
    bool any = false;
    for (int t = 0; t < nTrials; t++) any |= ci > gap[(size_t)t * k + a];
    if (any) distancesTransposed(x + (size_t)i * d, pt.data(), d, nTrials, acc.data());
    for (int t = 0; t < nTrials; t++) {
      double m = ci;
      if (m > gap[(size_t)t * k + a] && acc[t] < m) m = acc[t];
      cand[(size_t)t * n + i] = m;
      pots[(size_t)chunk * nTrials + t] += wi * m;
    }
  }
  return info.Env().Undefined();
}

// nearestTwo(x, d, k, centers, labels, best, second, next, start, end): nearest and runner-up center
// per row with squared distances (nearest-center.ts nearestTwoCenters; ties to the lower index;
// with one center the runner-up is -1 at +Infinity).
Napi::Value NearestTwo(const Napi::CallbackInfo& info) {
  const double* x = ptr<double>(info[0]);
  const int d = i32(info[1]), k = i32(info[2]);
  const double* centers = ptr<double>(info[3]);
  int32_t* labels = ptr<int32_t>(info[4]);
  double* best = ptr<double>(info[5]);
  int32_t* second = ptr<int32_t>(info[6]);
  double* next = ptr<double>(info[7]);
  const int start = i32(info[8]), end = i32(info[9]);
  std::vector<double> ct((size_t)k * d), acc(k);
  for (int c = 0; c < k; c++)
    for (int j = 0; j < d; j++) ct[(size_t)j * k + c] = centers[(size_t)c * d + j];
  const double inf = std::numeric_limits<double>::infinity();
  for (int i = start; i < end; i++) {
    distancesTransposed(x + (size_t)i * d, ct.data(), d, k, acc.data());
    int b = -1, s2 = -1;
    double bd = inf, sd = inf;
    for (int c = 0; c < k; c++) {
      const double v = acc[c];
      if (v < bd) {
        s2 = b; sd = bd; b = c; bd = v;
      } else if (v < sd) {
        s2 = c; sd = v;
      }
    }
    labels[i] = b;
    best[i] = bd;
    second[i] = s2;
    next[i] = sd;
  }
  return info.Env().Undefined();
}

// The widest instruction set the clones dispatch to on this CPU.
Napi::Value Isa(const Napi::CallbackInfo& info) {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  __builtin_cpu_init();
  const char* isa = __builtin_cpu_supports("avx512f") ? "avx512" : __builtin_cpu_supports("avx2") ? "avx2" : "x86-64";
#else
  const char* isa = "generic";
#endif
  return Napi::String::New(info.Env(), isa);
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("assign", Napi::Function::New(env, Assign));
  exports.Set("accumulate", Napi::Function::New(env, Accumulate));
  exports.Set("kppScore", Napi::Function::New(env, KppScore));
  exports.Set("nearestTwo", Napi::Function::New(env, NearestTwo));
  exports.Set("isa", Napi::Function::New(env, Isa));
  return exports;
}

}  // namespace

NODE_API_MODULE(segkit_kernels, Init)
