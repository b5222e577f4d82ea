/** Runs the CLI in process with captured output, in a temp working directory. */
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `segkit ...argv` in `cwd`. */
export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '', stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, cwd, env: {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export { tempDir } from './temp.js';
