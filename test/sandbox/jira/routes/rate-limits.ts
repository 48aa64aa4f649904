/**
 * Jira Cloud's points-based rate limits, counted on every request and, once armed, answered as Jira
 * does: 429 with `Retry-After`, `X-RateLimit-Reset` and `RateLimit-Reason`.
 *
 * "Rate limiting" (developer.atlassian.com/cloud/jira/platform/rate-limiting/, enforced from
 * March 2, 2026): three independent limits at once: a points-based quota per hour, request rate
 * limits per second per endpoint (with a burst buffer), and per-issue write limits. "Each request
 * starts with a base cost of 1 point, and additional points are added for each object involved.
 * Write requests are charged only the base cost." So a search page of 100 issues costs 101 points,
 * a GET of one issue 2, a property PUT 1.
 * Figures: the page gives the model, not one number for every app. The global pool (tier 1) is
 * 65,000 points an hour per app, and the per-tenant quota (tier 2) 100,000 + 10 × users an hour
 * (figures as reported in Atlassian's developer community, "2026 point-based rate limits"; unverified),
 * hence `tierTwoPointsPerHour`. The per-second rate per endpoint is not published: tests and the
 * bench choose one.
 * NearLimit: "X-RateLimit-NearLimit: true" is added to answers "when less than 20% budget for calls
 * remain" (rate-limiting page, as quoted in Atlassian's developer community, "How to read
 * X-RateLimit-NearLimit header"; on Jira only the cost-based quota sends it, JRACLOUD-83791): here on
 * every answer, refusals included, once less than 20 % of the hour's points are left. It names no
 * reset (Jira's successful answers carry no `X-RateLimit-Reset`).
 * Stricter readings: the hour is a fixed window starting on the hour (a spent quota waits for the
 * next one, as the `X-Beta-Ratelimit-Reset` reports show); objects are counted from the answer
 * (issues, values, or the items of a top-level array; any other object answer counts 1).
 */
import type { JiraResponse } from './http';
import { jiraError } from './http';

export const JIRA_POINTS = { base: 1, perObject: 1, tierOnePointsPerHour: 65_000 } as const;
/** NearLimit is sent once less than this share of the hour's points is left. */
export const NEAR_LIMIT_SHARE = 0.2;
export const tierTwoPointsPerHour = (users: number): number => 100_000 + 10 * users;

export interface JiraRateLimits {
  pointsPerHour?: number;
  /** Requests per second to one endpoint (method and route template). */
  requestsPerSecondPerEndpoint?: number;
}

export interface JiraRateStats {
  points: number;
  requests: number;
  refused: number;
  /** Of those, refused for the hourly points quota (`jira-quota-tenant-based`). */
  refusedForQuota: number;
  /** Highest request count to one endpoint in any one-second window. */
  peakEndpointRequestsPerSecond: number;
}

const READ_POSTS = [/\/rest\/api\/3\/search\/jql$/, /\/rest\/api\/3\/search\/approximate-count$/, /\/rest\/api\/3\/issue\/bulkfetch$/, /\/rest\/api\/3\/jql\/match$/];

export class JiraRateLimiter {
  private limits: JiraRateLimits | undefined;
  stats: JiraRateStats = { points: 0, requests: 0, refused: 0, refusedForQuota: 0, peakEndpointRequestsPerSecond: 0 };
  private hourStart = 0;
  private hourPoints = 0;
  private readonly perEndpoint = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  arm(limits: JiraRateLimits | undefined): void {
    this.limits = limits;
  }

  get armed(): boolean {
    return this.limits !== undefined;
  }

  reset(): void {
    this.stats = { points: 0, requests: 0, refused: 0, refusedForQuota: 0, peakEndpointRequestsPerSecond: 0 };
    this.hourPoints = 0;
    this.perEndpoint.clear();
  }

  /** Before the request: a 429 when a limit is spent (the request is still counted against the rate). */
  admit(endpoint: string): JiraResponse | undefined {
    const now = this.now();
    this.stats.requests += 1;
    const hour = Math.floor(now / 3_600_000) * 3_600_000;
    if (hour !== this.hourStart) {
      this.hourStart = hour;
      this.hourPoints = 0;
    }
    const times = (this.perEndpoint.get(endpoint) ?? []).filter((at) => at > now - 1000);
    times.push(now);
    this.perEndpoint.set(endpoint, times);
    this.stats.peakEndpointRequestsPerSecond = Math.max(this.stats.peakEndpointRequestsPerSecond, times.length);
    const limits = this.limits;
    if (!limits) return undefined;
    if (limits.pointsPerHour !== undefined && this.hourPoints >= limits.pointsPerHour) {
      return this.refuse('jira-quota-tenant-based', hour + 3_600_000 - now, limits.pointsPerHour, 0);
    }
    if (limits.requestsPerSecondPerEndpoint !== undefined && times.length > limits.requestsPerSecondPerEndpoint) {
      return this.refuse('jira-burst-based', times[0]! + 1000 - now, limits.requestsPerSecondPerEndpoint, 0);
    }
    return undefined;
  }

  /** After the answer: what it cost. */
  charge(method: string, path: string, reply: JiraResponse): number {
    const read = method === 'GET' || (method === 'POST' && READ_POSTS.some((pattern) => pattern.test(path.split('?')[0] ?? '')));
    const points = JIRA_POINTS.base + (read && reply.status < 400 ? objectsIn(reply.body) * JIRA_POINTS.perObject : 0);
    this.hourPoints += points;
    this.stats.points += points;
    if (this.nearLimit()) reply.headers['x-ratelimit-nearlimit'] = 'true';
    return points;
  }

  /** Points spent in the current hour (the quota's fixed window). */
  get pointsThisHour(): number {
    return Math.floor(this.now() / 3_600_000) * 3_600_000 === this.hourStart ? this.hourPoints : 0;
  }

  private nearLimit(): boolean {
    const quota = this.limits?.pointsPerHour;
    return quota !== undefined && quota - this.pointsThisHour < NEAR_LIMIT_SHARE * quota;
  }

  private refuse(reason: string, waitMs: number, limit: number, remaining: number): JiraResponse {
    this.stats.refused += 1;
    if (reason === 'jira-quota-tenant-based') this.stats.refusedForQuota += 1;
    const reply = jiraError(429, ['Rate limit exceeded.']);
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    reply.headers['retry-after'] = String(seconds);
    reply.headers['x-ratelimit-reset'] = new Date(this.now() + seconds * 1000).toISOString();
    reply.headers['x-ratelimit-limit'] = String(limit);
    reply.headers['x-ratelimit-remaining'] = String(remaining);
    reply.headers['ratelimit-reason'] = reason;
    if (this.nearLimit()) reply.headers['x-ratelimit-nearlimit'] = 'true';
    return reply;
  }
}

function objectsIn(body: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 0;
  }
  if (Array.isArray(parsed)) return parsed.length;
  if (typeof parsed !== 'object' || parsed === null) return 0;
  const record = parsed as { issues?: unknown; values?: unknown };
  if (Array.isArray(record.issues)) return record.issues.length;
  if (Array.isArray(record.values)) return record.values.length;
  return 1;
}
