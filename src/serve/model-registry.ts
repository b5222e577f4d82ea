/**
 * The models a server answers with, by id, hot-reloaded when their files change.
 *
 *   file changes ──1──> debounce ──2──> load + validate + probe (served-model.ts) ──3──> swap one reference
 *                                              └── fails ──> keep the old model, log the error
 *
 * A request reads the registry once and keeps that `ServedModel` to the end, and a new model is
 * published by replacing one Map entry after it is fully loaded, so no request sees a half-loaded
 * model. The directory is watched rather than the file: atomic writers (segkit's own saveModel,
 * editors, `mv`) replace the file by a rename, which ends a watch on the old inode, and a Kubernetes
 * ConfigMap swaps a `..data` symlink without touching the file's own name. So any event in the
 * directory makes each of its models compare the file's identity (device, inode, size, mtime,
 * through symlinks) with the one last read, and only a change is reloaded.
 * @module
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { SegkitError, isSegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { loadServedModel, type ServedModel } from './served-model.js';
import type { LogSink } from './request-log.js';

/** A model file and the id it is served under. */
export interface ModelSource {
  readonly id: string;
  readonly file: string;
}

const ID = /^[A-Za-z0-9._-]+$/;

/**
 * Model arguments as the CLI takes them: `path/to/mall.json` (id `mall`) or `id=path`.
 * @throws {SegkitError} E_USAGE for an invalid or duplicate id
 */
export function parseModelSources(args: readonly string[], cwd: string): ModelSource[] {
  const sources = args.map((arg) => {
    const eq = arg.indexOf('=');
    const file = resolve(cwd, eq > 0 ? arg.slice(eq + 1) : arg);
    const id = eq > 0 ? arg.slice(0, eq) : basename(file).replace(/\.json$/i, '');
    if (!ID.test(id)) throw new SegkitError('E_USAGE', msg.modelIdInvalid(id), { field: 'model' });
    return { id, file };
  });
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.id)) throw new SegkitError('E_USAGE', msg.modelIdDuplicate(s.id), { field: 'model' });
    seen.add(s.id);
  }
  return sources;
}

/** Served models by id, with hot reload. */
export class ModelRegistry {
  readonly #models = new Map<string, ServedModel>();
  readonly #watchers: FSWatcher[] = [];
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Identity of each model file when it was last read (loaded or not). */
  readonly #seen = new Map<string, string>();

  private constructor(readonly sources: readonly ModelSource[], private readonly log: LogSink) {}

  /**
   * Loads every model; any failure is thrown (a server does not start with a broken model).
   * @throws {SegkitError} E_NOT_FOUND, E_READ, E_MODEL_FORMAT
   */
  static load(sources: readonly ModelSource[], log: LogSink): ModelRegistry {
    const r = new ModelRegistry(sources, log);
    for (const s of sources) {
      r.#seen.set(s.id, fileIdentity(s.file));
      r.#models.set(s.id, loadServedModel(s.id, s.file));
    }
    return r;
  }

  /** The current model with this id. */
  get(id: string): ServedModel | undefined {
    return this.#models.get(id);
  }

  /** Every current model, in the order given. */
  list(): ServedModel[] {
    return this.sources.map((s) => this.#models.get(s.id)!);
  }

  ids(): string[] {
    return this.sources.map((s) => s.id);
  }

  /**
   * Reloads `id` from its file now: the new model replaces the old one only if it loads, validates
   * and scores a probe row. Returns whether it was swapped in.
   */
  reload(id: string): boolean {
    const source = this.sources.find((s) => s.id === id);
    if (!source) return false;
    // 2. Load fully and validate before anything is published.
    this.#seen.set(id, fileIdentity(source.file));
    let next: ServedModel;
    try {
      next = loadServedModel(source.id, source.file);
    } catch (e) {
      const error = isSegkitError(e) ? e.toJSON() : { code: 'E_INTERNAL', message: String((e as Error)?.message ?? e) };
      this.log({ level: 'error', event: 'model-reload-failed', model: id, file: source.file, error, action: 'kept serving the previous model' });
      return false;
    }
    // 3. One reference swap: requests already running keep the model they started with.
    this.#models.set(id, next);
    this.log({ level: 'info', event: 'model-reloaded', model: id, file: source.file, createdAt: next.model.manifest.createdAt });
    return true;
  }

  /** Watches each model's directory; a change to a model file reloads it after `debounceMs` of quiet. */
  watch(debounceMs = 100): void {
    const byDir = new Map<string, ModelSource[]>();
    for (const s of this.sources) byDir.set(dirname(s.file), [...(byDir.get(dirname(s.file)) ?? []), s]);
    for (const [dir, sources] of byDir) {
      const w = watch(dir, { persistent: false }, () => {
        // 1. Writers touch a file several times (truncate, write, rename): act once it is quiet.
        for (const s of sources) this.#schedule(s.id, debounceMs);
      });
      w.on('error', (e) => this.log({ level: 'error', event: 'model-watch-failed', dir, error: { message: e.message } }));
      this.#watchers.push(w);
    }
  }

  #schedule(id: string, debounceMs: number): void {
    clearTimeout(this.#timers.get(id));
    const t = setTimeout(() => {
      this.#timers.delete(id);
      const source = this.sources.find((s) => s.id === id)!;
      if (fileIdentity(source.file) !== this.#seen.get(id)) this.reload(id);
    }, debounceMs);
    t.unref();
    this.#timers.set(id, t);
  }

  /** Stops watching. */
  close(): void {
    for (const w of this.#watchers) w.close();
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#watchers.length = 0;
    this.#timers.clear();
  }
}

/** Device, inode, size and modification time of a file (through symlinks); 'missing' when it is gone. */
function fileIdentity(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return 'missing';
  }
}
