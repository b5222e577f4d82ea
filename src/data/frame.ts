/**
 * Frame: a table of named, typed columns as read from a source, before preprocessing.
 * Numeric-like columns hold a Float64Array (NaN = missing); text columns hold strings (null = missing).
 * @module
 */

/** What a column holds, as inferred by `data/schema.ts` or forced by the user. */
export type ColumnKind = 'id' | 'numeric' | 'categorical' | 'boolean' | 'date';

/** Numbers (numeric), 0/1 (boolean) or days since 1970-01-01 (date); NaN = missing. */
export interface NumericColumn {
  readonly name: string;
  readonly kind: 'numeric' | 'boolean' | 'date';
  readonly values: Float64Array;
}

/** Text values (categorical levels or identifiers); null = missing. */
export interface TextColumn {
  readonly name: string;
  readonly kind: 'categorical' | 'id';
  readonly values: readonly (string | null)[];
}

export type Column = NumericColumn | TextColumn;

/** A table read from a source. Every column has `rows` values. */
export interface Frame {
  /** Where the data came from (file path or source description), used in error messages. */
  readonly source: string;
  readonly rows: number;
  readonly columns: readonly Column[];
}

/** Type guard: the column stores numbers. */
export function isNumericColumn(c: Column): c is NumericColumn {
  return c.kind === 'numeric' || c.kind === 'boolean' || c.kind === 'date';
}

/** Finds a column by exact name. */
export function findColumn(frame: Frame, name: string): Column | undefined {
  return frame.columns.find((c) => c.name === name);
}

/** Builds a frame from plain row objects (library callers, `predict --row`, tests). Kinds are inferred simply:
 * a column whose non-missing values are all numbers (or numeric strings) is numeric, else categorical. */
export function frameFromRecords(records: readonly Record<string, unknown>[], source = 'rows'): Frame {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), names.push(k));
  const columns: Column[] = names.map((name) => {
    const raw = records.map((r) => r[name]);
    const isNum = raw.every((v) => v === null || v === undefined || v === '' || typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) || typeof v === 'boolean');
    if (isNum && raw.some((v) => v !== null && v !== undefined && v !== '')) {
      const values = new Float64Array(raw.length);
      raw.forEach((v, i) => (values[i] = v === null || v === undefined || v === '' ? NaN : Number(v)));
      return { name, kind: 'numeric', values };
    }
    return { name, kind: 'categorical', values: raw.map((v) => (v === null || v === undefined || v === '' ? null : String(v))) };
  });
  return { source, rows: records.length, columns };
}
