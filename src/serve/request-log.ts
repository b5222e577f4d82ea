/**
 * The server's structured log: one JSON object per line, one line per request (method, url,
 * status, ms) plus events (model reloads, internal errors). No bodies, no headers, no tokens.
 * @module
 */

/** Receives one log entry; `jsonLineLog` turns entries into lines. */
export type LogSink = (entry: Record<string, unknown>) => void;

/** A sink that writes each entry as one JSON line with its time, to `write`. */
export function jsonLineLog(write: (line: string) => void): LogSink {
  return (entry) => write(JSON.stringify({ time: new Date().toISOString(), level: 'info', ...entry }) + '\n');
}

/** The request line: what every request leaves in the log. */
export function requestLogEntry(r: { method: string; url: string; status: number; ms: number; model?: string }): Record<string, unknown> {
  return { event: 'request', method: r.method, url: r.url, status: r.status, ms: Math.round(r.ms * 1000) / 1000, ...(r.model ? { model: r.model } : {}) };
}
