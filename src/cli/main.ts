/**
 * The segkit CLI: a dispatch table of commands over the library. Errors become one line on
 * stderr (or a JSON error with --json) and an exit code: 0 ok, 1 internal, 2 usage, 3 data, 4 model.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { processIo, type Io } from './io.js';
import { isSegkitError } from '../errors.js';
import { exitCodeFor, EXIT_INTERNAL, EXIT_USAGE, EXIT_OK } from './exit-codes.js';
import { registerFit } from './commands/fit.js';
import { registerAssign } from './commands/assign.js';
import { registerPredict } from './commands/predict.js';
import { registerInspect } from './commands/inspect.js';
import { registerExportSql } from './commands/export-sql.js';
import { registerSimilar } from './commands/similar.js';
import { registerProfile } from './commands/profile.js';
import { registerRename } from './commands/rename.js';
import { registerReport } from './commands/report.js';
import { registerSelect } from './commands/select.js';
import { registerFeatures } from './commands/features.js';
import { registerRfm } from './commands/rfm.js';
import { registerServe } from './commands/serve.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerMigrations } from './commands/migrations.js';
import { registerRetrain } from './commands/retrain.js';
import { registerDrift } from './commands/drift.js';
import { SEGKIT_VERSION } from '../version.js';

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exit = EXIT_OK;
  const setExit = (c: number) => (exit = c);
  const program = new Command('segkit')
    .description('Customer segmentation: from a customer table to a segment for every customer.')
    .version(SEGKIT_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  // In the order a user meets them: build features, choose k, fit, understand, score, serve.
  registerFeatures(program, io, setExit);
  registerRfm(program, io, setExit);
  registerSelect(program, io, setExit);
  registerFit(program, io, setExit);
  registerProfile(program, io, setExit);
  registerReport(program, io, setExit);
  registerRename(program, io, setExit);
  registerInspect(program, io, setExit);
  registerAssign(program, io, setExit);
  registerPredict(program, io, setExit);
  registerSimilar(program, io, setExit);
  registerExportSql(program, io, setExit);
  registerServe(program, io, setExit);
  registerSnapshot(program, io, setExit);
  registerRetrain(program, io, setExit);
  registerMigrations(program, io, setExit);
  registerDrift(program, io, setExit);
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
