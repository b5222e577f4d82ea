// Builds the optional native kernels (binding.gyp) during `npm ci`. A failed build is not an error:
// segkit then runs its TypeScript kernels (same results, slower) and `segkit --version` says so.
// node-gyp builds against Node's own headers (npm is configured with nodedir on these machines;
// /usr/include/node is used when present), so nothing is downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

if (process.env.SEGKIT_SKIP_NATIVE) {
  console.log('segkit: SEGKIT_SKIP_NATIVE is set, native kernels not built');
  process.exit(0);
}
const require = createRequire(import.meta.url);
let gyp;
try {
  gyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch {
  gyp = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
}
const args = [gyp, 'rebuild', '--release'];
if (existsSync('/usr/include/node/node_api.h')) args.push('--nodedir=/usr');
const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, npm_config_offline: 'true' } });
if (r.status !== 0) console.warn('segkit: native kernels did not build; the TypeScript kernels will be used (same results, slower).');
