/**
 * The recommender: each criterion votes for one k, then one documented rule picks the k.
 *
 *   elbow       Kneedle knee of the cost curve (knee.ts)
 *   gap         smallest k with Gap(k) ≥ Gap(k+1) − s(k+1) (Tibshirani et al. 2001; clusGap "Tibs2001SEmax")
 *   silhouette  highest mean silhouette
 *   bic         lowest BIC, when the method reports one
 *   stability   highest mean bootstrap ARI (ties: the smaller k)
 *
 * Rule: a k whose smallest segment is below minSegmentShare is refused by every criterion (the
 * elbow and gap votes for it are dropped; silhouette, BIC and stability vote for their best eligible k).
 * The k with the most votes wins; a tie goes to the higher stability, then the higher silhouette,
 * then the smaller k (the simpler segmentation).
 * @module
 */
import type { Criterion, Recommendation, SelectionRow } from './report.js';
import { kneedle } from './knee.js';
import { gapRuleIndex } from './gap.js';
import { msg } from '../messages.js';

/** The rule, as written into every report. */
export const RECOMMENDATION_RULE =
  'Each criterion (elbow, gap, silhouette, BIC, stability) votes for one k among the k whose smallest segment is at least minSegmentShare of the rows; the k with the most votes wins; ties go to the higher bootstrap stability, then the higher silhouette, then the smaller k.';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const f3 = (v: number) => v.toFixed(3);

/** Criteria, recommendation and the elbow's difference curve for the measured rows (ascending k). */
export function recommend(
  rows: readonly SelectionRow[], o: { minSegmentShare: number; kneeSensitivity: number },
): { criteria: Criterion[]; recommendation: Recommendation; kneeDifference: number[] } {
  const byK = new Map(rows.map((r) => [r.k, r]));
  const refusal = (name: string, k: number) => {
    const r = byK.get(k)!;
    return `${name} points to k=${k}, refused: its smallest segment holds ${r.smallestSegmentSize} rows (${pct(r.smallestSegmentShare)}), below minSegmentShare=${pct(o.minSegmentShare)}.`;
  };
  const criteria: Criterion[] = [];

  // Elbow.
  const costRows = rows.filter((r) => r.cost !== null && Number.isFinite(r.cost));
  const knee = kneedle(costRows.map((r) => r.k), costRows.map((r) => r.cost!), { sensitivity: o.kneeSensitivity });
  const kneeDifference = rows.map((r) => {
    const i = costRows.indexOf(r);
    return i >= 0 ? knee.difference[i] : 0;
  });
  if (knee.x === null) criteria.push({ name: 'elbow', k: null, reason: `No clear elbow in the cost curve (Kneedle, S=${o.kneeSensitivity}).` });
  else if (!byK.get(knee.x)!.eligible) criteria.push({ name: 'elbow', k: null, reason: refusal('The elbow', knee.x) });
  else criteria.push({ name: 'elbow', k: knee.x, reason: `The cost curve bends most at k=${knee.x} (Kneedle, S=${o.kneeSensitivity}).` });

  // Gap.
  const gapRows = rows.filter((r) => r.gap !== null);
  if (gapRows.length === rows.length && rows.length >= 2) {
    const i = gapRuleIndex(gapRows.map((r) => r.gap!), gapRows.map((r) => r.gapStandardError!));
    if (i < 0) criteria.push({ name: 'gap', k: null, reason: `The gap statistic still rises at k=${rows[rows.length - 1].k}: no k in the range satisfies Gap(k) ≥ Gap(k+1) − s(k+1); widen the range.` });
    else if (!gapRows[i].eligible) criteria.push({ name: 'gap', k: null, reason: refusal('The gap rule', gapRows[i].k) });
    else {
      const r = gapRows[i], next = gapRows[i + 1];
      criteria.push({ name: 'gap', k: r.k, reason: `k=${r.k} is the smallest k with Gap(k) ≥ Gap(k+1) − s(k+1): ${f3(r.gap!)} ≥ ${f3(next.gap!)} − ${f3(next.gapStandardError!)}.` });
    }
  }

  // Best-of criteria over eligible k.
  const best = (name: Criterion['name'], label: string, value: (r: SelectionRow) => number | null, higher: boolean) => {
    const measured = rows.filter((r) => value(r) !== null && Number.isFinite(value(r)!));
    if (measured.length === 0) return;
    const pick = (rs: SelectionRow[]) =>
      rs.reduce<SelectionRow | null>((b, r) => (b === null || (higher ? value(r)! > value(b)! : value(r)! < value(b)!) ? r : b), null);
    const overall = pick(measured)!;
    const eligible = pick(measured.filter((r) => r.eligible));
    if (!eligible) {
      criteria.push({ name, k: null, reason: refusal(`The ${higher ? 'highest' : 'lowest'} ${label}`, overall.k) });
      return;
    }
    const refused = overall !== eligible ? ` (k=${overall.k} scores ${f3(value(overall)!)} but is refused: smallest segment ${pct(overall.smallestSegmentShare)})` : '';
    criteria.push({ name, k: eligible.k, reason: `The ${higher ? 'highest' : 'lowest'} ${label} is at k=${eligible.k}: ${f3(value(eligible)!)}${refused}.` });
  };
  best('silhouette', 'mean silhouette', (r) => r.silhouette, true);
  best('bic', 'BIC', (r) => r.bic, false);
  best('stability', 'bootstrap stability (mean ARI)', (r) => r.stability, true);

  return { criteria, recommendation: decide(rows, criteria, o.minSegmentShare), kneeDifference };
}

function decide(rows: readonly SelectionRow[], criteria: readonly Criterion[], minShare: number): Recommendation {
  const votes: Record<string, string[]> = {};
  for (const c of criteria) if (c.k !== null) (votes[c.k] ??= []).push(c.name);
  const voters = criteria.filter((c) => c.k !== null).length;
  const reasons = criteria.map((c) => c.reason);
  if (voters === 0) {
    const anyEligible = rows.some((r) => r.eligible);
    reasons.push(anyEligible ? 'No criterion could vote, so no k is recommended.' : msg.selectNoEligible(minShare));
    return { k: null, agreement: 'none', votes, reasons, rule: RECOMMENDATION_RULE };
  }
  const byK = new Map(rows.map((r) => [r.k, r]));
  const ks = Object.keys(votes).map(Number);
  const key = (k: number) => [votes[k].length, byK.get(k)!.stability ?? -Infinity, byK.get(k)!.silhouette ?? -Infinity, -k];
  ks.sort((a, b) => {
    const ka = key(a), kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return 0;
  });
  const k = ks[0];
  const n = votes[k].length;
  const agreement = n === voters ? 'unanimous' : n * 2 > voters ? 'majority' : 'split';
  const others = ks.slice(1).map((o) => `${votes[o].join(' and ')} prefer${votes[o].length === 1 ? 's' : ''} k=${o}`);
  const tied = ks.length > 1 && votes[ks[1]].length === n;
  let summary = agreement === 'unanimous'
    ? `All ${voters} criteria agree on k=${k}.`
    : `${n} of ${voters} criteria (${votes[k].join(', ')}) point to k=${k}; ${others.join('; ')}. The criteria disagree`;
  if (agreement !== 'unanimous') summary += tied ? `, and k=${k} wins the tie on ${tieReason(byK.get(k)!, byK.get(ks[1])!)}.` : '.';
  reasons.push(summary);
  const [min, max] = [rows[0].k, rows[rows.length - 1].k];
  if (k === max) reasons.push(`k=${k} is the top of the range ${min}..${max}; a wider range may find more segments.`);
  return { k, agreement, votes, reasons, rule: RECOMMENDATION_RULE };
}

function tieReason(a: SelectionRow, b: SelectionRow): string {
  if (a.stability !== null && b.stability !== null && a.stability !== b.stability) return `stability (${f3(a.stability)} vs ${f3(b.stability)})`;
  if (a.silhouette !== null && b.silhouette !== null && a.silhouette !== b.silhouette) return `silhouette (${f3(a.silhouette)} vs ${f3(b.silhouette)})`;
  return 'being the smaller k';
}
