"""The pandas equivalent of `segkit features` for bench/features.bench.ts (the same formulas as
src/features/feature-sql.ts for the columns customer, date, amount, invoice, category; as-of = the day
after the last transaction; velocity window 90 days). Args: transactions.csv out.csv. Prints a JSON line
with the customer count and the seconds spent after reading the CSV ("inner")."""
import json
import sys
import time

import pandas as pd

src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, dtype={'customer_id': str, 'invoice': str, 'category': str}, parse_dates=['ts'])
t0 = time.perf_counter()
as_of = df['ts'].max().normalize() + pd.Timedelta(days=1)
orders = df.groupby(['customer_id', 'invoice'], sort=False).agg(ts=('ts', 'min'), value=('amount', 'sum')).reset_index()
orders = orders.sort_values(['customer_id', 'ts', 'invoice'])
orders['gap'] = orders.groupby('customer_id')['ts'].diff().dt.total_seconds() / 86400
orders['day'] = orders['ts'].dt.normalize()
orders['weekend'] = orders['ts'].dt.dayofweek >= 5
hour = orders['ts'].dt.hour
for name, a, b in (('night', 0, 6), ('morning', 6, 12), ('afternoon', 12, 18), ('evening', 18, 24)):
    orders[name] = (hour >= a) & (hour < b)
w = pd.Timedelta(days=90)
orders['last'] = orders['ts'] >= as_of - w
orders['prev'] = (orders['ts'] >= as_of - 2 * w) & (orders['ts'] < as_of - w)
g = orders.groupby('customer_id')
f = pd.DataFrame({
    'recency_days': (as_of - g['day'].max()).dt.days.astype(float),
    'frequency': g.size().astype(float),
    'monetary_total': g['value'].sum(),
    'tenure_days': (as_of - g['day'].min()).dt.days.astype(float),
    'ipi_mean_days': g['gap'].mean(),
    'ipi_std_days': g['gap'].std(ddof=0),
    'orders_last_window': g['last'].sum().astype(float),
    'orders_prev_window': g['prev'].sum().astype(float),
    'weekend_share': g['weekend'].mean(),
    'daypart_night': g['night'].mean(), 'daypart_morning': g['morning'].mean(),
    'daypart_afternoon': g['afternoon'].mean(), 'daypart_evening': g['evening'].mean(),
})
f['monetary_avg'] = f['monetary_total'] / f['frequency']
s = f['orders_last_window'] + f['orders_prev_window']
f['velocity_trend'] = ((f['orders_last_window'] - f['orders_prev_window']) / s).where(s > 0, 0.0)
cats = df.groupby(['customer_id', 'category']).size()
c = cats.groupby(level=0).agg(['size', 'max', 'sum'])
f['category_breadth'] = c['size'].astype(float)
f['category_depth'] = c['max'] / c['sum']
inner = time.perf_counter() - t0
f.to_csv(out, index_label='customer_id')
print(json.dumps({'customers': int(len(f)), 'inner': inner}))
