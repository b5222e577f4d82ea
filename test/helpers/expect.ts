/** Numeric assertions with explicit tolerances, and label comparison up to permutation. */
import assert from 'node:assert/strict';

/** Asserts |a - b| ≤ atol + rtol·|b| element-wise. */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  { rtol = 1e-9, atol = 0, label = '' }: { rtol?: number; atol?: number; label?: string } = {},
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  assert.equal(a.length, e.length, `${label} length ${a.length} != ${e.length}`);
  for (let i = 0; i < a.length; i++) {
    const tol = atol + rtol * Math.abs(e[i]);
    if (!(Math.abs(a[i] - e[i]) <= tol) && !(Number.isNaN(a[i]) && Number.isNaN(e[i]))) {
      assert.fail(`${label}[${i}]: ${a[i]} differs from ${e[i]} by ${Math.abs(a[i] - e[i])} (tol ${tol})`);
    }
  }
}

/** Asserts two labelings are equal up to a renaming of the labels. */
export function expectSamePartition(a: ArrayLike<number>, b: ArrayLike<number>): void {
  assert.equal(a.length, b.length);
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (ab.has(x) && ab.get(x) !== y) assert.fail(`row ${i}: label ${x} maps to both ${ab.get(x)} and ${y}`);
    if (ba.has(y) && ba.get(y) !== x) assert.fail(`row ${i}: label ${y} maps to both ${ba.get(y)} and ${x}`);
    ab.set(x, y);
    ba.set(y, x);
  }
}

/** Runs `fn` and asserts it throws a SegkitError with `code` (and `message` when given). */
export async function expectSegkitError(
  fn: () => unknown,
  code: string,
  message?: string | RegExp,
): Promise<Error & { code: string; where: Record<string, unknown> }> {
  try {
    await fn();
  } catch (e: any) {
    assert.equal(e?.name, 'SegkitError', `expected SegkitError, got ${e?.name}: ${e?.message}`);
    assert.equal(e.code, code, `expected code ${code}, got ${e.code}: ${e.message}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected SegkitError ${code}, but nothing was thrown`);
}
