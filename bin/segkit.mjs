#!/usr/bin/env node
// Boots the TypeScript CLI under tsx (Node 20 has no type stripping).
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered without tsx or the commands (start-up target: under 300 ms). Mirrors src/cli/version-text.ts
  // and src/math/native-kernels.ts; test/e2e/cli/binary.test.ts checks that both print the same.
  const { readFileSync, existsSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  const addon = fileURLToPath(new URL('../build/Release/segkit_kernels.node', import.meta.url));
  let kernels;
  if (process.env.SEGKIT_KERNELS === 'ts') kernels = 'TypeScript (SEGKIT_KERNELS=ts)';
  else if (!existsSync(addon)) kernels = 'TypeScript (native build absent (npm ci builds it with node-gyp))';
  else {
    try {
      kernels = `native C++ (${createRequire(import.meta.url)(addon).isa()})`;
    } catch (e) {
      kernels = `TypeScript (native build failed to load: ${String(e?.message ?? e).split('\n')[0]})`;
    }
  }
  process.stdout.write(`${version}\nkernels: ${kernels}\n`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(argv);
}
