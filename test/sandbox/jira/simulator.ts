import type { SimIssue, SimSite } from './model';
import { Access } from './routes/access';
import type { RouteContext } from './routes/context';
import type { JiraFaults } from './routes/faults';
import { FaultState, spoil } from './routes/faults';
import type { JiraRequest, JiraResponse } from './routes/http';
import { RequestRejected } from './routes/http';
import { ROUTES } from './routes/index';
import { SearchIndex } from './routes/search-index';
import type { RouteMatch } from './routes/router';
import { matchRoute, methodNotAllowed, notFoundRoute } from './routes/router';
import { SiteIndex } from './routes/site-index';
import { JiraRateLimiter } from './routes/rate-limits';

export type { Caller, JiraRequest, JiraResponse } from './routes/http';
export type {
  JiraFaults,
  MalformedFault,
  RateLimitFault,
  RateLimitReason,
  RequestMatcher,
  RetrySignal,
  ServerErrorFault,
} from './routes/faults';

export { JIRA_POINTS, JiraRateLimiter, tierTwoPointsPerHour } from './routes/rate-limits';
export type { JiraRateLimits, JiraRateStats } from './routes/rate-limits';

export interface JiraSimulatorOptions {
  /** For latency ranges. Default Math.random. */
  random?: () => number;
  /** "Now" of the site's data: property writes, relative JQL dates. Default: the site's `now`, frozen. */
  clock?: () => Date;
  /**
   * Real time, for what a client waits on: a 429's `X-RateLimit-Reset` instant. Kept apart from the
   * site's frozen `clock`, whose instants are long past, so a client honouring the header waits.
   * Default: the system clock.
   */
  wallClock?: () => Date;
  /** How latency waits. Default a real timer; tests with fake time can pass their own. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * How long a write takes to reach JQL search (`reconcileIssues` skips the wait for the issues it
   * names). Default 0: search sees writes at once. Measured on `clock` when one is given, else on
   * the wall clock (the default `clock` is frozen). See `setSearchIndexLag`.
   */
  searchIndexLagMs?: number;
  /**
   * The site's issues change only through the simulator (its routes, `editIssue`), never in place
   * by whoever holds `site`: JQL's lookups are then trusted until the next such write instead of
   * being checked against every issue on each search (speed for 100,000-issue sites: the benches,
   * `--data huge`). Default false: any change anywhere is seen at the next search.
   */
  writesThroughSimulatorOnly?: boolean;
}

export interface JiraStats {
  requests: number;
  /** By route template, e.g. `GET /rest/api/3/search/jql`; unmatched paths count as `GET (no route)`. */
  byRoute: Record<string, number>;
}

/**
 * A Jira Cloud site in-process: REST v3 and agile 1.0 endpoints the app uses, answering in the real
 * API's shapes and statuses, with per-user permissions, switchable faults and request counters.
 * No HTTP server: the Forge runtime double and the host page's server both call `handle`.
 */
export class JiraSimulator {
  readonly site: SimSite;
  readonly stats: JiraStats = { requests: 0, byRoute: {} };
  private faults = new FaultState();
  private readonly random: () => number;
  private readonly clock: () => Date;
  private readonly wallClock: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly searchIndex: SearchIndex;
  /** Jira's points-based quota and per-endpoint request rate (routes/rate-limits.ts): counted and enforced once armed. */
  readonly rateLimits: JiraRateLimiter;

  constructor(site: SimSite, options: JiraSimulatorOptions = {}) {
    this.site = site;
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? (() => new Date(this.site.now));
    this.wallClock = options.wallClock ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.rateLimits = new JiraRateLimiter(() => this.wallClock().getTime());
    const clock = options.clock;
    this.searchIndex = new SearchIndex(clock ? () => clock().getTime() : Date.now);
    if (options.searchIndexLagMs) this.searchIndex.setLag(options.searchIndexLagMs);
    this.writesThroughSimulatorOnly = options.writesThroughSimulatorOnly === true;
  }

  private readonly writesThroughSimulatorOnly: boolean;

  /**
   * Jira's search index trails writes by seconds (sometimes minutes); with a lag, JQL sees each
   * write `lagMs` after it was made, unless the request reconciles that issue. `elapsedMs` moves
   * the index's time (e.g. a test's own counter); by default it keeps the one it had. Writes not
   * yet indexed are indexed at once.
   */
  setSearchIndexLag(lagMs: number, elapsedMs?: () => number): void {
    this.searchIndex.setLag(lagMs, elapsedMs);
  }

  /**
   * Changes an issue's fields the way an edit in Jira does (the simulator serves no field-edit
   * route): `updated` moves to the clock, and search sees the change only after the index lag.
   * Changing `site.issues` directly instead is a change search sees at once.
   */
  editIssue(idOrKey: string, change: (issue: SimIssue) => void): SimIssue {
    const issue = new SiteIndex(this.site).issue(idOrKey);
    if (!issue) throw new Error(`No issue ${idOrKey} on the site`);
    const now = this.clock();
    this.searchIndex.write(issue, () => {
      change(issue);
      issue.updated = now.toISOString();
    });
    return issue;
  }

  /** Replaces every armed fault; counts start afresh. */
  setFaults(faults: JiraFaults): void {
    this.faults = new FaultState(faults);
  }

  clearFaults(): void {
    this.faults = new FaultState();
  }

  resetStats(): void {
    this.stats.requests = 0;
    for (const key of Object.keys(this.stats.byRoute)) delete this.stats.byRoute[key];
  }

  async handle(request: JiraRequest): Promise<JiraResponse> {
    const method = request.method.toUpperCase();
    const url = new URL(request.path, this.site.baseUrl);
    const match = matchRoute(ROUTES, method, url.pathname);
    this.count(method, match);

    const delay = this.faults.delayMs(this.random);
    if (delay > 0) await this.sleep(delay);
    const now = this.clock();
    const failure = this.faults.shortCircuit(request.path, this.wallClock());
    if (failure) return failure;
    const limited = this.rateLimits.admit(this.endpointOf(method, match));
    if (limited) return limited;
    const malformed = this.faults.takeMalformed(request.path);
    const reply = this.dispatch(match, request, url, now);
    // Points are counted once limits are armed: reading every answer back costs a big site dearly.
    if (this.rateLimits.armed) this.rateLimits.charge(method, url.pathname, reply);
    return malformed ? spoil(reply, malformed) : reply;
  }

  private count(method: string, match: RouteMatch): void {
    const key = this.endpointOf(method, match);
    this.stats.requests += 1;
    this.stats.byRoute[key] = (this.stats.byRoute[key] ?? 0) + 1;
  }

  private endpointOf(method: string, match: RouteMatch): string {
    return match.kind === 'route'
        ? `${method} ${match.route.template}`
        : match.kind === 'wrong-method'
          ? `${method} ${match.template}`
          : `${method} (no route)`;
  }

  private dispatch(match: RouteMatch, request: JiraRequest, url: URL, now: Date): JiraResponse {
    if (match.kind === 'none') return notFoundRoute(request.method.toUpperCase(), url.pathname);
    if (match.kind === 'wrong-method') return methodNotAllowed(match.allowed);
    const ctx: RouteContext = {
      site: this.site,
      index: new SiteIndex(this.site),
      searchIndex: this.searchIndex,
      writesThroughSimulatorOnly: this.writesThroughSimulatorOnly,
      access: new Access(this.site, request.caller),
      caller: request.caller,
      now,
      params: match.params,
      query: url.searchParams,
      body: request.body,
    };
    try {
      return match.route.handle(ctx);
    } catch (error) {
      if (error instanceof RequestRejected) return error.response;
      throw error;
    }
  }
}
