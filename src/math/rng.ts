/**
 * Seeded random numbers: xoshiro128** seeded through SplitMix32-style hashing, with `fork`
 * for independent streams per task (restart r, bootstrap b), so results do not depend on worker count.
 * Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018.
 * @module
 */

/** The only source of randomness inside segkit. */
export interface Rng {
  /** The seed this stream was created from (recorded in model files). */
  readonly seed: number;
  /** Uniform in [0, 1) with 53 random bits. */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** In-place Fisher-Yates shuffle; returns its argument. */
  shuffle<T extends { length: number; [i: number]: number }>(a: T): T;
  /** An independent stream derived from this stream's seed and `stream`. */
  fork(stream: number): Rng;
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Creates a seeded generator. `seed` is any finite number; it is reduced to 32 bits. */
export function createRng(seed: number): Rng {
  const s32 = (Math.trunc(seed) >>> 0) ^ (Math.floor(Math.trunc(seed) / 4294967296) >>> 0);
  let a = mix32(s32 + 0x9e3779b9);
  let b = mix32(a + 0x9e3779b9);
  let c = mix32(b + 0x9e3779b9);
  let d = mix32(c + 0x9e3779b9);
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | null = null;

  function next(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  }
  function rotl(x: number, k: number): number {
    return (x << k) | (x >>> (32 - k));
  }
  const rng: Rng = {
    seed,
    float() {
      const hi = next() >>> 5; // 27 bits
      const lo = next() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    int(n) {
      return Math.floor(rng.float() * n);
    },
    normal() {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      let u = 0;
      while (u === 0) u = rng.float();
      const v = rng.float();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const tmp = arr[i];
        arr[i] = arr[j];
        arr[j] = tmp;
      }
      return arr;
    },
    fork(stream) {
      return createRng(mix32((s32 ^ mix32(stream + 0x632be5ab)) >>> 0) + stream * 0x10000);
    },
  };
  return rng;
}

/** A fresh random seed for runs where the user gave none (recorded so the run can be replayed). */
export function drawSeed(): number {
  // The one place allowed to use Math.random: choosing a seed that is then recorded.
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * k distinct indices of 0 … n−1, uniformly (a partial Fisher-Yates shuffle: position i swaps with
 * i + rng.int(n − i)), in draw order. The one sampler without replacement the clusterers and metrics share.
 */
export function sampleIndices(n: number, k: number, rng: Rng): Int32Array {
  // Floyd's algorithm would avoid the O(n) array; n Int32s is cheap next to the data itself.
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, k);
}
