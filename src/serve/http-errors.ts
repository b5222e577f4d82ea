/**
 * The one mapping from errors to HTTP responses (STYLE.md G): a SegkitError keeps its JSON form
 * as the body under `error` and gets its status from one table; fastify's own errors (bad JSON,
 * body too large, wrong media type) become SegkitErrors first; anything else is a 500 with a
 * generic message, logged, never with a stack trace in the body.
 * @module
 */
import { SegkitError, isSegkitError, type ErrorCode } from '../errors.js';
import { msg } from '../messages.js';

/** HTTP status per error code. A new code that is not listed here is a compile error. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  E_OPTION: 400,
  E_UNKNOWN_OPTION: 400,
  E_USAGE: 400,
  E_DATA_EMPTY: 400,
  E_DATA_NONFINITE: 400,
  E_DATA_SHAPE: 400,
  E_DATA_TYPE: 400,
  E_DATA_DUPLICATE_ID: 400,
  E_TOO_FEW_ROWS: 400,
  E_FEATURE_MISMATCH: 400,
  E_UNKNOWN_COLUMN: 400,
  E_READ: 400,
  E_UNAUTHORIZED: 401,
  E_NOT_FOUND: 404,
  E_TOO_LARGE: 413,
  // The served model cannot score (a damaged state): the client cannot fix it, but it is not a crash either.
  E_MODEL_FORMAT: 422,
  E_WRITE: 500,
  E_ABORTED: 503,
  // The store: another process holds it (retry later); a newer schema this server cannot read.
  E_STORE_BUSY: 503,
  E_STORE_VERSION: 500,
  E_INTERNAL: 500,
};

/** An error as the API answers it. `internal` marks errors that are not a SegkitError (to be logged). */
export interface ErrorResponse {
  readonly status: number;
  readonly body: { error: ReturnType<SegkitError['toJSON']> };
  readonly internal: boolean;
}

/** Maps any thrown value to a status and a `{ error }` body. */
export function toErrorResponse(e: unknown, request: { bodyLimit: number; contentType?: string }): ErrorResponse {
  const err = isSegkitError(e) ? e : fromFastifyError(e, request);
  if (err) {
    const status = (err as SegkitError & { httpStatus?: number }).httpStatus ?? HTTP_STATUS[err.code];
    return { status, body: { error: err.toJSON() }, internal: false };
  }
  return { status: 500, body: { error: { code: 'E_INTERNAL' as ErrorCode, message: msg.internalError(), where: {} } }, internal: true };
}

/** A SegkitError answered with a status other than its code's (415 for a media type). */
export function withStatus(e: SegkitError, status: number): SegkitError {
  return Object.assign(e, { httpStatus: status });
}

/** fastify's body-parsing errors, by their documented codes. */
function fromFastifyError(e: unknown, request: { bodyLimit: number; contentType?: string }): SegkitError | undefined {
  const code = (e as { code?: unknown })?.code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new SegkitError('E_READ', msg.bodyNotJson(), { field: '(body)' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new SegkitError('E_READ', msg.bodyEmpty(), { field: '(body)' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SegkitError('E_TOO_LARGE', msg.bodyTooLarge(request.bodyLimit), { field: '(body)' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return withStatus(new SegkitError('E_READ', msg.bodyMediaType(request.contentType ?? '(none)'), { field: '(body)' }), 415);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new SegkitError('E_READ', msg.bodyNotJson(), { field: '(body)' });
    default: {
      // JSON.parse errors thrown by fastify's parser (SyntaxError with statusCode 400).
      if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) return new SegkitError('E_READ', msg.bodyNotJson(), { field: '(body)' });
      // Other client errors fastify detects itself (a malformed or too long URL): its message, our shape.
      const status = (e as { statusCode?: unknown })?.statusCode;
      if (typeof code === 'string' && code.startsWith('FST_') && typeof status === 'number' && status >= 400 && status < 500)
        return withStatus(new SegkitError('E_USAGE', msg.badRequest(String((e as Error).message)), { field: 'url' }), status);
      return undefined;
    }
  }
}
