/**
 * The CLI's window on the world: output streams, working directory and environment, injectable
 * so tests capture what a command prints.
 * @module
 */
import { resolve } from 'node:path';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Resolves a user path against the Io's working directory. */
export function resolvePath(io: Io, p: string): string {
  return resolve(io.cwd, p);
}
