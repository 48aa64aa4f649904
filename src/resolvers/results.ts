import type { AppError, ErrorCode, Failure, Result } from '../contract';
import { JiraError } from '../adapters/jira/errors';
import { isStorageOutage } from '../adapters/storage/storage-outage';
import { say } from '../i18n/server-texts';

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** A step's outcome inside a resolver: a value, or a failure that any `Result<T>` can pass on. */
export type Outcome<T> = { ok: true; value: T } | Failure<never>;

/**
 * `message` is said in the caller's language: build it with `say('area.key', params)` (see
 * src/i18n/server-texts.ts), never an English literal (test/guard/server-strings.test.ts).
 */
export const fail = (code: ErrorCode, message: string, field?: string): Failure<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Not the user's doing and not worth a retry: the installed app lacks a permission Forge checks. */
export const scopeMissingError = (): AppError => ({ code: 'scope-missing', message: say('results.scopeMissing') });

/**
 * Storage failed mid-call. Not the user's doing and worth a retry: writes that must go together
 * share one transaction, and every write is guarded by the version the caller read, so repeating
 * the call cannot apply a change twice.
 */
export const storageUnavailableError = (): AppError => ({ code: 'storage-unavailable', message: say('results.storageUnavailable') });

/**
 * Expected failures become values the UI can show; anything else is a bug and keeps throwing, so
 * Forge logs it and the UI shows its generic failure.
 */
export function expectedError(error: unknown): AppError | undefined {
  if (isStorageOutage(error)) return storageUnavailableError();
  if (!(error instanceof JiraError)) return undefined;
  switch (error.kind) {
    case 'scope-missing':
      return scopeMissingError();
    case 'unauthenticated':
    case 'forbidden':
      return { code: 'forbidden', message: say('results.jiraForbidden') };
    case 'not-found':
      return { code: 'not-found', message: say('results.jiraNotFound') };
    case 'bad-request':
      // Jira's own messages are already in the user's Jira language (it reads their profile locale).
      return { code: 'invalid', message: error.messages.join(' ') || say('results.jiraBadRequest') };
    case 'conflict':
      return { code: 'conflict', message: say('results.jiraConflict') };
    case 'rate-limited':
      return { code: 'rate-limited', message: say('results.jiraRateLimited') };
    // One code (the UI offers a retry for each), but said as it happened: an answer that came at
    // once and could not be read is not a timeout.
    case 'unavailable':
      return { code: 'jira-unavailable', message: say('results.jiraUnavailable') };
    case 'out-of-time':
      return { code: 'jira-unavailable', message: say('results.jiraOutOfTime') };
    case 'malformed':
      return { code: 'jira-unavailable', message: say('results.jiraMalformed') };
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
