/**
 * Which columns of a transactions table mean what (customer, date, amount, …) and how to read them:
 * the options of `segkit features`, `segkit rfm` and `fit --from-transactions`, validated once here.
 * @module
 */
import { z } from 'zod';

/** Options of the transaction readers; each field documents its default. */
export const transactionSpecSchema = z
  .object({
    customer: z.string().min(1).describe('Customer ID column. Lines with an empty ID are counted and left out of the features.'),
    date: z.string().min(1).describe('Transaction date or timestamp column.'),
    amount: z.string().min(1).optional().describe('Line amount column (money). Give it, or quantity and price.'),
    quantity: z.string().min(1).optional().describe('Quantity column; with `price`, amount = quantity × price.'),
    price: z.string().min(1).optional().describe('Unit price column; used with `quantity` when `amount` is absent.'),
    invoice: z.string().min(1).optional().describe('Order/invoice column. **Default:** none: an order is a customer\'s lines with the same timestamp.'),
    category: z.string().min(1).optional().describe('Product category column; adds category breadth and depth.'),
    discount: z.string().min(1).optional().describe('Discount column (a line is discounted when it is > 0); adds discount_share.'),
    cancelPrefix: z.string().min(1).optional().describe('Invoices starting with this text are cancellations (e.g. "C" in Online Retail).'),
    cancelNegative: z.boolean().default(false).describe('Lines with a negative quantity or amount are returns. **Default:** false (they are netted into the amounts, with a warning).'),
    dateFormat: z.enum(['auto', 'iso', 'yyyymmdd', 'mdy', 'dmy']).default('auto').describe(
      "Date layout: 'iso' (2011-01-05[ 08:26[:00]]), 'yyyymmdd' (20110105), 'mdy' (1/5/2011 8:26), 'dmy' (5/1/2011, also 05-01-2011). **Default:** 'auto': each value by the layout it matches; slash dates are day-first only when a first part is above 12.",
    ),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional().describe('Date the features are computed at; later lines are ignored. **Default:** the day after the last transaction.'),
    windowDays: z.number().int().min(1).default(90).describe('Length in days of the two windows compared by the velocity trend. **Default:** 90.'),
  })
  .refine((s) => s.amount !== undefined || (s.quantity !== undefined && s.price !== undefined), {
    message: 'give --amount, or both --quantity and --price',
    path: ['amount'],
  });

/** A validated transaction spec. */
export type TransactionSpec = z.infer<typeof transactionSpecSchema>;
/** What callers pass (defaults optional). */
export type TransactionSpecInput = z.input<typeof transactionSpecSchema>;

/** The spec's column flags and the columns they name, in flag order (for missing-column messages). */
export function specColumns(s: TransactionSpec): { flag: string; column: string }[] {
  const pairs: [string, string | undefined][] = [
    ['--customer', s.customer], ['--date', s.date], ['--amount', s.amount], ['--quantity', s.quantity], ['--price', s.price],
    ['--invoice', s.invoice], ['--category', s.category], ['--discount', s.discount],
  ];
  return pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([flag, column]) => ({ flag, column }));
}
