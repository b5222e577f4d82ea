/**
 * Suggested actions per segment from a small, editable playbook: each play names the evidence it needs
 * (features, matched by name, that are high or low in the segment, at |z| ≥ 0.5) and the action to
 * take. The default plays cover the usual customer columns (recency, frequency, spend/value, tenure,
 * income, discounts, returns); a user's playbook (JSON, same shape) replaces them. A play fires when
 * all its conditions hold; its action is shown with the evidence that triggered it.
 * @module
 */
import { z } from 'zod';
import type { Distinguishing } from './segment-profile.js';
import { parseOptions } from '../options.js';

export const playbookSchema = z.array(z.strictObject({
  when: z.array(z.strictObject({ feature: z.string().min(1).describe('Regular expression on the feature name (case-insensitive).'), is: z.enum(['high', 'low']) })).min(1),
  action: z.string().min(1),
})).describe('Plays: when every condition holds for a segment, suggest the action.');

export type Playbook = z.output<typeof playbookSchema>;

/** The default plays, most specific first. */
export const DEFAULT_PLAYBOOK: Playbook = [
  { when: [{ feature: 'recen', is: 'high' }, { feature: 'monet|spend|revenue|value|amount|total', is: 'high' }], action: 'Win back: a personal offer to valuable customers who have not bought for a while, before they lapse.' },
  { when: [{ feature: 'freq|orders|purchases|visits', is: 'high' }, { feature: 'monet|spend|revenue|value|amount|total', is: 'high' }], action: 'Reward loyalty: VIP tier, early access, referral incentives; avoid discounts they do not need.' },
  { when: [{ feature: 'recen', is: 'high' }], action: 'Re-engage: reminder or reactivation campaign; if it fails, stop spending on them.' },
  { when: [{ feature: 'tenure|since|age_days', is: 'low' }], action: 'Onboard: welcome series and a second-purchase incentive.' },
  { when: [{ feature: 'income|limit|balance', is: 'high' }, { feature: 'spend|score|purchases', is: 'low' }], action: 'Upsell: premium products with value messaging; they can spend more than they do.' },
  { when: [{ feature: 'discount|promo|coupon', is: 'high' }], action: 'Price-sensitive: time-limited offers and bundles; protect margin elsewhere.' },
  { when: [{ feature: 'return|cancel', is: 'high' }], action: 'Reduce returns: better product information and sizing help before purchase.' },
  { when: [{ feature: 'spend|score|purchases|monet', is: 'high' }], action: 'Grow: cross-sell related categories while engagement is high.' },
];

/** Parses a user playbook (from a JSON file). @throws {SegkitError} E_OPTION naming the field */
export function parsePlaybook(value: unknown): Playbook {
  return parseOptions(playbookSchema, value, 'the playbook');
}

/** The actions whose evidence the segment shows, with that evidence. */
export function suggestActions(distinguishing: readonly Distinguishing[], playbook: Playbook = DEFAULT_PLAYBOOK): { action: string; because: string[] }[] {
  const strong = distinguishing.filter((d) => d.level === undefined && Math.abs(d.z) >= 0.5);
  const out: { action: string; because: string[] }[] = [];
  for (const play of playbook) {
    const because: string[] = [];
    const ok = play.when.every((c) => {
      const re = new RegExp(c.feature, 'i');
      const hit = strong.find((d) => re.test(d.feature) && (c.is === 'high' ? d.z > 0 : d.z < 0));
      if (hit) because.push(hit.text);
      return hit !== undefined;
    });
    if (ok && !out.some((o) => o.action === play.action)) out.push({ action: play.action, because });
    if (out.length === 2) break;
  }
  return out;
}
