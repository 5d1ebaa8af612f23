import type { FastifyError, FastifyInstance } from 'fastify';

/** Fastify's own error codes, as the stable codes integrators see. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Errors outside GraphQL (bad JSON, oversized bodies, rate limits, a failing route) answer
 * `{ code, message, requestId }`. A 4xx keeps its message, which was written for the caller; a
 * 5xx is logged in full and answered with a fixed message, so nothing internal leaks.
 */
export function registerHttpErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status =
      typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err }, 'unexpected error in route');
      return reply.code(status).send({
        code: status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR',
        message: 'An unexpected error occurred. It has been logged; quote the request id when reporting it.',
        requestId: req.id,
      });
    }
    const code =
      FASTIFY_CODES[err.code] ??
      (err.code && /^[A-Z][A-Z_]+$/.test(err.code) && !err.code.startsWith('FST_') ? err.code : undefined) ??
      STATUS_CODES[status] ??
      'BAD_REQUEST';
    if (status === 429) req.log.warn({ code }, 'rate limited');
    return reply.code(status).send({ code, message: err.message, requestId: req.id });
  });
}
