/**
 * Sniffs a delimited text file from its first bytes: separator, header, header names. DuckDB's own
 * sniffer skips ragged rows silently (it picked a 4-field line of a 3-column file here), so we
 * decide the layout ourselves and let DuckDB parse strictly with it.
 * @module
 */
import { openSync, readSync, closeSync } from 'node:fs';

/** What the sniffer decided. */
export interface TextLayout {
  /** A single character, or 'whitespace' for runs of spaces/tabs (fixed-width files). */
  readonly sep: string;
  readonly header: boolean;
  /** Column names (from the header, or column1…columnN). */
  readonly names: readonly string[];
  /** Line terminator seen first. */
  readonly crlf: boolean;
}

const CANDIDATES = [',', ';', '\t', '|'];

/** Reads up to 64 KiB of `path`; returns null for an empty file, 'binary' for a file with NUL bytes. */
export function headBytes(path: string): string | null | 'binary' {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n === 0) return null;
    if (buf.subarray(0, n).includes(0)) return 'binary';
    return buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/** Splits one line by `sep`, honouring double quotes. */
export function splitLine(line: string, sep: string): string[] {
  if (sep === 'whitespace') return line.trim().split(/\s+/);
  const out: string[] = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === sep) out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Decides the layout from the head of the file. `sep` and `header` override the sniffing. */
export function sniffText(head: string, sep?: string, header?: boolean): TextLayout {
  const crlf = /\r\n/.test(head.slice(0, head.indexOf('\n') + 1));
  // Drop a possibly cut last line.
  const lines = head.split(/\r?\n/).slice(0, head.length >= 65536 ? -1 : undefined).filter((l) => l.trim() !== '').slice(0, 50);
  const chosen = sep === undefined ? pickSeparator(lines) : sep === '\\t' || sep === 'tab' ? '\t' : sep === ' ' ? 'whitespace' : sep;
  const first = lines.length > 0 ? splitLine(lines[0], chosen).map((s) => s.trim()) : [];
  const hasHeader = header ?? !first.every((f) => f !== '' && Number.isFinite(Number(f)));
  const names = hasHeader ? uniqueNames(first) : first.map((_, j) => `column${j + 1}`);
  return { sep: chosen, header: hasHeader, names, crlf };
}

function pickSeparator(lines: string[]): string {
  let best = '', bestScore = 0;
  for (const c of CANDIDATES) {
    const counts = lines.map((l) => splitLine(l, c).length);
    const fields = counts[0] ?? 1;
    if (fields < 2) continue;
    const consistent = counts.filter((n) => n === fields).length / counts.length;
    const score = consistent * fields;
    if (consistent >= 0.8 && score > bestScore) (best = c), (bestScore = score);
  }
  if (best) return best;
  // Fixed-width files (cdnow): fields separated by runs of blanks, the same number on every line.
  const ws = lines.map((l) => l.trim().split(/\s+/).length);
  if (ws.length > 0 && ws[0] > 1 && ws.every((n) => n === ws[0])) return 'whitespace';
  return ',';
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, j) => {
    const base = raw === '' ? `column${j + 1}` : raw;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}_${count + 1}`;
  });
}
