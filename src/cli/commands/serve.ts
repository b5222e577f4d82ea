/**
 * `segkit serve <model...> --port 8080`: the HTTP API over saved models until SIGINT/SIGTERM.
 * The request log (JSON lines) goes to stdout; warnings to stderr.
 * @module
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag } from '../flags.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { createServer } from '../../serve/app.js';
import { parseModelSources } from '../../serve/model-registry.js';
import { jsonLineLog } from '../../serve/request-log.js';
import { EXIT_OK } from '../exit-codes.js';

interface ServeFlags {
  port: string;
  host: string;
  token?: string;
  maxBatch: string;
  bodyLimit: string;
  cors?: string;
  customers?: string;
  value?: string;
  dashboard: boolean;
  store?: string;
  watch: boolean;
}

/** Where `npm run build` writes the dashboard (web/dist beside src/). */
const DASHBOARD_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export function registerServe(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('serve')
    .summary('HTTP API over saved models (predict, model info, OpenAPI)')
    .description(
      'Serve saved models over HTTP: GET /healthz, GET /models, GET /models/{id}, POST /models/{id}/predict, GET /openapi.json.\n' +
        'With --dashboard, the web dashboard is at / (with --customers it shows charts, members and CSV export).\n' +
        'With --store, GET /models/{id}/snapshots and GET /migrations?from=DATE&to=DATE.\n' +
        'A model id is the file name without .json, or give it as id=path. Model files are reloaded when they change;\n' +
        'a file that does not load keeps the previous model serving. Stop with Ctrl-C.',
    )
    .argument('<model...>', 'model files written by segkit fit (path or id=path)')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'bearer token required on every route but /healthz (or set SEGKIT_TOKEN)')
    .option('--max-batch <n>', 'most rows per predict request', '10000')
    .option('--body-limit <size>', 'largest request body: bytes, or with kb/mb', '10mb')
    .option('--cors <origin>', 'allow this one browser origin (CORS is off by default)')
    .option('--customers <source>', 'customer table that POST /models/{id}/similar searches (file, duckdb: or postgres://)')
    .option('--value <column>', 'column of the customer table whose share per segment the dashboard shows (e.g. revenue)')
    .option('--dashboard', 'serve the web dashboard at / (built by npm run build); best with --customers', false)
    .option('--store <file|url>', 'the segkit store that GET /models/{id}/snapshots and GET /migrations read (DuckDB file or postgres://)')
    .option('--no-watch', 'do not reload model files when they change')
    .action(async (models: string[], flags: ServeFlags) => {
      const token = flags.token ?? io.env.SEGKIT_TOKEN;
      if (!token && !isLoopback(flags.host)) io.stderr(`warning: ${msg.notLoopbackWithoutToken(flags.host)}\n`);
      const log = jsonLineLog((lines) => io.stdout(lines), 50);
      const server = await createServer(
        parseModelSources(models, io.cwd),
        {
          host: flags.host,
          port: numberFlag(flags.port, '--port', { integer: true, min: 0 }),
          ...(token ? { token } : {}),
          maxBatch: numberFlag(flags.maxBatch, '--max-batch', { integer: true, min: 1 }),
          bodyLimit: byteSize(flags.bodyLimit),
          ...(flags.cors ? { cors: flags.cors } : {}),
          ...(flags.customers ? { customers: /^(postgres(ql)?:\/\/|duckdb:)/i.test(flags.customers) ? flags.customers : resolvePath(io, flags.customers) } : {}),
          ...(flags.value ? { value: flags.value } : {}),
          ...(flags.dashboard ? { dashboard: DASHBOARD_DIR } : {}),
          ...(flags.store ? { store: /^postgres(ql)?:\/\//i.test(flags.store) ? flags.store : resolvePath(io, flags.store) } : {}),
          watch: flags.watch,
        },
        log,
      );
      const { url } = await server.listen();
      log({ event: 'listening', url, ...(flags.dashboard ? { dashboard: `${url}/` } : {}), models: server.registry.ids(), auth: token ? 'bearer' : 'none', cors: flags.cors ?? null });
      await new Promise<void>((done) => {
        const stop = (signal: string) => {
          process.off('SIGINT', onInt).off('SIGTERM', onTerm);
          log({ event: 'stopping', signal });
          void server.close().then(done, done);
        };
        const onInt = () => stop('SIGINT');
        const onTerm = () => stop('SIGTERM');
        process.on('SIGINT', onInt).on('SIGTERM', onTerm);
      });
      setExit(EXIT_OK);
    });
}

/** 127.0.0.0/8, ::1 and localhost reach only this machine. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** "10mb", "512kb", "1048576" → bytes (1 kb = 1024 bytes). */
function byteSize(v: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(v);
  if (!m) throw new SegkitError('E_OPTION', msg.optionInvalid('--body-limit', 'segkit serve', 'a size in bytes, or with kb/mb/gb (e.g. 10mb)', v), { field: '--body-limit' });
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.max(1, Math.round(Number(m[1]) * unit));
}
