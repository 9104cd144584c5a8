/**
 * The one error handler: typed AppErrors, schema validation failures, Fastify's router errors and
 * Node's HTTP parser errors all become `{"error":{code,message,details,requestId}}` with a 4xx status
 * and a message in the caller's language; anything else is logged and answered as a bare 500 without
 * internals.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, DATABASE_RETRY_SECONDS, type ErrorCode, type ErrorDetail } from '../../errors.js';
import { unavailability } from '../../services/health.js';
import { detailFor, languageOf, messageFor } from '../messages.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'not_found',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
};

/** Node's HTTP parser errors (before any request object exists). */
const PARSER_CODES: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: 'headers_too_large',
  HPE_URI_TOO_LONG: 'uri_too_long',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'payload_too_large',
};

function errorBody(error: AppError, acceptLanguage: string | undefined, requestId: string) {
  const lang = languageOf(acceptLanguage);
  return {
    error: {
      code: error.code,
      message: messageFor(error.code, lang),
      details: error.details.map((d) => detailFor(d, lang)),
      requestId,
    },
  };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply
    .status(error.status)
    .header('cache-control', 'no-store')
    .send(errorBody(error, request.headers['accept-language'], request.id));
}

function validationError(err: FastifyError, request: FastifyRequest): AppError {
  // A path parameter that cannot be an id or a code names nothing: not found (never a schema hint).
  if (err.validationContext === 'params') return new AppError('not_found');
  const checked: unknown = err.validationContext === 'querystring' ? request.query : request.body;
  // fastify-type-provider-zod gives each zod issue as {keyword: code, instancePath, message, params: the rest}.
  const details: ErrorDetail[] = (err.validation ?? []).map((v) => {
    const steps = v.instancePath.split('/').filter(Boolean);
    return {
      path: steps.join('.') || undefined,
      code: v.keyword,
      message: v.message,
      // The issue again, with the value found, for a wording such as "expected a number, received text".
      issue: { ...v.params, code: v.keyword, path: steps, input: valueAt(checked, steps) },
    };
  });
  return new AppError('validation_failed', details);
}

function valueAt(value: unknown, steps: readonly string[]): unknown {
  return steps.reduce<unknown>(
    (at, step) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[step] : undefined),
    value,
  );
}

function toAppError(err: FastifyError, request: FastifyRequest): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) return validationError(err, request);
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (err instanceof SyntaxError) return new AppError('invalid_json');
  if (err.statusCode === 429) return new AppError('rate_limited');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('bad_request');
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err, request);
    if (appError) return sendError(request, reply, appError);
    const down = unavailability(err);
    if (down) {
      request.log.warn({ reason: down.reason }, 'database unavailable');
      return sendError(request, reply, new AppError('database_unavailable', [], DATABASE_RETRY_SECONDS));
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, new AppError('internal_error'));
  });
}

/** Fastify's router errors (bad percent-encoding, a path parameter over the router's limit). */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return sendError(request, reply, toAppError(err, request) ?? new AppError('bad_request'));
}

/** Errors of Node's HTTP parser (a too-long URL or header, garbage on the wire): the same shape. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  if (!socket.writable) return socket.destroy();
  const error = new AppError((err.code ? PARSER_CODES[err.code] : undefined) ?? 'bad_request');
  const body = JSON.stringify(errorBody(error, undefined, randomUUID()));
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  );
}
