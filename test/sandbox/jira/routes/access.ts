import type { ProjectPermissionKey, SimProject, SimSite } from '../model';
import type { Caller } from './http';

const EVERY_PROJECT_PERMISSION: ProjectPermissionKey[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'ADMINISTER_PROJECTS',
];

/** What the caller may do, from the site's permission data. */
export class Access {
  private readonly cache = new Map<string, ReadonlySet<ProjectPermissionKey>>();
  private readonly projectsById: Map<string, SimProject>;

  constructor(
    private readonly site: SimSite,
    readonly caller: Caller,
  ) {
    this.projectsById = new Map(site.projects.map((p) => [p.id, p]));
  }

  /** Global ADMINISTER ("Jira administrators"). */
  isJiraAdmin(): boolean {
    return this.caller.kind === 'user' && this.site.jiraAdmins.includes(this.caller.accountId);
  }

  /**
   * The app user holds every project permission (Forge apps act with the scopes they declared);
   * anonymous holds none (no project here is public); a Jira admin can always administer projects.
   */
  projectPermissions(project: SimProject): ReadonlySet<ProjectPermissionKey> {
    const cached = this.cache.get(project.id);
    if (cached) return cached;
    const granted = new Set<ProjectPermissionKey>();
    if (this.caller.kind === 'app') EVERY_PROJECT_PERMISSION.forEach((p) => granted.add(p));
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
}
