/**
 * Validation at the edge: parses options with a zod schema into a fully defaulted object and
 * maps zod issues to SegkitError (E_OPTION for a bad value, E_UNKNOWN_OPTION for an unknown key).
 * @module
 */
import { z } from 'zod';
import { SegkitError } from './errors.js';
import { msg } from './messages.js';

/** Parses `input` with `schema`; throws SegkitError naming the field, the rule and the value. */
export function parseOptions<T>(schema: z.ZodType<T, any>, input: unknown, owner: string): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.') || '(options)';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    throw new SegkitError('E_UNKNOWN_OPTION', msg.optionUnknown(key, owner, allowedKeys(schema)), { field: key });
  }
  const got = valueAt(input, issue.path);
  throw new SegkitError('E_OPTION', msg.optionInvalid(field, owner, ruleOf(issue), got), { field });
}

function allowedKeys(schema: z.ZodType<any, any>): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** The value at a zod issue's path in the input (undefined where the path leads nowhere). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: any = input;
  for (const p of path) v = v == null ? undefined : v[p as any];
  return v;
}

/** Turns a zod issue into the rule phrase of our messages ("an integer ≥ 1"). */
function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return `${issue.origin === 'number' ? 'a number' : 'a value'} ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `${issue.origin === 'number' ? 'a number' : 'a value'} ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : `of type ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'one of the allowed forms';
    default:
      return issue.message;
  }
}

/** An integer with optional bounds (inclusive). */
export function int(min?: number, max?: number) {
  let s = z.number().int();
  if (min !== undefined) s = s.min(min);
  if (max !== undefined) s = s.max(max);
  return s;
}
