import { ValidationError } from '../errors';

/** Cursors are opaque to clients: base64url of a small JSON value. */
export const encodeCursor = (value: unknown): string =>
  btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

/** Decodes a cursor and checks its shape; anything else is 400 on `path`. */
export const decodeCursor = <T>(
  cursor: string,
  path: string,
  isValid: (v: unknown) => v is T,
): T => {
  try {
    const value: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    if (isValid(value)) return value;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path, message: 'not a cursor this API returned' }]);
};
