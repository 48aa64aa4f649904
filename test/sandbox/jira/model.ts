/**
 * The data a simulated Jira Cloud site holds. The simulator (./simulator.ts) serves it in the
 * shapes of the real REST API; the demo generator (../demo) builds it deterministically.
 * Plain JSON-able data so a site can be cloned, snapshotted and persisted.
 */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/** Project permissions the app asks about. Global `ADMINISTER` is `SimSite.jiraAdmins`. */
export type ProjectPermissionKey =
  | 'BROWSE_PROJECTS'
  | 'EDIT_ISSUES'
  | 'CREATE_ISSUES'
  | 'ADMINISTER_PROJECTS'
  | 'ADD_COMMENTS';

export interface SimUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** Jira answers `atlassian` for people and `app` for the app user. */
  accountType: 'atlassian' | 'app';
  active: boolean;
  timeZone: string;
  locale: string;
}

export interface SimIssueType {
  id: string;
  name: string;
  /** -1 subtask, 0 standard (story, task, bug), 1 epic. */
  hierarchyLevel: -1 | 0 | 1;
  /** Team-managed projects have project-scoped issue types. */
  scopeProjectId?: string;
}

export interface SimStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface SimField {
  id: string;
  name: string;
  custom: boolean;
  /** e.g. {type:'number', custom:'com.pyxis.greenhopper.jira:jsw-story-points', customId:10016} */
  schema: { type: string; items?: string; system?: string; custom?: string; customId?: number };
  /** Names JQL accepts for the field, e.g. ['cf[10016]', 'Story point estimate']. */
  clauseNames: string[];
}

export interface SimProject {
  id: string;
  key: string;
  name: string;
  /** `classic` = company-managed, `next-gen` = team-managed. */
  style: 'classic' | 'next-gen';
  projectTypeKey: 'software' | 'business';
  leadAccountId: string;
  issueTypeIds: string[];
  /** accountId → the project permissions that user holds. Missing user = no permission at all. */
  permissions: Record<string, ProjectPermissionKey[]>;
  /**
   * What the project's permission scheme grants the `atlassian-addons-project-access` role, which
   * holds the app user: all the app may do here as `asApp()`. Jira adds the role to every
   * permission when an app is installed, but an admin can take it off (e.g. Browse Projects).
   * @see https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-project-role-in-jira-cloud/
   */
  addonRolePermissions: ProjectPermissionKey[];
  /**
   * Field ids (system, e.g. `components`, or custom) the project's field configuration makes
   * required on create, for every issue type: createmeta says so and POST /issue refuses without them.
   */
  requiredOnCreate?: string[];
}

/**
 * An issue security level of the project's issue security scheme: an issue at this level is
 * visible only to its members, within the project's Browse Projects. Jira administrators are not
 * members by right; the app user is one only when the level lists the add-on role.
 * @see https://support.atlassian.com/jira-service-management-cloud/docs/create-security-levels-for-issues/
 */
export interface SimSecurityLevel {
  id: string;
  name: string;
  description: string;
  projectId: string;
  memberAccountIds: string[];
  /** The level lists the `atlassian-addons-project-access` project role: the app user may see its issues. */
  includesAddonRole: boolean;
}

export interface SimIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  statusId: string;
  /** Issue id of the parent (epic for standard issues, standard issue for subtasks). */
  parentId?: string;
  /** Sprint ids, oldest first; the field Jira shows is the sprint custom field. */
  sprintIds: number[];
  labels: string[];
  assigneeAccountId?: string;
  reporterAccountId: string;
  priorityName: string;
  created: string; // ISO 8601
  updated: string; // ISO 8601
  resolutiondate?: string; // ISO 8601, set when the status category is done
  /** LexoRank-style string; ORDER BY rank sorts by it. */
  rank: string;
  /** Custom field values by field id, e.g. {customfield_10016: 5}. */
  customFields: Record<string, unknown>;
  /** Issue entity properties, property key → JSON value. */
  properties: Record<string, unknown>;
  /** The issue's security level (`SimSite.securityLevels`); none = every project browser sees it. */
  securityLevelId?: string;
  /** Comments, oldest first (`/rest/api/3/issue/{id}/comment`); absent = none. */
  comments?: SimComment[];
  /** Ids of the versions (`SimSite.versions`, same project) the issue is to be fixed in: the `fixVersions` field. */
  fixVersionIds?: string[];
}

/**
 * A project version (a release), as GET /rest/api/3/project/{projectIdOrKey}/versions lists it.
 * Jira computes `overdue` itself: unreleased with a release date before today.
 */
export interface SimVersion {
  id: string;
  projectId: string;
  name: string;
  description: string;
  archived: boolean;
  released: boolean;
  /** YYYY-MM-DD */
  startDate?: string;
  releaseDate?: string;
}

/**
 * A link between two issues. `typeName` names one of `SIM_LINK_TYPES`; read "outward typeName's
 * outward verb inward": outward `THR-1`, inward `THR-2`, Blocks = THR-1 blocks THR-2.
 */
export interface SimIssueLink {
  id: string;
  typeName: 'Blocks' | 'Relates';
  outwardIssueId: string;
  inwardIssueId: string;
}

/** Jira Cloud's default link types (IssueLinkType: id, name, inward, outward). */
export const SIM_LINK_TYPES = {
  Blocks: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  Relates: { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
} as const;

/** An issue comment: its author and its Atlassian Document Format body, as posted. */
export interface SimComment {
  id: string;
  authorAccountId: string;
  body: unknown;
  created: string;
}

export interface SimBoard {
  id: number;
  name: string;
  /** `simple` = a team-managed project's board (agile API `type` filter: scrum, kanban, simple). */
  type: 'scrum' | 'kanban' | 'simple';
  /** The board's location: the one project `location` names. */
  projectId: string;
  /** A team-managed board runs sprints only when its project has the Sprints feature on. */
  sprintsEnabled?: boolean;
  /**
   * Projects the board's filter references (default: `projectId` alone). The board is listed under
   * each of them by `GET /rest/agile/1.0/board?projectKeyOrId=`.
   */
  filterProjectIds?: string[];
  /** Field the board estimates with (board configuration `estimation.field.fieldId`). */
  estimationFieldId?: string;
}

export interface SimSprint {
  id: number;
  /** The board the sprint was created on (`originBoardId`). */
  boardId: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  goal?: string;
}

/** One `jira:entityProperty` module of the manifest: which property values JQL can search. */
export interface EntityPropertyIndex {
  propertyKey: string;
  values: Array<{ path: string; type: 'number' | 'string' | 'text' | 'user' | 'date'; searchAlias?: string }>;
}

export interface SimSite {
  /** e.g. https://throughline-demo.atlassian.net */
  baseUrl: string;
  cloudId: string;
  users: SimUser[];
  /** Holders of the global ADMINISTER permission (Jira administrators). */
  jiraAdmins: string[];
  projects: SimProject[];
  issueTypes: SimIssueType[];
  statuses: SimStatus[];
  fields: SimField[];
  issues: SimIssue[];
  boards: SimBoard[];
  sprints: SimSprint[];
  entityPropertyIndexes: EntityPropertyIndex[];
  /**
   * Largest agile page (`/board`, `/board/{id}/sprint`). Jira Cloud caps them at 50 today
   * (JSWCLOUD-18382) and may lower a cap without notice (KB "Changing maxResults parameter for Jira
   * Cloud REST API"): a site can set a smaller one. Default 50.
   */
  agileMaxResults?: number;
  /** Issue security levels of the projects' issue security schemes; none = no issue security. */
  securityLevels?: SimSecurityLevel[];
  /** Every project's versions (releases), in each project's order (Jira's `sequence`). */
  versions?: SimVersion[];
  /** Links between issues (`issuelinks` field of both ends). */
  issueLinks?: SimIssueLink[];
  /** The site's "now", ISO 8601: relative JQL dates and `updated` stamps use the simulator's clock. */
  now: string;
}
