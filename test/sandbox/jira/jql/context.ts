import type { SimIssue, SimSite } from '../model';

export interface JqlContext {
  site: SimSite;
  /** The caller, for currentUser() and for startOfWeek()'s locale. Absent: anonymous. */
  accountId?: string;
  /**
   * The Jira time zone date literals and startOfDay() are read in. Absent: the profile zone of
   * `accountId`'s user, or UTC for anonymous callers (see `callerTimeZone`). The simulator sets it
   * for `asApp()` calls: the app user has a Jira account of its own, with its own zone.
   */
  timeZone?: string;
  now: Date;
  /**
   * Whether the caller may browse a project. Jira answers "does not exist" for values it hides
   * (a project, an issue key in it), so a query cannot probe for them. Absent: every project.
   * Filtering the results by permission stays the simulator's job.
   */
  canBrowse?: (projectId: string) => boolean;
  /** Whether the caller may see one issue (project permission and issue security). Absent: `canBrowse`. */
  canSeeIssue?: (issue: SimIssue) => boolean;
}

/**
 * The zone Jira reads the caller's JQL dates in: the user's profile zone (`timeZone` of
 * GET /rest/api/3/myself). Anonymous callers get UTC here; a real site uses its default user
 * time zone, which the simulator's SimSite does not carry.
 */
export function callerTimeZone(ctx: JqlContext): string {
  if (ctx.timeZone) return ctx.timeZone;
  const user = ctx.accountId === undefined ? undefined : ctx.site.users.find((u) => u.accountId === ctx.accountId);
  return user?.timeZone ?? 'UTC';
}
