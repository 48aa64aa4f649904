import type {
  SimBoard,
  SimField,
  SimIssue,
  SimIssueType,
  SimProject,
  SimSite,
  SimSprint,
  SimStatus,
  SimUser,
} from '../model';
import { issuesByIdOf } from '../issue-id-map';

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function byKey<T>(items: T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/**
 * Lookups over a site, built lazily for one request. Per request, not once, because the site is live:
 * tests and the host page may change it between requests, and a full rebuild of 20,000 issues is cheap.
 */
export class SiteIndex {
  private readonly issuesById = lazy(() => issuesByIdOf(this.site.issues));
  private readonly issuesByKey = lazy(() => byKey(this.site.issues, (i) => i.key.toUpperCase()));
  private readonly projectsById = lazy(() => byKey(this.site.projects, (p) => p.id));
  private readonly projectsByKey = lazy(() => byKey(this.site.projects, (p) => p.key.toUpperCase()));
  private readonly usersById = lazy(() => byKey(this.site.users, (u) => u.accountId));
  private readonly statusesById = lazy(() => byKey(this.site.statuses, (s) => s.id));
  private readonly typesById = lazy(() => byKey(this.site.issueTypes, (t) => t.id));
  private readonly sprintsById = lazy(() => new Map(this.site.sprints.map((s) => [s.id, s])));
  private readonly boardsById = lazy(() => new Map(this.site.boards.map((b) => [b.id, b])));
  private readonly fieldsById = lazy(() => byKey(this.site.fields, (f) => f.id));

  constructor(readonly site: SimSite) {}

  /** Jira accepts an issue's id or its key (in any case). */
  issue(idOrKey: string): SimIssue | undefined {
    return /^\d+$/.test(idOrKey) ? this.issuesById().get(idOrKey) : this.issuesByKey().get(idOrKey.toUpperCase());
  }

  issueById(id: string): SimIssue | undefined {
    return this.issuesById().get(id);
  }

  project(idOrKey: string): SimProject | undefined {
    return /^\d+$/.test(idOrKey) ? this.projectsById().get(idOrKey) : this.projectsByKey().get(idOrKey.toUpperCase());
  }

  user(accountId: string | undefined): SimUser | undefined {
    return accountId === undefined ? undefined : this.usersById().get(accountId);
  }

  status(id: string): SimStatus | undefined {
    return this.statusesById().get(id);
  }

  issueType(id: string): SimIssueType | undefined {
    return this.typesById().get(id);
  }

  sprint(id: number): SimSprint | undefined {
    return this.sprintsById().get(id);
  }

  board(id: number): SimBoard | undefined {
    return this.boardsById().get(id);
  }

  field(id: string): SimField | undefined {
    return this.fieldsById().get(id);
  }

  /** The site's app user: who `/myself` is when the app calls. */
  appUser(): SimUser | undefined {
    return this.site.users.find((u) => u.accountType === 'app');
  }
}
