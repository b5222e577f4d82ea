/**
 * Decides how to read a text date column: counts the values of each layout in one SQL pass,
 * chooses day-first or month-first for slash dates, and reports mixed layouts with counts and
 * examples (as a warning: each value is still read in the layout it matches).
 * @module
 */
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { DATE_REGEX } from '../data/sql-dialect.js';
import type { SqlEngine } from './sql-engine.js';
import { slashText, type DateReading, type StoredType } from './transaction-lines-sql.js';

const LAYOUT_NAMES = { iso: 'ISO (2011-01-05)', yyyymmdd: 'YYYYMMDD', slash: 'slash (1/5/2011)' } as const;

/** How to read the date column, plus warnings. Dates stored as dates or numbers need no detection. */
export async function inspectDates(
  e: SqlEngine, column: string, type: StoredType, format: DateReading['format'], source: string,
): Promise<{ reading: DateReading; warnings: SegkitWarning[] }> {
  if (type !== 'text' || format === 'iso' || format === 'yyyymmdd' || format === 'mdy' || format === 'dmy')
    return { reading: { format: type === 'text' ? format : 'auto', slashOrder: format === 'dmy' ? 'dmy' : 'mdy' }, warnings: [] };
  const d = e.dialect;
  const raw = `NULLIF(trim(${d.asText(d.ident(column))}), '')`;
  const isSlash = d.fullMatch('s', DATE_REGEX.mdy);
  const part = (k: number) => `CAST(split_part(split_part(s, ' ', 1), '/', ${k}) AS INTEGER)`;
  const counts = (await e.rows(`SELECT
    SUM(CASE WHEN r IS NULL THEN 0 ELSE 1 END) AS n,
    SUM(CASE WHEN ${d.fullMatch('r', DATE_REGEX.iso)} THEN 1 ELSE 0 END) AS iso,
    SUM(CASE WHEN ${d.fullMatch('r', DATE_REGEX.yyyymmdd)} THEN 1 ELSE 0 END) AS yyyymmdd,
    SUM(CASE WHEN ${isSlash} THEN 1 ELSE 0 END) AS slash,
    SUM(CASE WHEN ${isSlash} THEN CASE WHEN ${part(1)} > 12 THEN 1 ELSE 0 END ELSE 0 END) AS first_gt12,
    SUM(CASE WHEN ${isSlash} THEN CASE WHEN ${part(2)} > 12 THEN 1 ELSE 0 END ELSE 0 END) AS second_gt12
    FROM (SELECT r, ${slashText(d, 'r')} AS s FROM (SELECT ${raw} AS r FROM tx_source) a) b`))[0];
  const n = (k: string) => Number(counts[k] ?? 0);
  const example = async (cond: string) =>
    (await e.rows(`SELECT r FROM (SELECT r, ${slashText(d, 'r')} AS s FROM (SELECT ${raw} AS r FROM tx_source) a) b WHERE ${cond} LIMIT 1`)).map((x) => String(x.r))[0] ?? '';
  if (n('first_gt12') > 0 && n('second_gt12') > 0) {
    const dayFirst = await example(`CASE WHEN ${isSlash} THEN ${part(1)} > 12 ELSE FALSE END`);
    const monthFirst = await example(`CASE WHEN ${isSlash} THEN ${part(2)} > 12 ELSE FALSE END`);
    throw new SegkitError('E_DATA_TYPE', msg.txSlashOrderMixed(column, dayFirst, monthFirst), { file: source, column }, 'Add --date-format mdy or --date-format dmy.');
  }
  const reading: DateReading = { format: 'auto', slashOrder: n('first_gt12') > 0 ? 'dmy' : 'mdy' };
  const found = { [LAYOUT_NAMES.iso]: n('iso'), [LAYOUT_NAMES.yyyymmdd]: n('yyyymmdd'), [LAYOUT_NAMES.slash]: n('slash') };
  const matched = n('iso') + n('yyyymmdd') + n('slash');
  if (n('n') > 0 && matched === 0) {
    const ex = (await e.rows(`SELECT DISTINCT r FROM (SELECT ${raw} AS r FROM tx_source) a WHERE r IS NOT NULL LIMIT 3`)).map((x) => String(x.r));
    throw new SegkitError('E_DATA_TYPE', msg.txNoDates(source, column, ex), { file: source, column });
  }
  const warnings: SegkitWarning[] = [];
  if (Object.values(found).filter((c) => c > 0).length > 1) {
    const examples = [
      n('iso') > 0 ? await example(d.fullMatch('r', DATE_REGEX.iso)) : null,
      n('yyyymmdd') > 0 ? await example(d.fullMatch('r', DATE_REGEX.yyyymmdd)) : null,
      n('slash') > 0 ? await example(isSlash) : null,
    ].filter((x): x is string => x !== null);
    warnings.push({ code: 'W_MIXED_DATES', message: msg.txMixedDates(column, found, examples) });
  }
  return { reading, warnings };
}
