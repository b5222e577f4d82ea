/**
 * (x − center) / scale and its inverse as plain loops: the three linear scalers share them, and a
 * loop avoids the per-element callback of TypedArray.map (about 1 s over a 1M × 20 fit).
 * @module
 */

/** (x − center) / scale, element-wise, into a new array. */
export function affine(x: Float64Array, center: number, scale: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i] - center) / scale;
  return out;
}

/** y · scale + center, element-wise, into a new array. */
export function affineInverse(y: Float64Array, center: number, scale: number): Float64Array {
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = y[i] * scale + center;
  return out;
}
