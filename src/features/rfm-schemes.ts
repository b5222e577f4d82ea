/**
 * RFM segment rule tables: ordered rules on the R, F and M scores, first match wins, a customer
 * no rule matches is 'Other'. Two built-in tables and user tables from JSON.
 *
 * 'classic' (scores 1–5) is the widely used R × F grid (as in many RFM write-ups, e.g. the
 * segment map popularised by Putler and Kaggle RFM notebooks), with the R 1 / F 1 cell named 'Lost':
 *
 *     R\F   1               2                    3                    4                 5
 *     5     New Customers   Potential Loyalists  Potential Loyalists  Champions         Champions
 *     4     Promising       Potential Loyalists  Potential Loyalists  Loyal Customers   Loyal Customers
 *     3     About to Sleep  About to Sleep       Need Attention       Loyal Customers   Loyal Customers
 *     2     Hibernating     Hibernating          At Risk              At Risk           Can't Lose Them
 *     1     Lost            Hibernating          At Risk              At Risk           Can't Lose Them
 *
 * 'klaviyo' (scores 1–3) has six groups in the style of the fixed groups CDPs show (the rules are
 * ours, not Klaviyo's): Champions R3 F3; Loyal R2–3 F2–3; Recent R3 F1; Needs Attention R2 F1;
 * At Risk R1 F2–3; Inactive R1 F1.
 * @module
 */
import { z } from 'zod';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** A rule table. Ranges are inclusive score ranges; an absent range matches every score. */
export interface RfmScheme {
  readonly name: string;
  /** Score levels the rules are written for. */
  readonly bins: number;
  readonly segments: readonly { name: string; r?: readonly [number, number]; f?: readonly [number, number]; m?: readonly [number, number] }[];
}

const range = z.tuple([z.number().int(), z.number().int()]);
/** JSON form of a user table. */
export const rfmSchemeSchema = z.object({
  bins: z.number().int().min(2).max(9),
  segments: z.array(z.object({ name: z.string().min(1), r: range.optional(), f: range.optional(), m: range.optional() }).strict()).min(1),
}).strict();

const grid = (name: string, r: [number, number], f: [number, number]) => ({ name, r, f });
/** The built-in tables (see the module header). */
export const RFM_SCHEMES: Readonly<Record<'classic' | 'klaviyo', RfmScheme>> = {
  classic: {
    name: 'classic', bins: 5,
    segments: [
      grid('Champions', [5, 5], [4, 5]),
      grid('Loyal Customers', [3, 4], [4, 5]),
      grid('Potential Loyalists', [4, 5], [2, 3]),
      grid('New Customers', [5, 5], [1, 1]),
      grid('Promising', [4, 4], [1, 1]),
      grid('Need Attention', [3, 3], [3, 3]),
      grid('About to Sleep', [3, 3], [1, 2]),
      grid("Can't Lose Them", [1, 2], [5, 5]),
      grid('At Risk', [1, 2], [3, 4]),
      grid('Lost', [1, 1], [1, 1]),
      grid('Hibernating', [1, 2], [1, 2]),
    ],
  },
  klaviyo: {
    name: 'klaviyo', bins: 3,
    segments: [
      grid('Champions', [3, 3], [3, 3]),
      grid('Loyal', [2, 3], [2, 3]),
      grid('Recent', [3, 3], [1, 1]),
      grid('Needs Attention', [2, 2], [1, 1]),
      grid('At Risk', [1, 1], [2, 3]),
      grid('Inactive', [1, 1], [1, 1]),
    ],
  },
};

/** Parses a user table (JSON text from `file`). */
export function parseRfmScheme(text: string, file: string): RfmScheme {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SegkitError('E_OPTION', msg.rfmSchemeInvalid(file, 'it is not valid JSON'), { file, field: 'scheme' });
  }
  const r = rfmSchemeSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new SegkitError('E_OPTION', msg.rfmSchemeInvalid(file, `${i.path.join('.') || '(top)'}: ${i.message}`), { file, field: 'scheme' });
  }
  return { name: file, ...r.data };
}

/** Segment name of each customer (first matching rule; 'Other' when none). Assumes scores within the scheme's bins. */
export function rfmSegments(s: RfmScheme, r: Int32Array, f: Int32Array, m: Int32Array): string[] {
  const inR = (x: number, g?: readonly [number, number]) => !g || (x >= g[0] && x <= g[1]);
  const out = new Array<string>(r.length);
  for (let i = 0; i < r.length; i++) {
    const g = s.segments.find((x) => inR(r[i], x.r) && inR(f[i], x.f) && inR(m[i], x.m));
    out[i] = g ? g.name : 'Other';
  }
  return out;
}
