/**
 * Golden-file comparison (after Observable Plot's test/plot-snapshot.js): values are normalised
 * (floats to 6 significant digits; timestamps, versions, durations and paths stripped) and compared
 * with test/golden/<area>/<name>; a mismatch writes <name>.changed next to it. Update with
 * `UPDATE_GOLDEN=1 npm test` and review the diff.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import assert from 'node:assert/strict';

const VOLATILE = new Set(['createdAt', 'modelCreatedAt', 'segkitVersion', 'fitSeconds', 'seconds', 'source', 'tolAbsolute']);

/** Deep copy with floats rounded and volatile fields replaced by a placeholder. */
export function normalize(value: unknown, key = ''): unknown {
  if (VOLATILE.has(key)) return `<${key}>`;
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(6));
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  return value;
}

/** Compares `value` (normalised, pretty JSON) with the golden file `area/name`. */
export function expectGolden(area: string, name: string, value: unknown): void {
  const file = new URL(`./golden/${area}/${name}`, import.meta.url).pathname;
  const text = JSON.stringify(normalize(value), null, 1) + '\n';
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    if (!process.env.UPDATE_GOLDEN && process.env.CI) assert.fail(`golden file ${area}/${name} is missing; run with UPDATE_GOLDEN=1 and commit it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (text !== expected) writeFileSync(file.replace(/(\.[a-z]+)$/, '.changed$1'), text);
  assert.equal(text, expected, `golden ${area}/${name} changed: review the .changed file, then UPDATE_GOLDEN=1`);
}
