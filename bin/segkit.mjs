#!/usr/bin/env node
// Boots the TypeScript CLI under tsx (Node 20 has no type stripping).
import { register } from 'tsx/esm/api';
register();
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answer the version without loading the commands (start-up target: under 300 ms).
  const { versionText } = await import('../src/cli/version-text.ts');
  process.stdout.write(versionText() + '\n');
} else {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(argv);
}
