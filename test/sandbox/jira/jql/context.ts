import type { SimSite } from '../model';

export interface JqlContext {
  site: SimSite;
  /** The caller, for currentUser() and for startOfWeek()'s locale. Absent: anonymous. */
  accountId?: string;
  now: Date;
  /**
   * Whether the caller may browse a project. Jira answers "does not exist" for values it hides
   * (a project, an issue key in it), so a query cannot probe for them. Absent: every project.
   * Filtering the results by permission stays the simulator's job.
   */
  canBrowse?: (projectId: string) => boolean;
}
