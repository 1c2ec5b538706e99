/**
 * Every error the platform can answer with, and its HTTP status. One table: the server maps a code to a
 * status here and nowhere else; the message catalogues (`i18n/error-messages.ts`) give each code its text.
 */
export const ERROR_STATUS = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.unknown_field': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.csrf_failed': 403,
  'auth.forbidden': 403,
  'auth.password_too_weak': 400,
  'auth.wrong_password': 400,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'registry.uscc_unconfirmed': 422,
  'registry.duplicate_uscc': 409,
  'registry.duplicate_licence': 409,
  'registry.duplicate_product': 409,
  'registry.licence_category_mismatch': 422,
  'registry.out_of_jurisdiction': 422,
  'import.invalid_file': 400,
  'import.not_found': 404,
  'import.already_applied': 409,
  'import.has_errors': 422,
  'internal': 500,
  'unavailable': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
