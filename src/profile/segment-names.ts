/**
 * Segment names from the evidence, by a documented rule: the two features that set the segment apart
 * most (|z| ≥ 0.5, see segment-profile.ts), each as "High <feature>" / "Low <feature>" for numbers (a
 * trailing unit in parentheses dropped: "High Annual Income", not "High Annual Income (k$)") or
 * "<feature>: <level>" for categories ("Gender: Female"), joined by " · "; "Typical" when nothing reaches
 * |z| ≥ 0.5. Names are made unique by a " (2)", " (3)" suffix in segment order. Deterministic for a
 * given profile. Users rename segments with `segkit rename`.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { Distinguishing } from './segment-profile.js';

/** |z| a feature needs to name a segment (half a standard deviation). */
export const NAMING_MIN_Z = 0.5;
/** Longest name a segment may have. */
export const MAX_NAME_LENGTH = 80;

/** Names for segments from their distinguishing features (in segment order). */
export function nameSegments(distinguishing: readonly (readonly Distinguishing[])[]): string[] {
  const raw = distinguishing.map((d) => {
    const parts = d.filter((x) => Math.abs(x.z) >= NAMING_MIN_Z).slice(0, 2).map((x) => (x.level !== undefined ? `${shortFeature(x.feature)}: ${x.level}` : `${x.z > 0 ? 'High' : 'Low'} ${shortFeature(x.feature)}`));
    return parts.length > 0 ? parts.join(' · ').slice(0, MAX_NAME_LENGTH) : 'Typical';
  });
  const seen = new Map<string, number>();
  return raw.map((n) => {
    const c = (seen.get(n) ?? 0) + 1;
    seen.set(n, c);
    return c === 1 ? n : `${n} (${c})`;
  });
}

/** A feature name without a trailing unit in parentheses: "Annual Income (k$)" → "Annual Income". */
function shortFeature(f: string): string {
  const s = f.replace(/\s*\([^()]*\)\s*$/, '');
  return s.length > 0 ? s : f;
}

/** Checks a set of segment names: non-empty, at most MAX_NAME_LENGTH, unique. @throws {SegkitError} E_OPTION naming the segment */
export function checkSegmentNames(names: readonly string[], field = 'name'): void {
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    if (n.trim() === '') throw new SegkitError('E_OPTION', msg.segmentNameEmpty(i), { field });
    if (n.length > MAX_NAME_LENGTH) throw new SegkitError('E_OPTION', msg.segmentNameLong(i, MAX_NAME_LENGTH), { field });
    const other = seen.get(n.trim().toLowerCase());
    if (other !== undefined) throw new SegkitError('E_OPTION', msg.segmentNameDuplicate(n, other, i), { field });
    seen.set(n.trim().toLowerCase(), i);
  });
}
