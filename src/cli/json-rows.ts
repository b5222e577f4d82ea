/**
 * Customers given as JSON on the command line (`--row '{…}'`, repeatable) or in a JSON lines file
 * (`--rows file.jsonl`); a bad line is named by file and line. Shared by `predict` and `similar`.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Io } from './io.js';
import { resolvePath } from './io.js';
import { SegkitError } from '../errors.js';

/** The JSON objects of `--row` values and a `--rows` file, in order. */
export function readJsonRows(io: Io, row: readonly string[] | undefined, rowsFile: string | undefined): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const parse = (text: string, where: { file?: string; row?: number }) => {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw new SegkitError('E_READ', `${where.file ? `${where.file}, line ${where.row}` : '--row'}: not valid JSON: ${text.slice(0, 80)}`, where);
    }
    if (!v || typeof v !== 'object' || Array.isArray(v))
      throw new SegkitError('E_READ', `${where.file ? `${where.file}, line ${where.row}` : '--row'}: expected a JSON object with one field per column.`, where);
    records.push(v as Record<string, unknown>);
  };
  for (const r of row ?? []) parse(r, {});
  if (rowsFile) {
    let text: string;
    try {
      text = readFileSync(resolvePath(io, rowsFile), 'utf8');
    } catch (e) {
      throw new SegkitError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ', `Cannot read ${rowsFile}: ${(e as Error).message}`, { file: rowsFile });
    }
    text.split(/\r?\n/).forEach((line, i) => line.trim() && parse(line, { file: rowsFile, row: i + 1 }));
  }
  return records;
}
