/** What went wrong talking to Jira, as the app needs to tell it apart. */
export type JiraErrorKind =
  | 'bad-request' // 400: e.g. invalid JQL; `messages` carries Jira's wording for the user
  | 'unauthenticated' // 401: anonymous, or the user's grant is gone
  | 'scope-missing' // 401 from Forge's proxy: manifest.yml lacks a scope the operation needs (never retried)
  | 'forbidden' // 403
  | 'not-found' // 404: also what Jira answers for things the user may not see
  | 'conflict' // 409
  | 'rate-limited' // 429 past the retry budget
  | 'unavailable' // 5xx past the retry budget, or the Forge proxy failed
  | 'malformed' // a body that is not the JSON we expect
  | 'out-of-time'; // no time left in the invocation to try (again)

export class JiraError extends Error {
  readonly kind: JiraErrorKind;
  readonly status: number | undefined;
  /** Jira's own messages (`errorMessages` and `errors` values), for showing next to a field. */
  readonly messages: string[];
  /**
   * A 429 or 503: how long Jira asked the app to wait (`Retry-After`, else `X-RateLimit-Reset`),
   * when it said. An hourly quota's answer names the next hour, too long to wait inside one call.
   */
  readonly retryAfterMs: number | undefined;

  constructor(options: { kind: JiraErrorKind; status?: number; messages?: string[]; detail: string; retryAfterMs?: number }) {
    super(options.detail);
    this.name = 'JiraError';
    this.kind = options.kind;
    this.status = options.status;
    this.messages = options.messages ?? [];
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function kindForStatus(status: number): JiraErrorKind {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  return 'unavailable';
}

/**
 * Forge's proxy refuses an operation the app's scopes do not cover with 401
 * `{"code":401,"message":"Unauthorized; scope does not match"}` and
 * `x-failure-category: FAILURE_CLIENT_SCOPE_CHECK` (jira.atlassian.com/browse/ECO-1180). Either
 * sign will do: only an app update (new scopes, admin consent) fixes it, unlike a user's 401.
 */
export function isScopeMismatch(status: number, failureCategory: string | null, body: unknown): boolean {
  if (status !== 401) return false;
  if (failureCategory === 'FAILURE_CLIENT_SCOPE_CHECK') return true;
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' && /scope does not match/i.test(message);
}

/** Jira's error body is `{errorMessages: string[], errors: {field: message}}`; tolerate anything. */
export function jiraMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const messages: string[] = [];
  if (Array.isArray(errorMessages)) messages.push(...errorMessages.filter((m): m is string => typeof m === 'string'));
  if (typeof errors === 'object' && errors !== null) {
    for (const value of Object.values(errors)) if (typeof value === 'string') messages.push(value);
  }
  return messages;
}
