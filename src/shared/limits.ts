/**
 * The limits of what people type, one list for the API's validation and every form's maxLength
 * (zod-free: the tiny check-in page uses it too).
 */

/** Longest free-text name we store (venue names, person names): fits a poster line and a CSV cell. */
export const MAX_NAME_LENGTH = 200;
/** Longest street address. */
export const MAX_ADDRESS_LENGTH = 300;
/** Longest password accepted (argon2 cost is independent of length, but we bound request size). */
export const MAX_PASSWORD_LENGTH = 200;
/** Shortest password for any account. */
export const MIN_PASSWORD_LENGTH = 8;
/** Biggest capacity a venue may declare (a stadium). */
export const MAX_VENUE_CAPACITY = 200_000;
/** Longest ID number typed (CCCD 12 digits, CMND 9, passports up to 20 characters). */
export const MAX_ID_NUMBER_LENGTH = 20;
/** Most doses of vaccine a declaration can state. */
export const MAX_VACCINE_DOSES = 10;
/** Birth years a form accepts. */
export const FIRST_BIRTH_YEAR = 1900;
export const LAST_BIRTH_YEAR = 2100;
/** Longest phone number as typed (spaces, +84 and all). */
export const MAX_PHONE_INPUT_LENGTH = 20;
