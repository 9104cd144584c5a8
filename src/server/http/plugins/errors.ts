/**
 * The one error handler: typed AppErrors, schema validation failures and Fastify's own client errors
 * become `{"error":{code,message,details,requestId}}` with a 4xx status and a translated message;
 * anything else is logged and answered as a bare 500 without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorDetail } from '../../errors.js';
import { languageOf, messageFor } from '../messages.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const lang = languageOf(request.headers['accept-language']);
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: messageFor(error.code, lang),
      details: error.details,
      requestId: request.id,
    },
  });
}

function toAppError(err: FastifyError): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details: ErrorDetail[] = err.validation.map((v) => ({
      path: [v.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join('') || undefined,
      code: String(
        v.params?.issue && typeof v.params.issue === 'object'
          ? (v.params.issue as { code?: string }).code
          : v.keyword,
      ),
      message: v.message,
    }));
    return new AppError('validation_failed', details);
  }
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (err instanceof SyntaxError) return new AppError('invalid_json');
  if (err.statusCode === 429) return new AppError('rate_limited');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('bad_request');
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (appError) return sendError(request, reply, appError);
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, new AppError('internal_error'));
  });
}
