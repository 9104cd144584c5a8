/**
 * Typed errors with stable snake_case codes. Services throw these; the error plugin turns them into
 * `{"error":{code,message,details}}` with the message in the caller's language.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'bad_request'
  | 'not_logged_in'
  | 'invalid_credentials'
  | 'forbidden_origin'
  | 'phone_has_account'
  | 'uri_too_long'
  | 'headers_too_large'
  | 'kiosk_not_found'
  | 'forbidden'
  | 'not_found'
  | 'venue_not_found'
  | 'check_in_not_found'
  | 'admin_unit_not_found'
  | 'admin_unit_not_lowest_level'
  | 'admin_unit_ambiguous'
  | 'venue_suspended'
  | 'username_taken'
  | 'manager_password_required'
  | 'invalid_checkout_token'
  | 'rate_limited'
  | 'card_not_found'
  | 'subject_ambiguous'
  | 'cccd_invalid'
  | 'card_revoked'
  | 'invalid_holder_token'
  | 'at_in_future'
  | 'at_too_old'
  | 'person_required'
  | 'hotspot_not_found'
  | 'unit_not_found'
  | 'invalid_date_range'
  | 'export_not_found'
  | 'export_not_ready'
  | 'deadline_not_found'
  | 'account_not_found'
  | 'password_change_required'
  | 'current_password_wrong'
  | 'setup_link_invalid'
  | 'setup_done'
  | 'database_unavailable'
  | 'shutting_down'
  | 'storage_full'
  | 'internal_error';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  bad_request: 400,
  not_logged_in: 401,
  invalid_credentials: 401,
  forbidden_origin: 403,
  phone_has_account: 409,
  uri_too_long: 414,
  headers_too_large: 431,
  kiosk_not_found: 404,
  forbidden: 403,
  not_found: 404,
  venue_not_found: 404,
  check_in_not_found: 404,
  admin_unit_not_found: 400,
  admin_unit_not_lowest_level: 400,
  admin_unit_ambiguous: 400,
  venue_suspended: 409,
  username_taken: 409,
  manager_password_required: 400,
  invalid_checkout_token: 403,
  rate_limited: 429,
  card_not_found: 404,
  subject_ambiguous: 409,
  cccd_invalid: 400,
  card_revoked: 409,
  invalid_holder_token: 403,
  at_in_future: 400,
  at_too_old: 400,
  person_required: 400,
  hotspot_not_found: 404,
  unit_not_found: 404,
  invalid_date_range: 400,
  export_not_found: 404,
  export_not_ready: 409,
  deadline_not_found: 404,
  account_not_found: 404,
  password_change_required: 403,
  current_password_wrong: 400,
  setup_link_invalid: 403,
  setup_done: 409,
  database_unavailable: 503,
  shutting_down: 503,
  storage_full: 503,
  internal_error: 500,
};

export interface ErrorDetail {
  path?: string;
  code: string;
  message?: string;
  /** A schema's finding (zod issue with the value it found), worded in the caller's language when answered; never sent. */
  issue?: object;
  /** subject_ambiguous: one of the people a phone or ID number belongs to (API v1.1). */
  fullName?: string;
  birthYear?: number | null;
}

/** When a client may try again (Retry-After) after each kind of unavailability. */
export const DATABASE_RETRY_SECONDS = 5;
export const SHUTDOWN_RETRY_SECONDS = 2;
export const STORAGE_RETRY_SECONDS = 60;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    /** Seconds after which a retry may succeed (429, 503): sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.status = STATUS[code];
  }
}
