/**
 * Request bodies are validated at the route edge with the zod schemas of `schemas.ts`; zod's first
 * issue becomes a SegkitError that names the field (or the row and column) and the value received.
 * @module
 */
import type { z } from 'zod';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { valueAt } from '../options.js';

/**
 * Parses `body` with `schema`.
 * @throws {SegkitError} E_UNKNOWN_OPTION (an unknown field), E_DATA_TYPE (a row value that is not a
 * string, number, boolean or null), E_DATA_NONFINITE (a number that overflows to ±Infinity), E_OPTION (any other rule)
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new SegkitError('E_OPTION', msg.bodyNotObject(Array.isArray(body) ? 'an array' : body === undefined ? 'nothing' : JSON.stringify(body)), { field: '(body)' });
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // An unknown field is named first, whatever else is wrong: it is the likeliest client bug.
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys' && i.path.length === 0) ?? result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const allowed = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
    throw new SegkitError('E_UNKNOWN_OPTION', msg.bodyFieldUnknown(key, allowed), { field: key });
  }
  const path = issue.path.map(String);
  const field = path.join('.');
  const got = valueAt(body, issue.path);
  // A value inside a row: rows.<i>.<column> or row.<column>; rows are 1-based in messages, as everywhere.
  const rowAt = path[0] === 'rows' && path.length === 3 ? Number(path[1]) + 1 : path[0] === 'row' && path.length === 2 ? 1 : undefined;
  if (rowAt !== undefined) {
    const column = path[path.length - 1];
    // JSON has no Infinity, but 1e999 parses to it.
    if (typeof got === 'number') throw new SegkitError('E_DATA_NONFINITE', msg.dataNonFinite(rowAt, column, got), { row: rowAt, column, field });
    throw new SegkitError('E_DATA_TYPE', msg.bodyRowValue(rowAt, column, got), { row: rowAt, column, field });
  }
  throw new SegkitError('E_OPTION', msg.bodyFieldInvalid(field, ruleOf(issue), got), { field });
}

/** The rule phrase of a zod issue, for the fields of our bodies. */
function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'array' ? 'an array of objects' : issue.expected === 'record' || issue.expected === 'object' ? 'an object' : `of type ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `an array of at least ${String(issue.minimum)} element(s)` : `≥ ${String(issue.minimum)}`;
    default:
      return issue.message;
  }
}
