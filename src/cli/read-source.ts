/**
 * Reads the `<source>` argument of a command into a Frame, with the shared source flags.
 * @module
 */
import type { Io } from './io.js';
import { resolvePath } from './io.js';
import { listFlag, type SourceFlags } from './flags.js';
import type { ProgressReporter } from './progress.js';
import type { Frame } from '../data/frame.js';
import { parseSourceSpec } from '../data/source-spec.js';
import { readFrame } from '../data/read-frame.js';

/** Reads a source; relative file paths are resolved against the Io's working directory. */
export async function readSource(io: Io, source: string, flags: SourceFlags, id: string | undefined, progress: ProgressReporter): Promise<Frame> {
  progress.update({ step: `reading ${source}`, done: 0, total: 1 });
  const isUrl = /^(postgres(ql)?:\/\/|duckdb:)/i.test(source);
  const located = isUrl ? source.replace(/^duckdb:(?!\/)/i, (m) => m) : resolvePath(io, source);
  const spec = parseSourceSpec(isUrl && /^duckdb:/i.test(source) ? `duckdb:${resolvePath(io, source.slice(7))}` : located, {
    // commander defaults --no-header's value to true; only an explicit --no-header overrides sniffing.
    table: flags.table, query: flags.query, sep: flags.sep, header: flags.header === false ? false : undefined,
  });
  return readFrame(spec, { numeric: listFlag(flags.numeric), categorical: listFlag(flags.categorical), id });
}
