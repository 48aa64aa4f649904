import type { AppError, ErrorCode, Failure, Result } from '../contract';
import { JiraError } from '../adapters/jira/errors';
import { isStorageOutage } from '../adapters/storage/storage-outage';

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** A step's outcome inside a resolver: a value, or a failure that any `Result<T>` can pass on. */
export type Outcome<T> = { ok: true; value: T } | Failure<never>;

export const fail = (code: ErrorCode, message: string, field?: string): Failure<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Not the user's doing and not worth a retry: the installed app lacks a permission Forge checks. */
export const scopeMissingError: AppError = {
  code: 'scope-missing',
  message: 'Throughline is not allowed to read this from Jira: the installed version lacks a permission it needs. Ask a Jira admin to update the app.',
};

/**
 * Storage failed mid-call. Not the user's doing and worth a retry: writes that must go together
 * share one transaction, and every write is guarded by the version the caller read, so repeating
 * the call cannot apply a change twice.
 */
export const storageUnavailableError: AppError = {
  code: 'storage-unavailable',
  message: 'Throughline’s storage did not answer. Try again in a moment.',
};

/**
 * Expected failures become values the UI can show; anything else is a bug and keeps throwing, so
 * Forge logs it and the UI shows its generic failure.
 */
export function expectedError(error: unknown): AppError | undefined {
  if (isStorageOutage(error)) return storageUnavailableError;
  if (!(error instanceof JiraError)) return undefined;
  switch (error.kind) {
    case 'scope-missing':
      return scopeMissingError;
    case 'unauthenticated':
    case 'forbidden':
      return { code: 'forbidden', message: 'Jira says you do not have permission to do this.' };
    case 'not-found':
      return { code: 'not-found', message: 'Jira could not find it, or you do not have permission to see it.' };
    case 'bad-request':
      return { code: 'invalid', message: error.messages.join(' ') || 'Jira did not accept the request.' };
    case 'conflict':
      return { code: 'conflict', message: 'Jira reports a conflicting change. Reload and try again.' };
    case 'rate-limited':
      return { code: 'rate-limited', message: 'Jira is busy right now (rate limited). Try again in a minute.' };
    // One code (the UI offers a retry for each), but said as it happened: an answer that came at
    // once and could not be read is not a timeout.
    case 'unavailable':
      return { code: 'jira-unavailable', message: 'Jira is not available right now. Try again in a moment.' };
    case 'out-of-time':
      return { code: 'jira-unavailable', message: 'Jira did not answer in time. Try again in a moment.' };
    case 'malformed':
      return { code: 'jira-unavailable', message: 'Jira answered, but not in a form Throughline can read. Try again; if it keeps happening, tell your Jira administrator.' };
  }
}

/** Runs a handler body and turns expected failures into `{ok:false}` results. */
export async function guarded<T>(body: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await body();
  } catch (error) {
    const appError = expectedError(error);
    if (appError) return { ok: false, error: appError };
    throw error;
  }
}
