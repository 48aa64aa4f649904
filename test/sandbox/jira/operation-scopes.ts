/**
 * The OAuth 2.0 scopes each simulated Jira operation needs, keyed `METHOD template` exactly as the
 * simulator's ROUTES spell them. Forge's proxy checks them before Jira sees the request: the app
 * holds what manifest.yml `permissions.scopes` lists, and an operation is allowed when the app
 * holds EVERY scope of at least ONE of its sets. No scope implies another here (Atlassian says
 * "some scopes automatically imply" others but publishes no list): the stricter reading.
 *
 * Source: each operation's `security` (OAuth2) and `x-atlassian-oauth2-scopes` entries in
 * Atlassian's OpenAPI documents (jira-platform.v3.json: the classic "Current" set and the granular
 * "Beta" set; jira-software.v1.json: one granular set, the agile API accepts no classic scope).
 * Checked against the documents with (they are not part of the project, so no test reads them):
 *   npx tsx test/sandbox/jira/operation-scopes.verify.ts /work/shared/jira-openapi
 */

/** Any one set, held whole, allows the operation. */
export type ScopeSets = readonly (readonly string[])[];

export interface OperationScopes {
  /** The classic scope set (`read:jira-work`…), when the API accepts one. */
  classic?: readonly string[];
  /** The granular scope set (`read:issue:jira`…). */
  granular?: readonly string[];
}

const READ_WORK = 'read:jira-work';
const WRITE_WORK = 'write:jira-work';
const READ_USER = 'read:jira-user';

const SEARCH_GET_GRANULAR = ['read:issue-details:jira', 'read:audit-log:jira', 'read:avatar:jira', 'read:field-configuration:jira', 'read:issue-meta:jira'];
const SEARCH_POST_GRANULAR = ['read:issue-details:jira', 'read:field.default-value:jira', 'read:field.option:jira', 'read:field:jira', 'read:group:jira'];
const ISSUE_GRANULAR = [
  'read:issue-meta:jira',
  'read:issue-security-level:jira',
  'read:issue.vote:jira',
  'read:issue.changelog:jira',
  'read:avatar:jira',
  'read:issue:jira',
  'read:status:jira',
  'read:user:jira',
  'read:field-configuration:jira',
];
const PROJECT_GRANULAR = [
  'read:issue-type:jira',
  'read:project:jira',
  'read:project.property:jira',
  'read:user:jira',
  'read:application-role:jira',
  'read:avatar:jira',
  'read:group:jira',
  'read:issue-type-hierarchy:jira',
  'read:project-category:jira',
  'read:project-version:jira',
  'read:project.component:jira',
];
const USER_GRANULAR = ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'];
const USER_SEARCH_GRANULAR = ['read:issue:jira', 'read:project:jira', 'read:user:jira', 'read:application-role:jira', 'read:avatar:jira', 'read:group:jira'];

export const OPERATION_SCOPES: Readonly<Record<string, OperationScopes>> = {
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/
  'GET /rest/api/3/search/jql': { classic: [READ_WORK], granular: SEARCH_GET_GRANULAR },
  'POST /rest/api/3/search/jql': { classic: [READ_WORK], granular: SEARCH_POST_GRANULAR },
  'POST /rest/api/3/search/approximate-count': { classic: [READ_WORK], granular: SEARCH_POST_GRANULAR },
  // Removed (410) but still scoped: the proxy checks before Jira answers Gone.
  'GET /rest/api/3/search': { classic: [READ_WORK], granular: SEARCH_GET_GRANULAR },
  'POST /rest/api/3/search': { classic: [READ_WORK], granular: SEARCH_POST_GRANULAR },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/
  'POST /rest/api/3/issue/bulkfetch': { classic: [READ_WORK], granular: ISSUE_GRANULAR },
  'GET /rest/api/3/issue/{issueIdOrKey}': { classic: [READ_WORK], granular: ISSUE_GRANULAR },
  'POST /rest/api/3/issue': {
    classic: [WRITE_WORK],
    granular: ['write:issue:jira', 'write:comment:jira', 'write:comment.property:jira', 'write:attachment:jira', 'read:issue:jira'],
  },
  'GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes': { classic: [READ_WORK], granular: ['read:issue-meta:jira', 'read:avatar:jira', 'read:field-configuration:jira'] },
  'GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}': {
    classic: [READ_WORK],
    granular: ['read:issue-meta:jira', 'read:avatar:jira', 'read:field-configuration:jira'],
  },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/
  'GET /rest/api/3/issue/{issueIdOrKey}/properties': { classic: [READ_WORK], granular: ['read:issue.property:jira'] },
  'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': { classic: [READ_WORK], granular: ['read:issue.property:jira'] },
  'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': { classic: [WRITE_WORK], granular: ['write:issue.property:jira'] },
  'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': { classic: [WRITE_WORK], granular: ['delete:issue.property:jira'] },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/ (getComments, addComment)
  'GET /rest/api/3/issue/{issueIdOrKey}/comment': {
    classic: [READ_WORK],
    granular: ['read:comment:jira', 'read:comment.property:jira', 'read:group:jira', 'read:project:jira', 'read:project-role:jira', 'read:user:jira', 'read:avatar:jira'],
  },
  'POST /rest/api/3/issue/{issueIdOrKey}/comment': {
    classic: [WRITE_WORK],
    granular: ['read:comment:jira', 'read:comment.property:jira', 'read:group:jira', 'read:project:jira', 'read:project-role:jira', 'read:user:jira', 'write:comment:jira', 'read:avatar:jira'],
  },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/
  'GET /rest/api/3/project/search': { classic: [READ_WORK], granular: PROJECT_GRANULAR },
  'GET /rest/api/3/project/{projectId}/hierarchy': { classic: [READ_WORK], granular: ['read:issue-type:jira', 'read:issue-type-hierarchy:jira'] },
  'GET /rest/api/3/project/{projectIdOrKey}': { classic: [READ_WORK], granular: PROJECT_GRANULAR },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/
  'GET /rest/api/3/project/{projectIdOrKey}/versions': { classic: [READ_WORK], granular: ['read:project-version:jira'] },
  'GET /rest/api/3/project/{projectIdOrKey}/version': { classic: [READ_WORK], granular: ['read:project-version:jira'] },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/
  'GET /rest/api/3/field': {
    classic: [READ_WORK],
    granular: ['read:field:jira', 'read:avatar:jira', 'read:project-category:jira', 'read:project:jira', 'read:field-configuration:jira'],
  },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/
  'GET /rest/api/3/myself': { classic: [READ_USER], granular: USER_GRANULAR },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/
  'GET /rest/api/3/mypermissions': { classic: [READ_WORK], granular: ['read:permission:jira'] },
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/ and -user-search/
  'GET /rest/api/3/user/bulk': { classic: [READ_USER], granular: USER_GRANULAR },
  'GET /rest/api/3/user/permission/search': { classic: [READ_USER], granular: USER_SEARCH_GRANULAR },
  'GET /rest/api/3/user/assignable/search': { classic: [READ_USER], granular: USER_SEARCH_GRANULAR },
  // Agile API: granular only. "Get all boards" has an empty OAuth2 list in jira-software.v1.json;
  // the published reference (api-group-board/#api-rest-agile-1-0-board-get) names these two.
  'GET /rest/agile/1.0/board': { granular: ['read:board-scope:jira-software', 'read:project:jira'] },
  'GET /rest/agile/1.0/board/{boardId}': { granular: ['read:board-scope:jira-software', 'read:issue-details:jira'] },
  // Board settings are an admin view: the plain board scope is not enough (a real site answers 401).
  'GET /rest/agile/1.0/board/{boardId}/configuration': { granular: ['read:board-scope.admin:jira-software', 'read:project:jira'] },
  'GET /rest/agile/1.0/board/{boardId}/sprint': { granular: ['read:sprint:jira-software'] },
  // https://developer.atlassian.com/cloud/jira/software/rest/api-group-sprint/
  'GET /rest/agile/1.0/sprint/{sprintId}': { granular: ['read:sprint:jira-software'] },
  'GET /rest/agile/1.0/sprint/{sprintId}/issue': { granular: ['read:sprint:jira-software', 'read:issue-details:jira', 'read:jql:jira'] },
};

/** The acceptable sets of one operation (`GET /rest/agile/1.0/board/{boardId}`), or undefined when the table lacks it. */
export function scopeSetsOf(operation: string): ScopeSets | undefined {
  const entry = OPERATION_SCOPES[operation];
  if (!entry) return undefined;
  return [entry.classic, entry.granular].filter((set): set is readonly string[] => set !== undefined);
}

/** True when `granted` holds every scope of at least one set. */
export function scopesAllow(granted: Iterable<string>, sets: ScopeSets): boolean {
  const held = new Set(granted);
  return sets.some((set) => set.every((scope) => held.has(scope)));
}
