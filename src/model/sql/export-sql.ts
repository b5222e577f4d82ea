/**
 * One SQL statement that scores every row of a table inside the database: the saved preprocessing,
 * the clusterer's per-segment scores, the segment (first best, as in-process predict breaks ties),
 * its name, the confidence (confidence.ts), the distance and the runner-up.
 *
 *   src ──> inputs (_i*) ──> features (_f*), codes (_c*) ──> scores (_s*) ──> best, segment ──> output
 *
 * Written as nested SELECTs (no CTE names to collide with the user's), valid in DuckDB and PostgreSQL.
 * Every level ends in OFFSET 0: without it PostgreSQL pulls each subquery up into the next and pastes
 * an alias's whole expression wherever it is used, which grows with every level (a k-means model's
 * query on 103 rows took 27 s in PostgreSQL 15 without the fences, well under a second with them).
 * @module
 */
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { DIALECTS, qualifiedName, safeExp, type Dialect } from '../../data/sql-dialect.js';
import { getClusterer } from '../../cluster/registry.js';
import type { SegmentationModel } from '../artifact.js';
import { decodeState } from '../state-codec.js';
import type { PipelineState } from '../../prep/pipeline.js';
import { pipelineSql } from './pipeline-sql.js';

/** Options of {@link exportSql}. */
export interface ExportSqlOptions {
  /** 'duckdb' or 'postgres'. */
  dialect: Dialect['name'];
  /** Table (or `schema.table`) holding the customers. **Default:** `'customers'`. */
  table?: string;
  /** Customer ID column. **Default:** the model's ID column, else a row number. */
  idColumn?: string;
}

/**
 * The scoring SELECT for `model`.
 * @throws {SegkitError} E_OPTION for an unknown dialect, a method or a step without a SQL form.
 */
export function exportSql(model: SegmentationModel, o: ExportSqlOptions): string {
  const d = DIALECTS[o.dialect];
  if (!d) throw new SegkitError('E_OPTION', msg.keywordUnknown('SQL dialect', o.dialect, Object.keys(DIALECTS)), { field: 'dialect' });
  const clusterer = getClusterer(model.clusterer.method);
  if (!clusterer.sqlScores) throw new SegkitError('E_OPTION', msg.noSqlForMethod(model.clusterer.method), { field: 'method' });
  // The ECOD detector compares each value with the training ECDFs; that lookup is not compiled to SQL.
  if (model.outliers) throw new SegkitError('E_OPTION', msg.noSqlForOutliers(), { field: 'outliers' });
  const pipeline = decodeState(model.pipeline) as PipelineState;
  const p = pipelineSql(pipeline, d);
  const fAlias = p.features.map((_, j) => d.ident(`_f${j}`));
  const cAlias = p.codes.map((_, j) => d.ident(`_c${j}`));
  const scores = clusterer.sqlScores(decodeState(model.clusterer.state), { features: fAlias, codes: cAlias }, d);
  const k = scores.exprs.length;
  const s = (j: number) => d.ident(`_s${j}`);
  const idCol = o.idColumn ?? model.manifest.idColumn;
  const id = idCol ? `CAST(${d.ident(idCol)} AS VARCHAR)` : 'CAST(row_number() OVER () AS VARCHAR)';
  const table = qualifiedName(d, o.table ?? 'customers');
  const all = Array.from({ length: k }, (_, j) => s(j));
  const best = scores.kind === 'distance' ? `LEAST(${all.join(', ')})` : `GREATEST(${all.join(', ')})`;
  // First segment whose score equals the best, as the in-process loops (strict comparison) pick.
  const segment = k === 1 ? '0' : `CASE ${all.map((a, j) => `WHEN ${a} = "_best" THEN ${j}`).join(' ')} END`;
  // Mixtures rank the runner-up by posterior, as in-process predict does: far from every component the
  // other posteriors underflow to 0 together, and the first of them is the runner-up.
  const rank = (j: number) => (scores.kind === 'distance' ? s(j) : safeExp(`${s(j)} - "_best"`, d));
  const excluded = (j: number) => `CASE WHEN "segment" = ${j} THEN ${d.num(scores.kind === 'distance' ? Infinity : -Infinity)} ELSE ${rank(j)} END`;
  const second = k === 1 ? d.num(scores.kind === 'distance' ? Infinity : -Infinity) : `${scores.kind === 'distance' ? 'LEAST' : 'GREATEST'}(${Array.from({ length: k }, (_, j) => excluded(j)).join(', ')})`;
  const runnerUp = k === 1 ? 'CAST(NULL AS INTEGER)' : `CASE ${Array.from({ length: k }, (_, j) => `WHEN "segment" <> ${j} AND ${rank(j)} = "_second" THEN ${j}`).join(' ')} END`;
  const names = model.segments.map((g) => `WHEN ${g.id} THEN ${d.lit(g.name)}`).join(' ');
  let confidence: string, distance: string;
  if (scores.kind === 'distance') {
    const r = (e: string) => (scores.reported === 'sqrt' ? `sqrt(${e})` : e);
    distance = r('"_best"');
    // marginConfidence: 1 with one segment, 0 on a tie at distance 0, else clamp(1 − d₁/d₂).
    confidence = `CASE WHEN "_second" = ${d.num(Infinity)} THEN ${d.num(1)} WHEN NOT (${r('"_second"')} > ${d.num(0)}) THEN ${d.num(0)} ELSE GREATEST(${d.num(0)}, LEAST(${d.num(1)}, ${d.num(1)} - ${r('"_best"')} / ${r('"_second"')})) END`;
  } else {
    distance = `CAST(NULL AS ${d.double})`;
    // Posterior of the best segment: 1 / Σ_j exp(s_j − best), the log-sum-exp form that never overflows.
    confidence = `${d.num(1)} / (${all.map((a) => safeExp(`${a} - "_best"`, d)).join(' + ')})`;
  }
  const lines = [
    `-- segkit ${model.manifest.segkitVersion}: segments of ${model.manifest.method} model (${k} segments) fitted on ${model.manifest.source.replace(/\n/g, ' ')}`,
    `-- dialect ${d.name}; every row of ${table} gets its segment, confidence, distance and runner-up.`,
    'SELECT "customer_id", "segment",',
    `  CASE "segment" ${names} END AS "segment_name",`,
    `  ${confidence} AS "confidence",`,
    `  ${distance} AS "distance",`,
    `  ${runnerUp} AS "runner_up"`,
    'FROM (',
    `  SELECT *, ${second} AS "_second"`,
    '  FROM (',
    `    SELECT *, ${segment} AS "segment"`,
    '    FROM (',
    `      SELECT *, ${best} AS "_best"`,
    '      FROM (',
    `        SELECT "customer_id", ${scores.exprs.map((e, j) => `${e} AS ${s(j)}`).join(',\n          ')}`,
    '        FROM (',
    ...(scores.prelude ?? []).slice().reverse().map((level) => `          SELECT *${level.map((c) => `, ${c.expr} AS ${d.ident(c.alias)}`).join('')}\n          FROM (`),
    `          SELECT "customer_id"${[...p.features.map((e, j) => `${e} AS ${fAlias[j]}`), ...p.codes.map((e, j) => `${e} AS ${cAlias[j]}`)].map((x) => `,\n            ${x}`).join('')}`,
    '          FROM (',
    // Whole-matrix steps (prune, weights, PCA) read the per-column features from one level below.
    ...(p.prepared ? [`          SELECT *${p.prepared.map((f) => `,\n            ${f.expr} AS ${d.ident(f.alias)}`).join('')}`, '          FROM ('] : []),
    `            SELECT ${id} AS "customer_id"${p.inputs.map((i) => `,\n              ${i.expr} AS ${d.ident(i.alias)}`).join('')}`,
    `            FROM ${table}`,
    '          ) AS "_inputs"',
    ...(p.prepared ? ['          OFFSET 0) AS "_prepared"'] : []),
    ...(scores.prelude ?? []).map((_, l) => `          ${l === 0 ? '' : 'OFFSET 0 '}) AS "_stage${l}"`),
    '        OFFSET 0) AS "_features"',
    '      OFFSET 0) AS "_scores"',
    '    OFFSET 0) AS "_best_score"',
    '  OFFSET 0) AS "_segment"',
    'OFFSET 0) AS "_second_score";',
  ];
  return lines.join('\n') + '\n';
}
