import { AppError } from '../domain/errors.js';

/** The API layer throws AppError; anything else still reaches the screen as one plain line. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new AppError('other', message || 'Something went wrong.', { cause: err });
}
