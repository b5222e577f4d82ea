/**
 * The customer feature query: one row per customer from the views `tx_lines` (see
 * `transaction-lines-sql.ts`) and `params` (as_of_day, as_of_s), the same text for DuckDB and
 * PostgreSQL through the dialect layer. Each feature family is one function below, documented with
 * its formula. Notation: a customer's purchase orders o_1 … o_n (lines with the same order key that
 * are not cancellations; order time t_i = earliest line time; order value v_i = sum of line
 * amounts), as-of date A (a day; lines at or after A are ignored), day(t) = calendar day of t.
 *
 * References: RFM as in Hughes (1994), "Strategic Database Marketing"; the velocity and
 * inter-purchase features follow the usual CLV practice (Fader & Hardie, CDNOW, 2001); peers that
 * compute the same aggregates in pandas: the `lifetimes` package's `summary_data_from_transaction_data`.
 * @module
 */
import type { Dialect } from '../data/sql-dialect.js';

/** Which optional families the query has; fixed at fit so every later scoring has the same columns. */
export interface FeatureFamilies {
  /** Share of orders per day part (night, morning, afternoon, evening): only when times of day are present. */
  readonly dayParts: boolean;
  readonly category: boolean;
  readonly cancellations: boolean;
  readonly discount: boolean;
  /** Days in each of the two windows of the velocity trend. */
  readonly windowDays: number;
}

/** The output columns of {@link featureSql} after `customer_id`, in order. */
export function featureColumns(f: FeatureFamilies): string[] {
  return [
    'recency_days', 'frequency', 'monetary_total', 'monetary_avg', 'tenure_days',
    'ipi_mean_days', 'ipi_std_days', 'orders_last_window', 'orders_prev_window', 'velocity_trend', 'weekend_share',
    ...(f.dayParts ? DAY_PARTS.map((p) => `daypart_${p[0]}`) : []),
    ...(f.category ? ['category_breadth', 'category_depth'] : []),
    ...(f.cancellations ? ['cancel_rate'] : []),
    ...(f.discount ? ['discount_share'] : []),
  ];
}

/** Day parts by hour of the order time: [name, first hour, hour after the last]. */
export const DAY_PARTS: readonly [string, number, number][] = [['night', 0, 6], ['morning', 6, 12], ['afternoon', 12, 18], ['evening', 18, 24]];

/** The whole feature query (customers ordered by ID). */
export function featureSql(d: Dialect, f: FeatureFamilies): string {
  const dbl = (e: string) => `CAST(${e} AS ${d.double})`;
  const ctes = [
    `lines AS (
  SELECT l.* FROM tx_lines l CROSS JOIN params p
  WHERE l.customer_id IS NOT NULL AND l.ts IS NOT NULL AND l.amount IS NOT NULL AND ${d.epochSeconds('l.ts')} < p.as_of_s
)`,
    ordersCte(d),
    orderStatsCte(d, f),
    ...(f.category ? [categoryCte(d)] : []),
    ...(f.cancellations ? [cancelCte(d)] : []),
    ...(f.discount ? [discountCte(d)] : []),
  ];
  const cols = [
    ...rfmColumns(dbl),
    ...intervalColumns(),
    ...velocityColumns(),
    'o.weekend_share',
    ...(f.dayParts ? DAY_PARTS.map(([p]) => `o.daypart_${p}`) : []),
    ...(f.category ? ['COALESCE(c.category_breadth, 0) AS category_breadth', 'c.category_depth'] : []),
    ...(f.cancellations ? [`COALESCE(x.cancelled, 0) / (o.frequency + COALESCE(x.cancelled, 0)) AS cancel_rate`] : []),
    ...(f.discount ? ['s.discount_share'] : []),
  ];
  return `WITH ${ctes.join(',\n')}
SELECT o.customer_id,
  ${cols.join(',\n  ')}
FROM order_stats o CROSS JOIN params p${f.category ? '\nLEFT JOIN cats c ON c.customer_id = o.customer_id' : ''}${f.cancellations ? '\nLEFT JOIN cancels x ON x.customer_id = o.customer_id' : ''}${f.discount ? '\nLEFT JOIN discounts s ON s.customer_id = o.customer_id' : ''}
ORDER BY o.customer_id`;
}

/** Purchase orders: one row per (customer, order key) of non-cancelled lines; t = min line time, v = sum of amounts. */
function ordersCte(d: Dialect): string {
  return `orders AS (
  SELECT customer_id, order_key, MIN(ts) AS order_ts, SUM(amount) AS order_value
  FROM lines WHERE is_cancel = 0 GROUP BY customer_id, order_key
),
order_facts AS (
  SELECT customer_id, order_value, ${d.epochSeconds('order_ts')} AS t_s, ${d.daysSinceEpoch('order_ts')} AS t_day,
    ${d.epochSeconds('order_ts')} - LAG(${d.epochSeconds('order_ts')}) OVER (PARTITION BY customer_id ORDER BY order_ts, order_key) AS gap_s,
    ${d.isoDow('order_ts')} AS dow, ${d.hourOf('order_ts')} AS hr
  FROM orders
)`;
}

/** Per-customer aggregates over orders (every family built from orders, in one GROUP BY). */
function orderStatsCte(d: Dialect, f: FeatureFamilies): string {
  const share = (cond: string) => `AVG(CASE WHEN ${cond} THEN ${d.num(1)} ELSE ${d.num(0)} END)`;
  const w = d.num(f.windowDays * 86400);
  return `order_stats AS (
  SELECT customer_id,
    CAST(COUNT(*) AS ${d.double}) AS frequency,
    SUM(order_value) AS monetary_total,
    MIN(t_day) AS first_day, MAX(t_day) AS last_day,
    AVG(gap_s) AS gap_mean_s, STDDEV_POP(gap_s) AS gap_std_s,
    CAST(SUM(CASE WHEN t_s >= p.as_of_s - ${w} THEN 1 ELSE 0 END) AS ${d.double}) AS orders_last,
    CAST(SUM(CASE WHEN t_s >= p.as_of_s - 2 * ${w} AND t_s < p.as_of_s - ${w} THEN 1 ELSE 0 END) AS ${d.double}) AS orders_prev,
    ${share('dow >= 6')} AS weekend_share${f.dayParts ? DAY_PARTS.map(([p, a, b]) => `,\n    ${share(`hr >= ${a} AND hr < ${b}`)} AS daypart_${p}`).join('') : ''}
  FROM order_facts CROSS JOIN params p
  GROUP BY customer_id
)`;
}

/**
 * RFM: recency_days = A − day(t_n) (whole days; 1 = bought the day before A); frequency = n;
 * monetary_total = Σ v_i; monetary_avg = Σ v_i / n (average order value); tenure_days = A − day(t_1).
 */
function rfmColumns(dbl: (e: string) => string): string[] {
  return [
    `${dbl('p.as_of_day - o.last_day')} AS recency_days`,
    'o.frequency',
    'o.monetary_total',
    'o.monetary_total / o.frequency AS monetary_avg',
    `${dbl('p.as_of_day - o.first_day')} AS tenure_days`,
  ];
}

/**
 * Inter-purchase intervals g_i = t_{i+1} − t_i in days (fractional when times are present), i = 1 … n−1:
 * ipi_mean_days = mean(g) (NULL when n = 1); ipi_std_days = population standard deviation of g
 * (0 with one interval, NULL when n = 1).
 */
function intervalColumns(): string[] {
  return ['o.gap_mean_s / 86400 AS ipi_mean_days', 'o.gap_std_s / 86400 AS ipi_std_days'];
}

/**
 * Velocity with window W days: L = orders with A − W ≤ t < A, P = orders with A − 2W ≤ t < A − W;
 * velocity_trend = (L − P) / (L + P) in [−1, 1] (1 = all recent, −1 = slowing to none; 0 when L = P,
 * including L = P = 0). weekend_share = share of orders on Saturday or Sunday.
 */
function velocityColumns(): string[] {
  return [
    'o.orders_last AS orders_last_window',
    'o.orders_prev AS orders_prev_window',
    'CASE WHEN o.orders_last + o.orders_prev = 0 THEN 0 ELSE (o.orders_last - o.orders_prev) / (o.orders_last + o.orders_prev) END AS velocity_trend',
  ];
}

/**
 * category_breadth = distinct categories of purchase lines; category_depth = lines of the top category / lines with a category.
 * DuckDB counts with one histogram per customer (4× faster than grouping by customer and category on
 * 10M lines); PostgreSQL groups twice. Both are exact counts.
 */
function categoryCte(d: Dialect): string {
  if (d.name === 'duckdb')
    return `cat_hist AS (
  SELECT customer_id, map_values(histogram(category)) AS h FROM lines WHERE is_cancel = 0 AND category IS NOT NULL GROUP BY customer_id
),
cats AS (
  SELECT customer_id, CAST(len(h) AS DOUBLE) AS category_breadth, CAST(list_max(h) AS DOUBLE) / CAST(list_sum(h) AS DOUBLE) AS category_depth FROM cat_hist
)`;
  return `cat_counts AS (
  SELECT customer_id, category, CAST(COUNT(*) AS ${d.double}) AS n FROM lines WHERE is_cancel = 0 AND category IS NOT NULL GROUP BY customer_id, category
),
cats AS (
  SELECT customer_id, CAST(COUNT(*) AS ${d.double}) AS category_breadth, MAX(n) / SUM(n) AS category_depth FROM cat_counts GROUP BY customer_id
)`;
}

/** cancel_rate = cancelled orders / (purchase orders + cancelled orders); cancelled orders = distinct order keys of cancellation lines. */
function cancelCte(d: Dialect): string {
  return `cancels AS (
  SELECT customer_id, CAST(COUNT(DISTINCT order_key) AS ${d.double}) AS cancelled FROM lines WHERE is_cancel = 1 GROUP BY customer_id
)`;
}

/** discount_share = share of purchase lines with discount > 0 (a missing discount counts as none). */
function discountCte(d: Dialect): string {
  return `discounts AS (
  SELECT customer_id, AVG(CASE WHEN discount > 0 THEN ${d.num(1)} ELSE ${d.num(0)} END) AS discount_share FROM lines WHERE is_cancel = 0 GROUP BY customer_id
)`;
}
