/**
 * One error type for the whole application. Services throw AppError with a code; the HTTP layer
 * maps codes to status codes in one place (src/http/error-handler.ts). Messages are Chinese and
 * are shown to users as they are; never put personal data or stack traces in them.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'locked'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media'
  | 'internal';

/** A problem with one input field: shown in the error summary and next to the field. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(problems: FieldProblem[], message = '提交的内容有误，请按提示修改'): AppError {
    return new AppError('validation', message, problems);
  }
  static notFound(what = '页面'): AppError {
    return new AppError('not_found', `找不到该${what}`);
  }
  static forbidden(message = '您没有执行此操作的权限'): AppError {
    return new AppError('forbidden', message);
  }
  static conflict(message: string): AppError {
    return new AppError('conflict', message);
  }
}

/**
 * HTTP status for each error code: the single mapping used at the boundary, by the error page and by
 * every form shown again (http/forms.ts#formRejection). A refused workflow step (invalid_transition) is
 * a conflict with the record's current state: 409, like a stale edit (conflict).
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  locked: 423,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media: 415,
  internal: 500,
};

/** Codes a form answers by showing itself again with the problems listed, instead of an error page. */
export const FORM_REDISPLAY_CODES: readonly ErrorCode[] = ['validation', 'conflict', 'invalid_transition'];

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
