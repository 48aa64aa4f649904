import type { JiraResponse } from './http';
import { JSON_CONTENT_TYPE, jiraError } from './http';

/** Which requests a fault hits: a path prefix (`/rest/agile/`) or a pattern tested on the path with its query. */
export type RequestMatcher = string | RegExp;

/**
 * How a 429 tells the client when to come back. Jira sends all of these: `Retry-After` seconds,
 * an `X-RateLimit-Reset` ISO timestamp, both, or neither (then the client must back off on its own).
 */
export type RetrySignal = 'retry-after' | 'reset' | 'both' | 'none';

/** Jira's `RateLimit-Reason` values: the hourly quota, the per-second burst, per-issue write limits. */
export type RateLimitReason = 'jira-quota-global-based' | 'jira-burst-based' | 'jira-per-issue-on-write';

export interface RateLimitFault {
  /** How many of the matching requests answer 429. */
  count: number;
  match?: RequestMatcher;
  signal?: RetrySignal;
  /** Default 5. */
  retryAfterSeconds?: number;
  reason?: RateLimitReason;
}

export interface ServerErrorFault {
  count: number;
  status: 500 | 503;
  match?: RequestMatcher;
  /** Only with 503: Jira sometimes says when to retry an unavailable service. */
  retryAfterSeconds?: number;
}

export interface MalformedFault {
  count: number;
  /** Cut the real JSON reply short, or answer with an HTML error page instead. */
  kind: 'truncated-json' | 'html';
  match?: RequestMatcher;
  /** Default 200: the status line looks fine, the body does not. */
  status?: number;
}

export interface JiraFaults {
  /** Added to every request (faulted ones too). */
  latency?: { fixedMs: number } | { minMs: number; maxMs: number };
  rateLimit?: RateLimitFault;
  serverError?: ServerErrorFault;
  malformed?: MalformedFault;
}

function matches(matcher: RequestMatcher | undefined, path: string): boolean {
  if (matcher === undefined) return true;
  return typeof matcher === 'string' ? path.startsWith(matcher) : new RegExp(matcher.source, matcher.flags.replace('g', '')).test(path);
}

/** The armed faults with what is left of their counts. */
export class FaultState {
  private rateLimit?: RateLimitFault;
  private serverError?: ServerErrorFault;
  private malformed?: MalformedFault;
  latency?: JiraFaults['latency'];

  constructor(faults: JiraFaults = {}) {
    this.latency = faults.latency;
    this.rateLimit = faults.rateLimit ? { ...faults.rateLimit } : undefined;
    this.serverError = faults.serverError ? { ...faults.serverError } : undefined;
    this.malformed = faults.malformed ? { ...faults.malformed } : undefined;
  }

  delayMs(random: () => number): number {
    const latency = this.latency;
    if (!latency) return 0;
    if ('fixedMs' in latency) return latency.fixedMs;
    return Math.round(latency.minMs + random() * (latency.maxMs - latency.minMs));
  }

  /**
   * A reply that replaces the real one (429, 5xx), consuming one of the fault's count. `wallNow` is
   * real time, not the site's frozen clock: a reset instant must lie ahead of the client.
   */
  shortCircuit(path: string, wallNow: Date): JiraResponse | undefined {
    const rateLimit = this.rateLimit;
    if (rateLimit && rateLimit.count > 0 && matches(rateLimit.match, path)) {
      rateLimit.count -= 1;
      return rateLimited(rateLimit, wallNow);
    }
    const serverError = this.serverError;
    if (serverError && serverError.count > 0 && matches(serverError.match, path)) {
      serverError.count -= 1;
      return serverFailure(serverError);
    }
    return undefined;
  }

  /** Whether to spoil this request's reply (the request itself still happens, writes included). */
  takeMalformed(path: string): MalformedFault | undefined {
    const malformed = this.malformed;
    if (!malformed || malformed.count <= 0 || !matches(malformed.match, path)) return undefined;
    malformed.count -= 1;
    return malformed;
  }
}

/**
 * Jira Cloud's 429 ("Rate limiting", developer.atlassian.com/cloud/jira/platform/rate-limiting/):
 * `Retry-After` seconds and/or `X-RateLimit-Reset`, an ISO 8601 instant in real time.
 */
function rateLimited(fault: RateLimitFault, wallNow: Date): JiraResponse {
  const seconds = fault.retryAfterSeconds ?? 5;
  const signal = fault.signal ?? 'retry-after';
  const reply = jiraError(429, ['Rate limit exceeded.']);
  reply.headers['x-ratelimit-limit'] = '350';
  reply.headers['x-ratelimit-remaining'] = '0';
  reply.headers['ratelimit-reason'] = fault.reason ?? 'jira-burst-based';
  if (signal === 'retry-after' || signal === 'both') reply.headers['retry-after'] = String(seconds);
  if (signal === 'reset' || signal === 'both') {
    reply.headers['x-ratelimit-reset'] = new Date(wallNow.getTime() + seconds * 1000).toISOString();
  }
  return reply;
}

function serverFailure(fault: ServerErrorFault): JiraResponse {
  if (fault.status === 500) return jiraError(500, ['Internal server error']);
  const reply = jiraError(503, ['Service Unavailable']);
  if (fault.retryAfterSeconds !== undefined) reply.headers['retry-after'] = String(fault.retryAfterSeconds);
  return reply;
}

const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Atlassian Cloud Notifications - Page Unavailable</title></head>
<body><h1>Something went wrong</h1><p>We're having trouble reaching this site. Try again in a few minutes.</p></body></html>`;

/** The real reply made unparsable: its JSON cut in half, or swapped for an HTML error page. */
export function spoil(reply: JiraResponse, fault: MalformedFault): JiraResponse {
  const status = fault.status ?? 200;
  if (fault.kind === 'html') return { status, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: HTML_ERROR_PAGE };
  const body = reply.body.length > 2 ? reply.body.slice(0, Math.floor(reply.body.length / 2)) : '{"issues":[';
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE }, body };
}
