/**
 * A small hand-written transaction file whose features are worked out by hand in
 * transaction-features.test.ts (dates: 2024-01-01 is a Monday, 2024 is a leap year).
 */
export const HAND_HEADER = 'invoice,customer,when,qty,price,category,discount';
export const HAND_LINES: readonly (readonly string[])[] = [
  ['INV1', 'A', '2024-01-06 09:30', '2', '10', 'X', '0'], // Saturday
  ['INV1', 'A', '2024-01-06 09:45', '1', '5', 'Y', '1'],
  ['INV2', 'A', '2024-02-05 14:00', '1', '30', 'X', '0'], // Monday
  ['C3', 'A', '2024-02-06 10:00', '-1', '30', 'X', '0'], // a cancellation (prefix C)
  ['INV4', 'A', '2024-03-16 20:00', '3', '10', 'X', '2'], // Saturday
  ['INV5', 'B', '2024-03-01 23:00', '1', '100', 'Z', '0'], // Friday
  ['INV6', '', '2024-03-10 12:00', '1', '7', 'Z', '0'], // no customer
  ['INV7', 'D', 'not a date', '1', '1', 'Z', '0'], // unreadable date
];

/** The file as CSV, with the date column rewritten by `date` (to test other layouts). */
export function handCsv(date: (iso: string) => string = (s) => s): string {
  return [HAND_HEADER, ...HAND_LINES.map((l) => l.map((v, j) => (j === 2 && v !== 'not a date' ? date(v) : v)).join(','))].join('\n') + '\n';
}

/** The mapping used with this file. */
export const HAND_SPEC = {
  customer: 'customer', date: 'when', quantity: 'qty', price: 'price', invoice: 'invoice', category: 'category', discount: 'discount',
  cancelPrefix: 'C', asOf: '2024-04-01', windowDays: 30,
} as const;

/** Expected features, worked out by hand (see the test for the arithmetic). */
export const HAND_EXPECTED: Record<string, Record<string, number>> = {
  A: {
    recency_days: 16, frequency: 3, monetary_total: 85, monetary_avg: 85 / 3, tenure_days: 86,
    ipi_mean_days: (30.1875 + 40.25) / 2, ipi_std_days: (40.25 - 30.1875) / 2,
    orders_last_window: 1, orders_prev_window: 1, velocity_trend: 0, weekend_share: 2 / 3,
    daypart_night: 0, daypart_morning: 1 / 3, daypart_afternoon: 1 / 3, daypart_evening: 1 / 3,
    category_breadth: 2, category_depth: 0.75, cancel_rate: 0.25, discount_share: 0.5,
  },
  B: {
    recency_days: 31, frequency: 1, monetary_total: 100, monetary_avg: 100, tenure_days: 31,
    ipi_mean_days: NaN, ipi_std_days: NaN,
    orders_last_window: 0, orders_prev_window: 1, velocity_trend: -1, weekend_share: 0,
    daypart_night: 0, daypart_morning: 0, daypart_afternoon: 0, daypart_evening: 1,
    category_breadth: 1, category_depth: 1, cancel_rate: 0, discount_share: 0,
  },
};
