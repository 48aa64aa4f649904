import type {
  SimIssue,
  SimIssueType,
  SimProject,
  SimSite,
  SimSprint,
  StatusCategoryKey,
} from '../model';
import type { JqlContext } from './context';
import { callerTimeZone } from './context';
import { firstDayOfWeekFor } from './dates';
import { issuesByIdOf } from '../issue-id-map';

/**
 * Jira Cloud's default priority scheme, most important first, with the ids Cloud gives them.
 * SimSite stores only a priority name per issue, so names outside this list are appended after
 * Lowest in the order they first appear.
 */
const DEFAULT_PRIORITIES: ReadonlyArray<{ id: string; name: string }> = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

export interface Priority {
  id?: string;
  name: string;
  /** Higher is more important: `priority > Medium` means High and Highest. */
  weight: number;
}

export const STATUS_CATEGORIES: ReadonlyArray<{ key: StatusCategoryKey | 'undefined'; id: string; name: string }> = [
  { key: 'undefined', id: '1', name: 'No Category' },
  { key: 'new', id: '2', name: 'To Do' },
  { key: 'done', id: '3', name: 'Done' },
  { key: 'indeterminate', id: '4', name: 'In Progress' },
];

/** Lookups over one site for one caller, built on first use: a compile touches only what it needs. */
export class SiteIndex {
  readonly site: SimSite;
  private readonly canBrowseProject: (projectId: string) => boolean;
  private cache = new Map<string, unknown>();

  constructor(private readonly ctx: JqlContext) {
    this.site = ctx.site;
    this.canBrowseProject = ctx.canBrowse ?? (() => true);
  }

  private memo<T>(key: string, build: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, build());
    return this.cache.get(key) as T;
  }

  canBrowse(projectId: string): boolean {
    return this.canBrowseProject(projectId);
  }

  get visibleProjects(): SimProject[] {
    return this.memo('projects', () => this.site.projects.filter((p) => this.canBrowse(p.id)));
  }

  /** Key or name, case-insensitively, as Jira resolves a project value. */
  projectsByKeyOrName(text: string): SimProject[] {
    const lower = text.toLowerCase();
    const byKey = this.visibleProjects.filter((p) => p.key.toLowerCase() === lower);
    return byKey.length > 0 ? byKey : this.visibleProjects.filter((p) => p.name.toLowerCase() === lower);
  }

  projectById(id: string): SimProject | undefined {
    return this.visibleProjects.find((p) => p.id === id);
  }

  /** Team-managed issue types belong to one project; a caller who cannot browse it cannot see them. */
  get visibleIssueTypes(): SimIssueType[] {
    return this.memo('issueTypes', () =>
      this.site.issueTypes.filter((t) => t.scopeProjectId === undefined || this.canBrowse(t.scopeProjectId)),
    );
  }

  private get issuesByKey(): Map<string, SimIssue> {
    return this.memo('issuesByKey', () => new Map(this.site.issues.map((i) => [i.key.toUpperCase(), i])));
  }

  private get issuesById(): Map<string, SimIssue> {
    return this.memo('issuesById', () => issuesByIdOf(this.site.issues));
  }

  visibleIssueByKey(key: string): SimIssue | undefined {
    const issue = this.issuesByKey.get(key.toUpperCase());
    return issue && this.canSee(issue) ? issue : undefined;
  }

  visibleIssueById(id: string): SimIssue | undefined {
    const issue = this.issuesById.get(id);
    return issue && this.canSee(issue) ? issue : undefined;
  }

  private canSee(issue: SimIssue): boolean {
    return this.ctx.canSeeIssue ? this.ctx.canSeeIssue(issue) : this.canBrowse(issue.projectId);
  }

  projectKeyOf(projectId: string): string | undefined {
    return this.memo('projectKeys', () => new Map(this.site.projects.map((p) => [p.id, p.key]))).get(projectId);
  }

  private get categoryByStatusId(): Map<string, StatusCategoryKey> {
    return this.memo('categories', () => new Map(this.site.statuses.map((s) => [s.id, s.category])));
  }

  statusCategoryOf(issue: SimIssue): StatusCategoryKey | undefined {
    return this.categoryByStatusId.get(issue.statusId);
  }

  /** Jira sorts statuses by their place in the status list, not by name. */
  statusOrder(statusId: string): number | undefined {
    const order = this.memo('statusOrder', () => new Map(this.site.statuses.map((s, i) => [s.id, i])));
    return order.get(statusId);
  }

  get priorities(): Priority[] {
    return this.memo('priorities', () => {
      const names: Array<{ id?: string; name: string }> = [...DEFAULT_PRIORITIES];
      const seen = new Set(names.map((p) => p.name.toLowerCase()));
      for (const issue of this.site.issues) {
        const lower = issue.priorityName.toLowerCase();
        if (!seen.has(lower)) {
          seen.add(lower);
          names.push({ name: issue.priorityName });
        }
      }
      return names.map((p, i) => ({ ...p, weight: names.length - i }));
    });
  }

  priorityWeight(name: string): number | undefined {
    const byName = this.memo(
      'priorityWeights',
      () => new Map(this.priorities.map((p) => [p.name.toLowerCase(), p.weight])),
    );
    return byName.get(name.toLowerCase());
  }

  get sprints(): SimSprint[] {
    return this.site.sprints;
  }

  userExists(accountId: string): boolean {
    return this.memo('users', () => new Set(this.site.users.map((u) => u.accountId))).has(accountId);
  }

  get callerAccountId(): string | undefined {
    return this.ctx.accountId;
  }

  get now(): Date {
    return this.ctx.now;
  }

  /** The zone the caller's date literals and startOfDay() are read in. */
  get timeZone(): string {
    return this.memo('timeZone', () => callerTimeZone(this.ctx));
  }

  get firstDayOfWeek(): 0 | 1 {
    const caller = this.ctx.accountId;
    const user = caller === undefined ? undefined : this.site.users.find((u) => u.accountId === caller);
    return firstDayOfWeekFor(user?.locale);
  }
}
