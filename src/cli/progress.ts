/**
 * Progress on stderr for long steps: a cli-progress bar when stderr is a terminal, one line per
 * step otherwise (logs stay readable). Shown only after the work has run about a second.
 * @module
 */
import cliProgress from 'cli-progress';
import type { Io } from './io.js';
import type { Progress } from '../cluster/types.js';

/** A progress sink: `update` from callbacks, `stop` when done. */
export interface ProgressReporter {
  update(p: Progress): void;
  stop(): void;
}

/** Creates a reporter; `quiet` disables it. */
export function createProgress(io: Io, quiet: boolean): ProgressReporter {
  if (quiet) return { update() {}, stop() {} };
  const start = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  let step = '';
  let lastLine = 0;
  return {
    update(p) {
      if (Date.now() - start < 1000) {
        step = p.step;
        return;
      }
      if (io.stderrIsTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            // Steps such as k-means stop early (converged at iteration 7 of at most 300), so a percentage
            // would mislead: show the count and the elapsed time instead.
            { format: ' {step} {count} | {duration_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(Math.max(1, p.total), p.done, { step: p.step, count: countOf(p) });
        }
        bar.setTotal(Math.max(1, p.total));
        bar.update(p.done, { step: p.step, count: countOf(p) });
      } else if (p.step !== step || Date.now() - lastLine > 5000) {
        io.stderr(`… ${p.step}\n`);
        lastLine = Date.now();
      }
      step = p.step;
    },
    stop() {
      bar?.stop();
    },
  };
}

function countOf(p: Progress): string {
  return p.total > 1 ? `(${p.done} of at most ${p.total})` : '';
}
