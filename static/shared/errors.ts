import type { AppError, Result } from '../../src/contract';
import { platformErrors } from './messages/platform-errors';

/** A failed write as the UI holds it: an expected failure (maybe with the current record) or a thrown bug. */
export type UiError<T = unknown> = (AppError & { current?: T }) | { code: 'unexpected'; message: string; field?: undefined; current?: undefined };

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: UiError<T> };

/** Runs a call and never throws: a thrown error (a bug, or the bridge failing) becomes `unexpected`. */
export async function attempt<T>(call: () => Promise<Result<T>>): Promise<Attempt<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: { code: 'unexpected', message: thrownMessage(error) } };
  }
}

/**
 * Forge's invoke rejects with its own English prefix before whatever the function threw, e.g.
 * "There was an error invoking the function - Cannot read properties of undefined". That is a bug
 * report, not something to show a user: they get one plain sentence, the console keeps the detail.
 */
const PLATFORM_PREFIX = /^There was an error invoking the function\b/i;

export function thrownMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (!PLATFORM_PREFIX.test(raw)) return raw;
  console.error(raw);
  return platformErrors.invokeFailed;
}

/**
 * The message for one field, when an `invalid` error names it (or a path inside it:
 * `kpi.target` matches `kpi.target.value`).
 */
export function fieldError(error: UiError | undefined, path: string): string | undefined {
  if (!error || error.code !== 'invalid' || !error.field) return undefined;
  return error.field === path || error.field.startsWith(`${path}.`) ? error.message : undefined;
}

/** The message when an `invalid` error names exactly `path`. */
export function exactFieldError(error: UiError | undefined, path: string): string | undefined {
  return error?.code === 'invalid' && error.field === path ? error.message : undefined;
}

/** Whether the error is shown next to one of `paths` (so the form need not repeat it on top). */
export const isFieldError = (error: UiError | undefined, paths: readonly string[]): boolean =>
  paths.some((path) => fieldError(error, path) !== undefined);
