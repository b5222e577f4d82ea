/**
 * JSON codec for fitted state: typed arrays become `{ "$typed": "f64" | "i32", "base64": … }` so that
 * model files stay plain JSON and exact (base64 of the IEEE bytes, no decimal round-off); everything
 * else passes through. Algorithms never encode anything themselves (ARCHITECTURE.md).
 * @module
 */

type Encoded = { $typed: 'f64' | 'f32' | 'i32'; base64: string };

/** Replaces typed arrays (deeply) by base64 records. */
export function encodeState(value: unknown): unknown {
  if (value instanceof Float64Array) return enc('f64', value);
  if (value instanceof Float32Array) return enc('f32', value);
  if (value instanceof Int32Array) return enc('i32', value);
  if (Array.isArray(value)) return value.map(encodeState);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeState(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  return value;
}

const decodedOnce = new WeakMap<object, unknown>();

/**
 * {@link decodeState}, memoised by the identity of the encoded object: a loaded model is decoded on
 * its first use, not on every predict call (a server scoring one row per request spent a fifth
 * of its time here). Callers must not mutate the result; estimators never do (STYLE.md D).
 */
export function decodeStateCached<T = any>(value: unknown): T {
  if (!value || typeof value !== 'object') return dec(value) as T;
  if (!decodedOnce.has(value)) decodedOnce.set(value, dec(value));
  return decodedOnce.get(value) as T;
}

/** Inverse of {@link encodeState}. */
export function decodeState<T = any>(value: unknown): T {
  return dec(value) as T;
}

function enc(kind: Encoded['$typed'], a: Float64Array | Float32Array | Int32Array): Encoded {
  return { $typed: kind, base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64') };
}

function dec(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dec);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.$typed === 'string' && typeof v.base64 === 'string') {
      const buf = Buffer.from(v.base64, 'base64');
      const copy = new Uint8Array(buf.byteLength);
      copy.set(buf);
      if (v.$typed === 'f64') return new Float64Array(copy.buffer);
      if (v.$typed === 'f32') return new Float32Array(copy.buffer);
      if (v.$typed === 'i32') return new Int32Array(copy.buffer);
    }
    if (typeof v.$number === 'string' && Object.keys(v).length === 1) return Number(v.$number);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = dec(x);
    return out;
  }
  return value;
}
