import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';

/** The one error type of the REST API: a status and a message the client can show. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Hono `onError`: every failure becomes `{"error": "..."}` with its status; 5xx are logged. */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HttpError) {
      return c.json({ error: error.message, ...error.details }, error.status);
    }
    if (error instanceof HTTPException) {
      // Raised by Hono's own middleware (body limit ...).
      const status = error.status as ContentfulStatusCode;
      return c.json({ error: error.message || 'request refused' }, status);
    }
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal server error' }, 500);
  };
}
