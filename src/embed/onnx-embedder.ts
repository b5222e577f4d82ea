/**
 * Sentence embeddings from a local ONNX model folder (the layout transformers.js reads: config.json,
 * tokenizer.json, tokenizer_config.json, onnx/model.onnx), e.g. a downloaded paraphrase-MiniLM-L6-v2.
 * Remote loading is off: nothing is fetched, ever.
 *
 *   texts ──cache (sha256 of model + text)──> uncached rows in batches ──worker: tokenizer + ONNX──>
 *   token vectors [B, S, H] ──mean over the attention mask──> [B, H] ──L2-normalise──> rows × H
 *
 * Pooling and normalisation are done here, as sentence-transformers' Pooling(mean) + Normalize do, so
 * they are ours to test; a model whose output is already [B, H] is only normalised.
 *
 * Why a worker: ONNX inference is asynchronous, while a clusterer's predict (and the whole scoring
 * path) is synchronous. The worker runs transformers.js; this thread posts a batch, sleeps on a shared
 * flag (Atomics.wait) and reads the answer with receiveMessageOnPort — the synckit technique.
 *
 * The cache is a binary file per model (SEGKIT_CACHE_DIR, default ~/.cache/segkit/embeddings):
 * records of 32 bytes of hash + H float64 values, appended; a re-run on the same rows is instant.
 * @module
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Matrix } from '../math/matrix.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** The files a model folder must have. */
export const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', path.join('onnx', 'model.onnx')] as const;

/** Longest wait for one batch before giving up (a stuck runtime must not hang the CLI). */
const CALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Checks a model folder and returns its absolute path and the hash of its ONNX file.
 * @throws {SegkitError} E_NOT_FOUND naming the missing files
 */
export function checkModelFolder(dir: string): { dir: string; modelHash: string } {
  const abs = path.resolve(dir);
  const missing = MODEL_FILES.filter((f) => !existsSync(path.join(abs, f)));
  if (missing.length > 0) throw new SegkitError('E_NOT_FOUND', msg.embedModelMissing(abs, missing), { file: abs, field: 'embedModel' });
  return { dir: abs, modelHash: fileHash(path.join(abs, MODEL_FILES[3])) };
}

const hashes = new Map<string, { mtime: number; size: number; hash: string }>();

function fileHash(file: string): string {
  const st = statSync(file);
  const known = hashes.get(file);
  if (known && known.mtime === st.mtimeMs && known.size === st.size) return known.hash;
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  hashes.set(file, { mtime: st.mtimeMs, size: st.size, hash });
  return hash;
}

let bridge: { worker: Worker; port: MessagePort; flag: Int32Array } | null = null;

/** Sends one request to the worker and waits for its answer (synchronously). */
function call(request: Record<string, unknown>): any {
  if (!bridge) {
    const { port1, port2 } = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL('./onnx-worker.mjs', import.meta.url), { workerData: { port: port2, flag }, transferList: [port2] });
    // Neither keeps the process alive: the CLI exits when its work is done.
    worker.unref();
    port1.unref();
    bridge = { worker, port: port1, flag };
  }
  Atomics.store(bridge.flag, 0, 0);
  bridge.port.postMessage(request);
  if (Atomics.wait(bridge.flag, 0, 0, CALL_TIMEOUT_MS) === 'timed-out') throw new SegkitError('E_INTERNAL', msg.embedTimeout(CALL_TIMEOUT_MS / 1000));
  const answer = receiveMessageOnPort(bridge.port)?.message;
  if (!answer?.ok) throw new SegkitError('E_MODEL_FORMAT', msg.embedModelFailed(String(request.dir), answer?.error ?? 'no answer'), { file: String(request.dir), field: 'embedModel' });
  return answer;
}

/** Mean of the token vectors under the attention mask (sentence-transformers' mean pooling). */
export function meanPool(data: Float32Array, dims: readonly number[], mask: Int32Array): Float64Array {
  const [b, s, h] = dims;
  const out = new Float64Array(b * h);
  for (let i = 0; i < b; i++) {
    let count = 0;
    for (let t = 0; t < s; t++) {
      if (mask[i * s + t] === 0) continue;
      count++;
      for (let j = 0; j < h; j++) out[i * h + j] += data[(i * s + t) * h + j];
    }
    // sentence-transformers clamps the token count at 1e-9 to avoid dividing by zero.
    const c = Math.max(count, 1e-9);
    for (let j = 0; j < h; j++) out[i * h + j] /= c;
  }
  return out;
}

/** Scales each row of a rows × h array to unit length (torch.nn.functional.normalize, eps 1e-12). */
function normalizeRows(x: Float64Array, h: number): void {
  for (let o = 0; o < x.length; o += h) {
    let n = 0;
    for (let j = 0; j < h; j++) n += x[o + j] * x[o + j];
    const s = 1 / Math.max(Math.sqrt(n), 1e-12);
    for (let j = 0; j < h; j++) x[o + j] *= s;
  }
}

/** The embeddings cache of one model: hash of text → vector. */
class EmbeddingCache {
  private readonly map = new Map<string, Float64Array>();
  private width = 0;
  constructor(private readonly file: string | null) {
    if (!file || !existsSync(file)) return;
    const buf = readFileSync(file);
    if (buf.length < 4) return;
    this.width = buf.readUInt32LE(0);
    const record = 32 + 8 * this.width;
    for (let o = 4; o + record <= buf.length; o += record) {
      const v = new Float64Array(this.width);
      for (let j = 0; j < this.width; j++) v[j] = buf.readDoubleLE(o + 32 + 8 * j);
      this.map.set(buf.subarray(o, o + 32).toString('hex'), v);
    }
  }
  get(key: string): Float64Array | undefined {
    return this.map.get(key);
  }
  /** Appends new vectors (a torn last record from a killed run is ignored on the next read). */
  add(entries: [string, Float64Array][]): void {
    if (entries.length === 0) return;
    const h = entries[0][1].length;
    for (const [k, v] of entries) this.map.set(k, v);
    if (!this.file || (this.width !== 0 && this.width !== h)) return;
    const parts: Buffer[] = [];
    if (!existsSync(this.file)) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const head = Buffer.alloc(4);
      head.writeUInt32LE(h);
      parts.push(head);
    }
    this.width = h;
    for (const [k, v] of entries) {
      const rec = Buffer.alloc(32 + 8 * h);
      Buffer.from(k, 'hex').copy(rec, 0);
      for (let j = 0; j < h; j++) rec.writeDoubleLE(v[j], 32 + 8 * j);
      parts.push(rec);
    }
    try {
      appendFileSync(this.file, Buffer.concat(parts));
    } catch {
      // A read-only cache directory only costs speed.
    }
  }
}

const caches = new Map<string, EmbeddingCache>();

function cacheFor(modelHash: string): EmbeddingCache {
  let c = caches.get(modelHash);
  if (!c) {
    const dir = process.env.SEGKIT_CACHE_DIR ?? path.join(homedir(), '.cache', 'segkit', 'embeddings');
    c = new EmbeddingCache(process.env.SEGKIT_CACHE_DIR === '' ? null : path.join(dir, `${modelHash}.bin`));
    caches.set(modelHash, c);
  }
  return c;
}

/**
 * Embeds `texts` with the model in `dir` (unit-length rows). Rows seen before (same model, same text)
 * come from the cache.
 * @throws {SegkitError} E_NOT_FOUND (missing files), E_MODEL_FORMAT (the model fails or its output is not 2-D/3-D)
 */
export function embedOnnx(
  dir: string, texts: readonly string[],
  o: { batchSize?: number; maxLength?: number; expectHash?: string; onProgress?: (done: number, total: number) => void } = {},
): Matrix {
  const folder = checkModelFolder(dir);
  if (o.expectHash && o.expectHash !== folder.modelHash) throw new SegkitError('E_MODEL_FORMAT', msg.embedModelChanged(folder.dir), { file: folder.dir, field: 'embedModel' });
  const cache = cacheFor(folder.modelHash);
  const keys = texts.map((t) => createHash('sha256').update(folder.modelHash).update('\0').update(t).digest('hex'));
  const uncached: number[] = [];
  keys.forEach((k, i) => !cache.get(k) && uncached.push(i));
  const batch = o.batchSize ?? 32;
  for (let start = 0; start < uncached.length; start += batch) {
    const rows = uncached.slice(start, start + batch);
    const r = call({ op: 'embed', dir: folder.dir, texts: rows.map((i) => texts[i]), maxLength: o.maxLength ?? 256 });
    const dims: number[] = r.dims;
    let pooled: Float64Array, h: number;
    if (dims.length === 3) [pooled, h] = [meanPool(r.data, dims, r.mask), dims[2]];
    else if (dims.length === 2) [pooled, h] = [Float64Array.from(r.data as Float32Array), dims[1]];
    else throw new SegkitError('E_MODEL_FORMAT', msg.embedOutputShape(folder.dir, dims), { file: folder.dir, field: 'embedModel' });
    normalizeRows(pooled, h);
    cache.add(rows.map((i, t) => [keys[i], pooled.slice(t * h, (t + 1) * h)]));
    o.onProgress?.(Math.min(start + batch, uncached.length), uncached.length);
  }
  const width = texts.length > 0 ? cache.get(keys[0])!.length : 0;
  const out = new Float64Array(new SharedArrayBuffer(texts.length * width * 8));
  keys.forEach((k, i) => out.set(cache.get(k)!, i * width));
  return { rows: texts.length, cols: width, data: out };
}
