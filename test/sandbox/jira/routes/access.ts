import type { ProjectPermissionKey, SimIssue, SimProject, SimSecurityLevel, SimSite } from '../model';
import type { Caller } from './http';

/** What the caller may do and see, from the site's permission data. */
export class Access {
  private readonly cache = new Map<string, ReadonlySet<ProjectPermissionKey>>();
  private readonly projectsById: Map<string, SimProject>;
  private readonly levelsById: Map<string, SimSecurityLevel>;

  constructor(
    private readonly site: SimSite,
    readonly caller: Caller,
  ) {
    this.projectsById = new Map(site.projects.map((p) => [p.id, p]));
    this.levelsById = new Map((site.securityLevels ?? []).map((l) => [l.id, l]));
  }

  /** Global ADMINISTER ("Jira administrators"). */
  isJiraAdmin(): boolean {
    return this.caller.kind === 'user' && this.site.jiraAdmins.includes(this.caller.accountId);
  }

  /**
   * The app user holds what the project's permission scheme grants the add-on role
   * (`atlassian-addons-project-access`), nothing more: an admin may have taken Browse Projects
   * off it in one project. Anonymous holds nothing (no project here is public); a Jira admin can
   * always administer projects.
   * @see https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-project-role-in-jira-cloud/
   */
  projectPermissions(project: SimProject): ReadonlySet<ProjectPermissionKey> {
    const cached = this.cache.get(project.id);
    if (cached) return cached;
    const granted = new Set<ProjectPermissionKey>();
    if (this.caller.kind === 'app') project.addonRolePermissions.forEach((p) => granted.add(p));
    if (this.caller.kind === 'user') {
      (project.permissions[this.caller.accountId] ?? []).forEach((p) => granted.add(p));
      if (this.isJiraAdmin()) granted.add('ADMINISTER_PROJECTS');
    }
    this.cache.set(project.id, granted);
    return granted;
  }

  has(project: SimProject, permission: ProjectPermissionKey): boolean {
    return this.projectPermissions(project).has(permission);
  }

  canBrowse(project: SimProject | undefined): project is SimProject {
    return project !== undefined && this.has(project, 'BROWSE_PROJECTS');
  }

  canBrowseProjectId(projectId: string): boolean {
    return this.canBrowse(this.projectsById.get(projectId));
  }

  browsableProjects(): SimProject[] {
    return this.site.projects.filter((p) => this.canBrowse(p));
  }

  /**
   * Whether the caller sees the issue at all: Browse Projects on its project and, when it carries a
   * security level, membership of that level. Everywhere Jira shows issues (search, counts, GET,
   * bulk fetch, properties, sprint issues, JQL issue keys) it leaves out the ones this refuses.
   */
  canSeeIssue(issue: SimIssue): boolean {
    if (!this.canBrowseProjectId(issue.projectId)) return false;
    if (issue.securityLevelId === undefined) return true;
    return this.isLevelMember(issue.securityLevelId);
  }

  /** A level the site does not know hides its issues from everyone: never show what cannot be checked. */
  isLevelMember(levelId: string): boolean {
    const level = this.levelsById.get(levelId);
    if (!level) return false;
    if (this.caller.kind === 'app') return level.includesAddonRole;
    if (this.caller.kind === 'user') return level.memberAccountIds.includes(this.caller.accountId);
    return false;
  }
}
