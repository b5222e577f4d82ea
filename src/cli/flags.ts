/**
 * Flag parsing shared by commands: lists, numbers and the source flags, each failing with
 * E_OPTION naming the flag and the value received.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** "a,b , c" → ['a','b','c']; undefined stays undefined. */
export function listFlag(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A number flag; `integer` adds the integer rule. */
export function numberFlag(v: string | undefined, flag: string, rule: { integer?: boolean; min?: number } = {}): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  const ruleText = `${rule.integer ? 'an integer' : 'a number'}${rule.min !== undefined ? ` ≥ ${rule.min}` : ''}`;
  if (v.trim() === '' || !Number.isFinite(n) || (rule.integer && !Number.isInteger(n)) || (rule.min !== undefined && n < rule.min))
    throw new SegkitError('E_OPTION', msg.optionInvalid(flag, 'segkit', ruleText, v), { field: flag });
  return n;
}

/** Source-reading flags common to fit and assign. */
export interface SourceFlags {
  table?: string;
  query?: string;
  sep?: string;
  header?: boolean;
  numeric?: string;
  categorical?: string;
}
