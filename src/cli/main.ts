/**
 * The segkit CLI: a dispatch table of commands over the library. Errors become one line on
 * stderr (or a JSON error with --json) and an exit code: 0 ok, 1 internal, 2 usage, 3 data, 4 model.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { processIo, type Io } from './io.js';
import { isSegkitError } from '../errors.js';
import { exitCodeFor, EXIT_INTERNAL, EXIT_USAGE, EXIT_OK } from './exit-codes.js';
import { versionText } from './version-text.js';

type Register = (program: Command, io: Io, setExit: (code: number) => void) => void;

/**
 * The commands in the order a user meets them (build features, choose k, fit, understand, score,
 * serve), each loaded only when used: a command's module pulls in its heavy dependencies (DuckDB,
 * fastify, vega), and `segkit predict` of one row should not pay for all of them.
 */
const COMMANDS: readonly [string, () => Promise<Register>][] = [
  ['features', async () => (await import('./commands/features.js')).registerFeatures],
  ['rfm', async () => (await import('./commands/rfm.js')).registerRfm],
  ['select', async () => (await import('./commands/select.js')).registerSelect],
  ['fit', async () => (await import('./commands/fit.js')).registerFit],
  ['compare', async () => (await import('./commands/compare.js')).registerCompare],
  ['profile', async () => (await import('./commands/profile.js')).registerProfile],
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['rename', async () => (await import('./commands/rename.js')).registerRename],
  ['inspect', async () => (await import('./commands/inspect.js')).registerInspect],
  ['assign', async () => (await import('./commands/assign.js')).registerAssign],
  ['predict', async () => (await import('./commands/predict.js')).registerPredict],
  ['similar', async () => (await import('./commands/similar.js')).registerSimilar],
  ['export-sql', async () => (await import('./commands/export-sql.js')).registerExportSql],
  ['serve', async () => (await import('./commands/serve.js')).registerServe],
  ['snapshot', async () => (await import('./commands/snapshot.js')).registerSnapshot],
  ['retrain', async () => (await import('./commands/retrain.js')).registerRetrain],
  ['migrations', async () => (await import('./commands/migrations.js')).registerMigrations],
  ['drift', async () => (await import('./commands/drift.js')).registerDrift],
];

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exit = EXIT_OK;
  const setExit = (c: number) => (exit = c);
  const program = new Command('segkit')
    .description('Customer segmentation: from a customer table to a segment for every customer.')
    .version(versionText(), '-V, --version', 'print the version and which numeric kernels run')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  // The command named first is the only one loaded; help and unknown commands load them all.
  const named = COMMANDS.find(([name]) => name === argv[0]);
  for (const [, load] of named ? [named] : COMMANDS) (await load())(program, io, setExit);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isSegkitError(e)) {
      if (json) io.stdout(JSON.stringify({ error: e.toJSON() }, null, 2) + '\n');
      io.stderr(`error ${e.code}: ${e.message}${e.hint ? `\nhint: ${e.hint}` : ''}\n`);
      return exitCodeFor(e.code);
    }
    io.stderr(`internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_INTERNAL;
  }
}
