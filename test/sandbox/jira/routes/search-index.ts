import type { SimIssue, SimSite } from '../model';

/** One state of an issue and when search starts to see it; no state: not created yet, as search sees it. */
interface IndexedVersion {
  visibleAt: number;
  state: SimIssue | undefined;
}

/**
 * Jira's search index trails writes: "after a write operation is performed, subsequent search
 * operations … without the reconcileIssues parameter may return stale or outdated data … The delay
 * might vary from a few seconds to minutes" (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/).
 * With a lag set, every write made through the simulator (issue properties; fields once a route
 * writes them) becomes visible to JQL only `lagMs` after it was made; until then search matches,
 * sorts and returns the issue as it was indexed before. Both matching and the returned fields and
 * properties come from the index: "stale or outdated data", not only stale matches. Direct reads
 * (GET issue, GET property, bulk fetch) never go through here, so they are always current.
 *
 * Time is the simulator's own: by default the wall clock, so a host page's lag passes by itself;
 * tests can hand in a clock they move.
 */
export class SearchIndex {
  /** Issue id → the versions search has not caught up with yet, oldest first (the first is visible). */
  private readonly pending = new Map<string, IndexedVersion[]>();
  private lagMs = 0;
  private writes = 0;

  constructor(private elapsedMs: () => number = Date.now) {}

  /** 0 (the default) keeps the index exactly in step with writes; changing the lag indexes everything pending. */
  setLag(lagMs: number, elapsedMs?: () => number): void {
    if (!Number.isFinite(lagMs) || lagMs < 0) throw new RangeError(`The search index lag must be 0 or more milliseconds, not ${lagMs}`);
    this.lagMs = lagMs;
    if (elapsedMs) this.elapsedMs = elapsedMs;
    this.pending.clear();
  }

  get lag(): number {
    return this.lagMs;
  }

  /** Writes and creations made through the simulator so far: search lookups built before one are out of date. */
  get generation(): number {
    return this.writes;
  }

  /** Applies a write to the live issue; search keeps seeing the state before it until the lag has passed. */
  write<T>(issue: SimIssue, apply: () => T): T {
    this.writes += 1;
    if (this.lagMs === 0) return apply();
    const versions = this.pending.get(issue.id) ?? [{ visibleAt: Number.NEGATIVE_INFINITY, state: structuredClone(issue) }];
    const result = apply();
    versions.push({ visibleAt: this.elapsedMs() + this.lagMs, state: structuredClone(issue) });
    this.pending.set(issue.id, versions);
    return result;
  }

  /**
   * Adds a new issue to the site; search finds it only once the lag has passed (a created issue is
   * a write like any other: "search operations … may return stale or outdated data"), unless the
   * request reconciles it, which is what `reconcileIssues` is for (read-after-create).
   */
  create(site: SimSite, issue: SimIssue): void {
    this.writes += 1;
    site.issues.push(issue);
    if (this.lagMs === 0) return;
    this.pending.set(issue.id, [
      { visibleAt: Number.NEGATIVE_INFINITY, state: undefined },
      { visibleAt: this.elapsedMs() + this.lagMs, state: structuredClone(issue) },
    ]);
  }

  /**
   * The issue as search sees it now (undefined: created after the index last caught up). `reconciled` ids (the `reconcileIssues` of the request) are
   * read as they are: Jira's read-after-write for those issues.
   */
  indexed(issue: SimIssue, reconciled: ReadonlySet<string>): SimIssue | undefined {
    const versions = this.pending.get(issue.id);
    if (!versions || reconciled.has(issue.id)) return issue;
    const now = this.elapsedMs();
    let visible = versions.length - 1;
    while (visible > 0 && versions[visible]!.visibleAt > now) visible -= 1;
    if (visible === versions.length - 1) {
      this.pending.delete(issue.id);
      return issue;
    }
    versions.splice(0, visible);
    return versions[0]!.state;
  }

  /** Every issue of the site as search sees it (the site's own array when nothing is pending). */
  issues(site: SimSite, reconciled: ReadonlySet<string> = new Set()): SimIssue[] {
    if (this.pending.size === 0) return site.issues;
    return site.issues.flatMap((issue) => this.indexed(issue, reconciled) ?? []);
  }

  /** How many issues have writes search does not show yet. */
  get unindexedIssues(): number {
    const now = this.elapsedMs();
    let count = 0;
    for (const versions of this.pending.values()) if (versions[versions.length - 1]!.visibleAt > now) count += 1;
    return count;
  }
}
