/**
 * The dashboard's only way to the server: fetch to the same origin's HTTP API, with the bearer token
 * when the user gave one (kept for the browser tab in sessionStorage). Errors keep the API's body
 * (`{ error: { code, message, where, hint } }`) so pages can mark the field it names.
 */
const TOKEN_KEY = 'segkit-token';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly where: { field?: string; column?: string; row?: number; file?: string } = {},
    readonly hint?: string,
  ) {
    super(message);
  }
  /** The server could not be reached at all. */
  get offline(): boolean {
    return this.status === 0;
  }
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(json: boolean): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return { ...(json ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let r: Response;
  try {
    r = await fetch(path, init);
  } catch {
    throw new ApiError('The segkit server does not answer: it may have been stopped or restarted. Check that it is running (segkit serve), then retry.', 0, 'E_OFFLINE');
  }
  if (r.ok) return r;
  let body: { error?: { code: string; message: string; where?: ApiError['where']; hint?: string } } = {};
  try {
    body = await r.json();
  } catch {}
  const e = body.error;
  throw new ApiError(e?.message ?? `The server answered ${r.status}.`, r.status, e?.code ?? 'E_HTTP', e?.where ?? {}, e?.hint);
}

export async function getJson<T>(path: string): Promise<T> {
  return (await send(path, { headers: headers(false) })).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return (await send(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body) })).json() as Promise<T>;
}

export async function getBlob(path: string): Promise<Blob> {
  return (await send(path, { headers: headers(false) })).blob();
}

export const enc = encodeURIComponent;
