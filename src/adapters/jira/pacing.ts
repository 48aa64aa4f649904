/**
 * Paces a background job's Jira requests per endpoint instead of provoking 429s, and notices when
 * Jira says the hourly points quota runs low.
 *
 * Atlassian asks apps to do both: "Balances its load. It paces its own requests, so it rarely hits a
 * limit in the first place", and on a 429 to read `RateLimit-Reason`: `jira-burst-based` is a
 * per-second rate of "one tenant, one endpoint, one HTTP method" ("slow down requests to that endpoint
 * only"). Atlassian publishes no per-endpoint figure, so the rate is learned from Jira's answer: a
 * burst 429's `X-RateLimit-Limit` ("the maximum number of requests … within a specific time
 * window"), or, when the 429 carries none, half what this pacer was sending. Until the first 429 an
 * endpoint is not paced (the caller bounds requests in flight); the rates learned are handed back
 * (`learned`) so the next pacer starts paced.
 * @see https://developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits/
 * @see https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 *
 * One pacer serves one invocation. Parallel invocations share nothing in memory on Forge (each has
 * its own container), so each takes `share` of an endpoint's rate: the caller knows how many run.
 *
 * `X-RateLimit-NearLimit: true` comes on answers once less than 20 % of a budget is left (the
 * rate-limiting page; on Jira only with the points-based quota, JRACLOUD-83791). With
 * `stopAtNearLimit`, the pacer then refuses every further request of its job (`QuotaReserveReached`)
 * so the rest of the hour stays with people's own calls. Jira's successful answers name no reset for
 * the hourly quota, so the job resumes at the next full hour (the fixed window Jira's
 * `X-Beta-Ratelimit-Reset` instants show) unless the answer names an instant itself.
 */
import { hintedDelayMs } from './retry-policy';

/** Requests per second, whole endpoint (every caller's), keyed by `endpointOf`. */
export type EndpointRates = Record<string, number>;

/** A 429 naming a wait this long or longer is the hourly quota, never a per-second rate. */
export const quotaWaitMinMs = 60_000;
const hourMs = 3_600_000;

/** The job stopped asking Jira: the hourly quota is near its limit until `resumeAt` (epoch ms). */
export class QuotaReserveReached extends Error {
  constructor(readonly resumeAt: number) {
    super(`Jira's hourly points are near their limit: asking again from ${new Date(resumeAt).toISOString()}`);
    this.name = 'QuotaReserveReached';
  }
}

/**
 * Jira's endpoint as its burst limit counts it: the method and the path with ids as placeholders
 * (the query string is no part of it).
 */
export function endpointOf(method: string, path: string): string {
  const bare = path.split('?')[0] ?? '';
  // Ids become placeholders; the API's version (`/rest/api/3`) stays.
  return `${method.toUpperCase()} ${bare.replace(/\/\d+(?=\/|$)/g, (segment, offset: number) => (bare.slice(0, offset).endsWith('/rest/api') ? segment : '/{id}'))}`;
}

export interface PacerOptions {
  /** Rates learned earlier (a crawl record's). */
  learned?: EndpointRates;
  /** Fraction (0–1] of each endpoint's rate this pacer may use. */
  share: number;
  stopAtNearLimit?: boolean;
  /** Monotonic milliseconds for spacing and waits (default `performance.now`). */
  now?: () => number;
  /** The wall clock, for the hour's reset (default `Date.now`). */
  wallNow?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Spreads parallel pacers' first slots (default `Math.random`). */
  random?: () => number;
}

/** What `before` handed a request: whether its endpoint was paced then (see `observe`). */
export interface PaceTicket {
  paced: boolean;
}

export interface JiraAnswerHeaders {
  get(name: string): string | null;
}

export class JiraPacer {
  private readonly rates = new Map<string, number>();
  /** Earliest start of the endpoint's next request (epoch ms). */
  private readonly nextAt = new Map<string, number>();
  /**
   * Below 1 after a paced request was refused all the same: others (people, another project's
   * crawl) spend the endpoint's rate too, so this pacer takes half of its share, and half again.
   */
  private readonly slowdown = new Map<string, number>();
  /** After a burst 429: nothing to the endpoint before Jira's named instant. */
  private readonly holdUntil = new Map<string, number>();
  private readonly sent = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly wallNow: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  readonly share: number;
  readonly stopAtNearLimit: boolean;
  /** Set once an answer said NearLimit: when the hour's quota resets (epoch ms). */
  nearLimitUntil: number | undefined;

  constructor(options: PacerOptions) {
    if (!(options.share > 0 && options.share <= 1)) throw new RangeError(`share must be in (0, 1], got ${options.share}`);
    this.share = options.share;
    this.stopAtNearLimit = options.stopAtNearLimit ?? false;
    this.now = options.now ?? (() => performance.now());
    this.wallNow = options.wallNow ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (const [endpoint, rate] of Object.entries(options.learned ?? {})) if (Number.isFinite(rate) && rate > 0) this.rates.set(endpoint, rate);
  }

  /** Rates known now, to keep for the next pacer. */
  get learned(): EndpointRates {
    return Object.fromEntries(this.rates);
  }

  /** Waits for the endpoint's next slot; throws `QuotaReserveReached` once the job must stop. */
  async before(endpoint: string): Promise<PaceTicket> {
    let paced = false;
    for (;;) {
      this.stopIfNearLimit();
      const now = this.now();
      const hold = this.holdUntil.get(endpoint) ?? 0;
      if (hold > now) {
        await this.sleep(hold - now);
        continue;
      }
      const rate = this.rates.get(endpoint);
      const spacing = rate === undefined ? 0 : this.spacingMs(rate, this.slowdown.get(endpoint) ?? 1);
      paced = rate !== undefined;
      // A first request (and the first after a hold) waits one slot too, the item before it in the
      // queue may just have asked, and part of another, so parallel items that start or resume
      // together do not ask in step.
      const at = Math.max(now, this.nextAt.get(endpoint) ?? now + spacing * (1 + this.random()));
      // Slots are handed out in call order: parallel callers of one pacer queue behind each other.
      if (rate !== undefined) this.nextAt.set(endpoint, at + spacing);
      if (at > now) await this.sleep(at - now);
      // A 429 while this caller slept holds the endpoint: its slot is void.
      if ((this.holdUntil.get(endpoint) ?? 0) > this.now()) continue;
      break;
    }
    this.stopIfNearLimit();
    const recent = (this.sent.get(endpoint) ?? []).filter((time) => time > this.now() - 1000);
    recent.push(this.now());
    this.sent.set(endpoint, recent);
    return { paced };
  }

  /** Reads Jira's answer: NearLimit, and a burst 429's rate and wait. */
  observe(endpoint: string, status: number, headers: JiraAnswerHeaders, ticket?: PaceTicket): void {
    const now = this.now();
    const wallNow = this.wallNow();
    // Sites seen in 2026 send it as `X-Beta-Ratelimit-Nearlimit` (Atlassian developer community,
    // "2026 point-based rate limits"): either name counts.
    const nearLimit = headers.get('x-ratelimit-nearlimit') ?? headers.get('x-beta-ratelimit-nearlimit');
    if (nearLimit?.trim().toLowerCase() === 'true') {
      const named = hintedDelayMs({ retryAfter: status === 429 ? headers.get('retry-after') : null, rateLimitReset: headers.get('x-ratelimit-reset'), nowMs: wallNow });
      const until = named !== undefined && named >= quotaWaitMinMs ? wallNow + named : Math.floor(wallNow / hourMs) * hourMs + hourMs;
      this.nearLimitUntil = Math.max(this.nearLimitUntil ?? 0, until);
    }
    if (status !== 429) return;
    const reason = headers.get('ratelimit-reason');
    const waitMs = hintedDelayMs({ retryAfter: headers.get('retry-after'), rateLimitReset: headers.get('x-ratelimit-reset'), nowMs: wallNow });
    // Only the per-second rate of this endpoint is paced here; the quotas and per-issue writes are not rates of it.
    if (reason !== null ? reason !== 'jira-burst-based' : (waitMs ?? 0) >= quotaWaitMinMs) return;
    const limit = Number(headers.get('x-ratelimit-limit'));
    const sentLastSecond = (this.sent.get(endpoint) ?? []).filter((time) => time > now - 1000).length;
    const current = this.rates.get(endpoint);
    const named = Number.isFinite(limit) && limit > 0 ? limit : undefined;
    if (ticket?.paced && current !== undefined) {
      // Refused although paced: the rate is shared with callers this pacer cannot see.
      this.slowdown.set(endpoint, Math.max(1 / 16, (this.slowdown.get(endpoint) ?? 1) / 2));
      if (named !== undefined) this.rates.set(endpoint, named);
    } else {
      this.rates.set(endpoint, named ?? Math.max(1, (current ?? sentLastSecond / this.share) / 2));
    }
    // Nothing more to this endpoint before Jira's named instant: asking earlier "returns the same or longer Retry-After".
    this.holdUntil.set(endpoint, Math.max(this.holdUntil.get(endpoint) ?? 0, now + (waitMs ?? 1000)));
    this.nextAt.delete(endpoint);
  }

  /**
   * Whole requests per second: Jira counts any one-second window, so a pacer allowed 1.5 a second
   * would send 2 in some windows. Below one a second, spaced as the share says.
   */
  private spacingMs(rate: number, slowdown: number): number {
    const perSecond = rate * this.share * slowdown;
    return perSecond >= 1 ? 1000 / Math.floor(perSecond) : 1000 / perSecond;
  }

  private stopIfNearLimit(): void {
    if (this.stopAtNearLimit && this.nearLimitUntil !== undefined) throw new QuotaReserveReached(this.nearLimitUntil);
  }
}
