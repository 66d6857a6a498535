import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { core } from 'zod/mini';
import {
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type FieldIssue,
} from '../shared/api/errors';

/**
 * A refusal the API explains to the caller. Services throw these; the one `onError` mapper
 * turns them into `{"error": {code, message, details?}}` with the code's status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'A valid API token is required: Authorization: Bearer <token>.') {
    super('unauthorized', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this.') {
    super('forbidden', message);
  }
}
export class NotFoundError extends DomainError {
  constructor(what = 'Resource') {
    super('not_found', `${what} not found.`);
  }
}
export class ValidationError extends DomainError {
  constructor(details: FieldIssue[], message = 'The request is not valid.') {
    super('validation_failed', message, details);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('conflict', message, details);
  }
}
export class InvalidTransitionError extends DomainError {
  constructor(message: string, details: unknown) {
    super('invalid_transition', message, details);
  }
}
export class PreconditionFailedError extends DomainError {
  constructor(currentVersion?: number) {
    super(
      'precondition_failed',
      'The record changed since you read it; fetch it again and retry.',
      currentVersion === undefined ? undefined : { currentVersion },
    );
  }
}
export class PreconditionRequiredError extends DomainError {
  constructor() {
    super('precondition_required', 'Send If-Match: "<version>" with the version you last read.');
  }
}
export class PayloadTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('payload_too_large', `The request body is larger than ${maxBytes} bytes.`, { maxBytes });
  }
}
export class UnsupportedMediaTypeError extends DomainError {
  constructor(expected: string[]) {
    super('unsupported_media_type', `Send the body as ${expected.join(' or ')}.`, { expected });
  }
}
export class PiiDetectedError extends DomainError {
  constructor(details: { path: string; kind: string }[]) {
    super(
      'pii_detected',
      'A free-text field contains what looks like a document or bank card number; it was not stored.',
      details,
    );
  }
}
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body.',
    );
  }
}
export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      'rate_limited',
      'Too many failed authentication attempts; try again later.',
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

/** Zod issues as `{path: 'a.b', message}` (the root is ''). */
export const zodIssues = (error: core.$ZodError, prefix: (string | number)[] = []): FieldIssue[] =>
  error.issues.map((i) => ({
    path: [...prefix, ...i.path].map(String).join('.'),
    message: i.message,
  }));

export const errorBody = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const codeForStatus = (status: number): ErrorCode => {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    default:
      return 'internal';
  }
};

/** The one error mapper (`app.onError`): domain errors keep their code; anything else is 500. */
export const onError = (err: Error, c: Context): Response => {
  if (err instanceof DomainError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(
      errorBody(err.code, err.message, err.details),
      ERROR_STATUS[err.code] as ContentfulStatusCode,
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = codeForStatus(err.status);
    const details = code === 'validation_failed' ? [{ path: '', message: err.message }] : undefined;
    return c.json(
      errorBody(code, err.message, details),
      ERROR_STATUS[code] as ContentfulStatusCode,
    );
  }
  // Logged for the operator; the caller never sees a stack or SQL.
  console.error('unhandled error', err);
  return c.json(errorBody('internal', 'Something went wrong on our side.'), 500);
};
