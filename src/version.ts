/** segkit's version, read once from package.json (recorded in every model file). */
import { readFileSync } from 'node:fs';

export const SEGKIT_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
