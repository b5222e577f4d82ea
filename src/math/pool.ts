/**
 * A small pool of worker threads for the numeric kernels. Tasks are lists of chunk ids; each worker
 * runs its share of chunks on SharedArrayBuffer-backed arrays and answers when done. Workers are
 * unref'd, so an idle pool never keeps the process alive. Size: SEGKIT_WORKERS, else the number of
 * cores (at most 8). With 1 worker or less, callers run the same kernels in the main thread.
 * @module
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

type Pending = { resolve: () => void; reject: (e: Error) => void; left: number };

/** The pool of kernel workers. */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `boot`: the worker's entry module (a .mjs that registers tsx, then imports the TS worker). */
  constructor(readonly size: number, boot: URL) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(boot);
      w.on('message', (m: { id: number; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.error) {
          this.pending.delete(m.id);
          p.reject(new Error(m.error));
        } else if (--p.left === 0) {
          this.pending.delete(m.id);
          p.resolve();
        }
      });
      w.on('error', (e) => {
        const all = [...this.pending.values()];
        this.pending.clear();
        for (const p of all) p.reject(e);
      });
      // Unref after the listeners are attached (attaching one refs the worker again). Workers are
      // ref'd only while a run is pending, so the process neither exits mid-run nor waits for idle workers.
      w.unref();
      this.workers.push(w);
    }
  }

  /** Runs `op` on `chunks` spread over the workers (round robin); resolves when all are done. */
  run(op: string, args: Record<string, unknown>, chunks: number): Promise<void> {
    const id = this.nextId++;
    const parts = this.workers.map((_, w) => {
      const mine: number[] = [];
      for (let c = w; c < chunks; c += this.workers.length) mine.push(c);
      return mine;
    });
    const busy = parts.filter((p) => p.length > 0).length;
    if (busy === 0) return Promise.resolve();
    for (const w of this.workers) w.ref();
    const release = () => {
      if (this.pending.size === 0) for (const w of this.workers) w.unref();
    };
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve: () => (resolve(), release()), reject: (e) => (reject(e), release()), left: busy });
      parts.forEach((mine, w) => mine.length > 0 && this.workers[w].postMessage({ id, op, args, chunks: mine }));
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

const pools = new Map<string, WorkerPool | null>();

/** The process-wide pool for a worker entry module, or null when only one worker would run. */
export function getPool(boot: URL): WorkerPool | null {
  const key = boot.href;
  if (pools.has(key)) return pools.get(key)!;
  const env = Number(process.env.SEGKIT_WORKERS);
  const size = Number.isInteger(env) && env >= 0 ? env : Math.min(8, availableParallelism());
  const pool = size > 1 ? new WorkerPool(size, boot) : null;
  pools.set(key, pool);
  return pool;
}

/** A Float64Array over shared memory (copying `from` when given). */
export function sharedF64(length: number, from?: ArrayLike<number>): Float64Array {
  const a = new Float64Array(new SharedArrayBuffer(length * 8));
  if (from) a.set(from);
  return a;
}

/** An Int32Array over shared memory. */
export function sharedI32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * 4));
}
